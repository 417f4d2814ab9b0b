package dev.txguard.audit;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Processor;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.validator.postprocessors.Java21PostProcessor;
import com.github.javaparser.resolution.Navigator;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import dev.txguard.source.ImportNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An audited source root as a type solver. A type {@code a.b.C.D} is looked for only where javac's conventions put
 * it: {@code a/b/C/D.java} or {@code a/b/C.java}. JavaParser's own source solver also parses every file of a package
 * directory whenever a name is not where expected (each simple name is first tried in the current package:
 * {@code java.nio.channels.String}, ...), which dominated the audit of large trees. A secondary top-level type in a
 * file of another name is therefore not found by a root's solver; the module index lists such types, and the solver
 * for files outside their package's folder finds them ({@code AuditRunner}).
 *
 * <p>One instance per worker (JavaParser's ASTs are not thread-safe to resolve in): parsed files sit in a small LRU
 * cache, so memory stays bounded whatever the tree's size; names found nowhere are remembered for the whole audit.
 */
final class SourceRootTypeSolver implements TypeSolver {
  /** Parsed files kept per worker; a type resolved from one keeps its AST alive only while it is cached. */
  private static final int PARSED_FILES = 256;

  private final Path root;
  /** Files outside their package's folder by the type they are named for; null for a root solver. */
  private final Map<String, Path> declaredElsewhere;
  private final JavaParser parser = new JavaParser(declarationsOnly());
  private final Map<Path, ParsedFile> parsed = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Path, ParsedFile> eldest) {
      return size() > PARSED_FILES;
    }
  };
  private final Map<Path, Boolean> isFile = new HashMap<>();
  private final Set<String> notHere = new HashSet<>();
  private TypeSolver parent;

  /** Whether this root's files are the module's (their bodies feed summaries) or a classpath of sources (types only). */
  private final boolean moduleBodies;

  SourceRootTypeSolver(Path root) {
    this(root, true);
  }

  SourceRootTypeSolver(Path root, boolean moduleBodies) {
    this.root = root;
    this.declaredElsewhere = null;
    this.moduleBodies = moduleBodies;
  }

  private SourceRootTypeSolver(Map<String, Path> declaredElsewhere) {
    this.root = null;
    this.declaredElsewhere = Map.copyOf(declaredElsewhere);
    this.moduleBodies = true;
  }

  /**
   * A solver for files whose folder does not match their package ({@code src/Db.java} declaring
   * {@code package com.acme;}), keyed by the type each is named for ({@code com.acme.Db}): javac compiles them where
   * they are, so their package's other files must see them (and types nested in them) all the same.
   */
  static SourceRootTypeSolver declaredElsewhere(Map<String, Path> files) {
    return new SourceRootTypeSolver(files);
  }

  /**
   * Files parsed for their declarations only: the audited language level's post-processing ({@code var}, records,
   * ...), but neither its validation nor comment attribution nor tokens, which only the audited files need.
   */
  private static ParserConfiguration declarationsOnly() {
    ParserConfiguration config = new ParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
        .setAttributeComments(false)
        .setStoreTokens(false);
    Java21PostProcessor post = new Java21PostProcessor(); // JAVA_21, as SourceAnalyzer parses the audited files
    config.getProcessors().add(() -> new Processor() {
      @Override
      public void postProcess(ParseResult<? extends Node> result, ParserConfiguration configuration) {
        post.postProcess(result, configuration);
      }
    });
    return config;
  }

  @Override
  public TypeSolver getParent() {
    return parent;
  }

  @Override
  public void setParent(TypeSolver parent) {
    this.parent = parent;
  }

  @Override
  public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveType(String name) {
    if (notHere.contains(name)) {
      return SymbolReference.unsolved();
    }
    String[] parts = name.split("\\.");
    for (int i = parts.length; i > 0; i--) {
      ParsedFile file = parsedFile(parts, i);
      if (file != null) {
        SymbolReference<ResolvedReferenceTypeDeclaration> found = file.type(String.join(".",
            Arrays.asList(parts).subList(i - 1, parts.length)), this);
        if (found.isSolved()) {
          return found;
        }
      }
    }
    notHere.add(name);
    return SymbolReference.unsolved();
  }

  @Override
  public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveTypeInModule(String qualifiedModuleName,
      String simpleTypeName) {
    return SymbolReference.unsolved();
  }

  /**
   * The parsed file {@code parts[0]/.../parts[n-1].java} (or the indexed file named for {@code parts[0..n)}), or null
   * when it does not exist or does not parse.
   */
  private ParsedFile parsedFile(String[] parts, int n) {
    Path file;
    if (declaredElsewhere != null) {
      file = declaredElsewhere.get(String.join(".", Arrays.asList(parts).subList(0, n)));
      return file == null ? null : parsed(file);
    }
    try {
      file = root;
      for (int j = 0; j < n - 1; j++) {
        file = file.resolve(parts[j]);
      }
      file = file.resolve(parts[n - 1] + ".java");
    } catch (InvalidPathException e) {
      return null;
    }
    if (!isFile.computeIfAbsent(file, Files::isRegularFile)) {
      return null;
    }
    return parsed(file);
  }

  private ParsedFile parsed(Path file) {
    ParsedFile cached = parsed.get(file);
    if (cached == null) {
      cached = new ParsedFile(parse(file));
      parsed.put(file, cached);
    }
    return cached.cu == null ? null : cached;
  }

  private CompilationUnit parse(Path file) {
    try {
      String text = SourceText.decode(Files.readAllBytes(file)).text();
      ParseResult<CompilationUnit> result = parser.parse(text);
      result.getResult().ifPresent(ImportNames::freeze); // the solver resolves names in these files too
      if (moduleBodies) {
        // Marks the tree as a file of the module: a callee declared here has a body a summary may read.
        result.getResult().ifPresent(cu -> cu.setStorage(file.toAbsolutePath().normalize()));
      }
      return result.getResult().orElse(null);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return null; // such a file is reported when it is audited itself; here its types just do not resolve
    }
  }

  /** A parsed file and the types already looked up in it. */
  private static final class ParsedFile {
    final CompilationUnit cu;
    final Map<String, SymbolReference<ResolvedReferenceTypeDeclaration>> types = new HashMap<>();

    ParsedFile(CompilationUnit cu) {
      this.cu = cu;
    }

    SymbolReference<ResolvedReferenceTypeDeclaration> type(String nested, TypeSolver solver) {
      return types.computeIfAbsent(nested, n -> {
        Optional<TypeDeclaration<?>> decl = Navigator.findType(cu, n);
        return decl.<SymbolReference<ResolvedReferenceTypeDeclaration>>map(
                d -> SymbolReference.solved(JavaParserFacade.get(solver).getTypeDeclaration(d)))
            .orElseGet(SymbolReference::unsolved);
      });
    }
  }

  @Override
  public String toString() {
    return "SourceRootTypeSolver[" + (root != null ? root : declaredElsewhere.size() + " files outside their package's folder") + "]";
  }
}
