package dev.txguard.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import dev.txguard.analysis.AnalysisOptions;
import dev.txguard.analysis.Finding;
import dev.txguard.analysis.Rule;
import dev.txguard.analysis.UnitSetAnalysis;
import dev.txguard.graph.BuildOptions;
import dev.txguard.graph.FlowGraph;
import dev.txguard.graph.GraphTooLargeException;
import dev.txguard.protocol.ProtocolRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Analyses one source file with the shared core: parse, find the units that can begin a transaction (and the
 * same-file methods they call), lower them with {@link SourceLowering}, run {@link UnitSetAnalysis}, drop findings
 * suppressed by {@code @SuppressWarnings}. Not thread-safe: one per worker thread (the symbol solver is not).
 */
public final class SourceAnalyzer {
  /** A finding with its enclosing class's qualified name and what the audit says about how it was matched. */
  public record SourceFinding(Finding finding, String enclosingClass, boolean matchedByName, List<String> unresolved) {}

  /** Something that kept part of a file from being analysed, at a line (0: the whole file) and column (0: none). */
  public record SourceProblem(int line, int column, String reason) {
    public SourceProblem(int line, String reason) {
      this(line, 0, reason);
    }
  }

  /** The outcome for one file: findings, and the problems that did not stop the rest. */
  public record FileResult(List<SourceFinding> findings, List<SourceProblem> problems) {}

  /** How problem reasons start; the audit tells whole-file failures from partial ones by them. */
  public static final String DOES_NOT_PARSE = "does not parse";
  public static final String NOT_ANALYSED = "not analysed: ";
  public static final String INTERNAL_ERROR = "txguard internal error: ";
  /** After a unit's name: the rest of the file was analysed. */
  public static final String NOT_FULLY_ANALYSED = " was not fully analysed: ";
  static final String NESTED_TOO_DEEPLY = "nested too deeply";
  private static final int MAX_REASON = 300;

  private final ProtocolRegistry registry;
  private final BuildOptions buildOptions;
  private final AnalysisOptions analysisOptions;
  private final SourceParser parser;
  private final ModuleImports moduleImports;
  private final JavaParserFacade facade;
  private volatile boolean cancelled;
  private volatile Progress inProgress;
  /** The audit's module (shared by its workers); null: each file is a module of its own. */
  private final SourceModule sharedModule;
  private final Bodies bodies = new Bodies();
  private BeginProbe probe;
  private SourceModule probeModule;
  private FileContext probeFile;

  /** At the newest Java level (with the keyword retry), module imports from the JDK only. */
  public SourceAnalyzer(ProtocolRegistry registry, BuildOptions buildOptions, AnalysisOptions analysisOptions,
      CombinedTypeSolver typeSolver) {
    this(registry, buildOptions, analysisOptions, typeSolver, JavaRelease.NEWEST, ModuleImports.jdk());
  }

  public SourceAnalyzer(ProtocolRegistry registry, BuildOptions buildOptions, AnalysisOptions analysisOptions,
      CombinedTypeSolver typeSolver, JavaRelease release, ModuleImports moduleImports) {
    this(registry, buildOptions, analysisOptions, typeSolver, release, moduleImports, null);
  }

  /** An analyzer of {@code module}'s files: summaries may read the bodies of all of them. */
  public SourceAnalyzer(ProtocolRegistry registry, BuildOptions buildOptions, AnalysisOptions analysisOptions,
      CombinedTypeSolver typeSolver, JavaRelease release, ModuleImports moduleImports, SourceModule module) {
    this.sharedModule = module;
    this.registry = registry;
    this.buildOptions = buildOptions;
    this.analysisOptions = analysisOptions;
    this.parser = new SourceParser(release, new JavaSymbolSolver(typeSolver));
    this.moduleImports = moduleImports;
    this.facade = JavaParserFacade.get(typeSolver);
  }

  /**
   * Asks a running {@link #analyze} to stop at its next checkpoint (between statements, expressions and units); it then
   * returns an empty result. For a watchdog on another thread: the analyzer is unusable afterwards.
   */
  public void cancel() {
    cancelled = true;
  }

  /** What the running {@link #analyze} is doing, for a watchdog to name; null before it parses and between files. */
  public Progress inProgress() {
    return inProgress;
  }

  /** The phases of a file's analysis, as a report names them. */
  public enum Phase {
    PARSING,
    /** Finding the units that may begin and the same-file methods they call. */
    SELECTING,
    /** Lowering one unit to its flow graph: mostly the symbol solver resolving its calls and types. */
    RESOLVING,
    /** Summaries and findings over all the file's flow graphs. */
    ANALYSING
  }

  /**
   * A phase and, while resolving, the unit by its report name and line; {@code units} is how many units the file has to
   * lower or analyse.
   */
  public record Progress(Phase phase, String unit, int line, int units) {
    /** "resolving types in update() (line 12)", for "not analysed: over the limit while ...". */
    public String describe() {
      return switch (phase) {
        case PARSING -> "parsing the file";
        case SELECTING -> "finding the methods to analyse";
        case RESOLVING -> "resolving types in " + unit + " (line " + line + ")";
        case ANALYSING -> "analysing the control flow of " + units + (units == 1 ? " method" : " methods");
      };
    }
  }

  /** Analyses one file's text; never throws: whatever goes wrong becomes a problem of the file. */
  public FileResult analyze(String fileName, String source) {
    return analyze(null, fileName, source);
  }

  /** Analyses the text of {@code file} (a file of the module, or null), shown as {@code fileName}. */
  public FileResult analyze(java.nio.file.Path file, String fileName, String source) {
    try {
      return analyzeOrThrow(file == null ? null : file.toAbsolutePath().normalize(), fileName, source);
    } catch (StackOverflowError e) {
      return new FileResult(List.of(), List.of(new SourceProblem(0, NOT_ANALYSED + NESTED_TOO_DEEPLY)));
    } catch (RuntimeException | LinkageError e) {
      if (cancelled) {
        return new FileResult(List.of(), List.of());
      }
      return new FileResult(List.of(), List.of(new SourceProblem(0, INTERNAL_ERROR + describe(e))));
    } finally {
      inProgress = null;
    }
  }

  private FileResult analyzeOrThrow(java.nio.file.Path file, String fileName, String source) {
    inProgress = null;
    List<SourceProblem> problems = new ArrayList<>();
    int depth = NestingDepth.of(source);
    if (depth > NestingDepth.LIMIT) {
      return new FileResult(List.of(), List.of(new SourceProblem(0, NOT_ANALYSED + "brackets nested " + depth
          + " deep, beyond the " + NestingDepth.LIMIT + " levels txguard analyses")));
    }
    SourceParser.Parsed parsed;
    inProgress = new Progress(Phase.PARSING, null, 0, 0);
    try {
      parsed = parser.parse(source);
    } catch (StackOverflowError e) {
      // JavaParser descends once per nesting level; the worker's large stack still has a limit.
      return new FileResult(List.of(), List.of(new SourceProblem(0, DOES_NOT_PARSE + ": " + NESTED_TOO_DEEPLY
          + " for the parser")));
    }
    if (parsed.failure() != null) {
      SourceParser.Failure f = parsed.failure();
      problems.add(new SourceProblem(f.line(), f.column(), DOES_NOT_PARSE + " at " + f.level() + ": " + oneLine(f.message())));
      return new FileResult(List.of(), problems);
    }
    CompilationUnit cu = parsed.unit();
    SourceModule module = sharedModule != null ? sharedModule : singleFileModule(cu);
    java.nio.file.Path key = file != null ? file : java.nio.file.Path.of("file-" + System.identityHashCode(cu));
    FileContext here = prepare(cu, fileName, source, key, module);
    SourceResolver resolver = here.resolver();
    SourceLowering lowering = here.lowering();
    bodies.start(module, key, here);

    inProgress = new Progress(Phase.SELECTING, null, 0, 0);
    List<Node> units = new ArrayList<>();
    IdentityHashMap<Node, Set<String>> calls = new IdentityHashMap<>();
    collect(cu, units, calls);
    Set<Node> selected = select(units, calls, module);

    List<FlowGraph> graphs = new ArrayList<>();
    IdentityHashMap<FlowGraph, Node> unitOf = new IdentityHashMap<>();
    for (Node u : units) {
      if (!selected.contains(u)) {
        continue;
      }
      checkpoint();
      inProgress = new Progress(Phase.RESOLVING, nameOf(u), line(u), selected.size());
      if (!beginsItself(calls.get(u)) && !callsABegin(here, u, module)) {
        continue; // selected by a name that may begin through a module method, but none of its calls does
      }
      try {
        FlowGraph g = lower(here, u);
        graphs.add(g);
        unitOf.put(g, u);
      } catch (GraphTooLargeException e) {
        problems.add(new SourceProblem(line(u), nameOf(u) + NOT_FULLY_ANALYSED + e.getMessage()));
      } catch (StackOverflowError e) {
        problems.add(new SourceProblem(line(u), nameOf(u) + NOT_FULLY_ANALYSED + NESTED_TOO_DEEPLY));
      } catch (RuntimeException e) {
        checkpoint();
        problems.add(new SourceProblem(line(u), "could not analyse " + nameOf(u) + ": " + describe(e)));
      }
    }
    // The analysis of the graphs is bounded by its step and state budgets (AnalysisOptions), not by checkpoints.
    inProgress = new Progress(Phase.ANALYSING, null, 0, graphs.size());
    List<SourceFinding> findings = new ArrayList<>();
    for (UnitSetAnalysis.UnitResult r : new UnitSetAnalysis(module.summaries(), bodies).analyze(graphs)) {
      Node u = unitOf.get(r.graph());
      if (r.failure() != null) {
        problems.add(new SourceProblem(line(u), nameOf(u) + NOT_FULLY_ANALYSED + r.failure()));
        continue;
      }
      String cls = u.findAncestor(TypeDeclaration.class)
          .map(t -> ((TypeDeclaration<?>) t).getFullyQualifiedName().orElse(t.getNameAsString())).orElse("");
      SourceResolver.NameNotes notes = resolver.notesFor(u); // per unit: only what its own matching used
      for (Finding f : r.findings()) {
        if (!suppressed(u, f.rule())) {
          findings.add(new SourceFinding(f, cls, notes.matchedByName(), notes.unresolvedOn(linesOf(f))));
        }
      }
    }
    return new FileResult(findings, problems);
  }

  /** The lines a finding's path is told by: its begin, its steps and its exit. */
  private static Set<Integer> linesOf(Finding f) {
    Set<Integer> lines = new java.util.HashSet<>();
    lines.add(f.begin().line());
    lines.add(f.at().line());
    f.path().forEach(step -> lines.add(step.site().line()));
    return lines;
  }

  private boolean beginsItself(Set<String> calledNames) {
    return calledNames.stream().anyMatch(registry::mayBegin);
  }

  /**
   * Whether one of the unit's own calls whose name may begin through a module method resolves to a method whose
   * summary begins ({@link dev.txguard.analysis.ModuleSummaries#callMayBegin}). Only those calls are resolved: a
   * unit for which this is false would lower to a graph the analysis skips (it can begin nothing), and lowering
   * resolves every call in it. In jOOQ, whose method names share "may begin" with thousands of others (`execute`,
   * `accept`), lowering such units took tens of seconds per file. Before a call is resolved, the {@link BeginProbe}
   * rules it out by the methods its receiver's type has (resolving {@code and(row(t1, t2))} among jOOQ's generic
   * overloads took minutes).
   */
  private boolean callsABegin(FileContext here, Node u, SourceModule module) {
    for (MethodCallExpr call : u.findAll(MethodCallExpr.class)) {
      if (enclosingUnit(call) != u) {
        continue;
      }
      boolean may = probe(module).mayBegin(call, dev.txguard.analysis.ModuleSummaries.DEPTH);
      ProbeObserver observer = probeObserver;
      if (observer != null && module.index().mayBegin(call.getNameAsString(), call.getArguments().size())) {
        String id = here.resolver().callee(call).localId();
        observer.observed(call.toString(), line(call), may, id != null && module.summaries().callMayBegin(bodies, id));
      }
      if (may) {
        String id = here.resolver().callee(call).localId();
        if (id != null && module.summaries().callMayBegin(bodies, id)) {
          return true;
        }
      }
    }
    for (com.github.javaparser.ast.expr.ObjectCreationExpr n : u.findAll(com.github.javaparser.ast.expr.ObjectCreationExpr.class)) {
      if (enclosingUnit(n) == u && n.getAnonymousClassBody().isEmpty()
          && probe(module).mayBegin(n, dev.txguard.analysis.ModuleSummaries.DEPTH)) {
        String id = here.resolver().constructorId(n);
        if (id != null && module.summaries().callMayBegin(bodies, id)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Sees, for a test, what the probe answered for a call and what resolving it showed. */
  @FunctionalInterface
  public interface ProbeObserver {
    void observed(String call, int line, boolean probeMayBegin, boolean resolvedCalleeMayBegin);
  }

  private static volatile ProbeObserver probeObserver;

  /**
   * For tests only: every call the module index says may begin is also resolved, and both answers reported
   * (null: off). The probe must never say "cannot" where resolving says "may".
   */
  public static void observeProbe(ProbeObserver observer) {
    probeObserver = observer;
  }

  /** The probe for the file being analysed (a new one per file: see {@link BeginProbe}). */
  private BeginProbe probe(SourceModule module) {
    if (probe == null || probeModule != module || probeFile != bodies.currentContext) {
      probeFile = bodies.currentContext;
      probe = new BeginProbe(facade, registry, module.index(), new BeginProbe.Summaries() {
        @Override
        public String idOf(CallableDeclaration<?> declaration) {
          FileContext here = bodies.currentContext;
          return here == null ? null : here.resolver().calleeId(declaration);
        }

        @Override
        public boolean mayBegin(String id, int depth) {
          return module.summaries().mayBeginAt(bodies, id, depth);
        }
      });
      probeModule = module;
    }
    return probe;
  }

  /**
   * javac names the implicit class of a compact source file (JEP 512) after the file; JavaParser calls it
   * {@code $COMPACT_CLASS}. Reports and unit names use javac's name.
   */
  private static void nameCompactClass(CompilationUnit cu, String fileName) {
    String base = fileName == null ? "" : fileName.substring(fileName.lastIndexOf('/') + 1);
    String stem = base.endsWith(".java") ? base.substring(0, base.length() - ".java".length()) : base;
    for (TypeDeclaration<?> t : cu.getTypes()) {
      if (t instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c && c.isCompact()
          && isIdentifier(stem)) {
        c.setName(stem);
      }
    }
  }

  private static boolean isIdentifier(String s) {
    return !s.isEmpty() && Character.isJavaIdentifierStart(s.codePointAt(0))
        && s.codePoints().allMatch(Character::isJavaIdentifierPart);
  }

  private void checkpoint() {
    if (cancelled) {
      throw new CancellationException("analysis cancelled");
    }
  }

  /**
   * An exception in one line and of bounded length: some JavaParser exceptions print whole AST nodes in their message,
   * and a report must never carry a stack trace or a megabyte of source.
   */
  public static String describe(Throwable e) {
    return oneLine(e.toString());
  }

  private static String oneLine(String s) {
    String t = s.replaceAll("\\s+", " ").strip();
    if (t.length() <= MAX_REASON) {
      return t;
    }
    int end = Character.isHighSurrogate(t.charAt(MAX_REASON - 1)) ? MAX_REASON - 1 : MAX_REASON;
    return t.substring(0, end) + "...";
  }

  private static int line(Node n) {
    return n.getRange().map(r -> r.begin.line).orElse(0);
  }

  private FlowGraph lower(FileContext ctx, Node u) {
    SourceLowering lowering = ctx.lowering();
    if (u instanceof CallableDeclaration<?> c) {
      BlockStmt body = c instanceof MethodDeclaration m ? m.getBody().orElseThrow() : ((ConstructorDeclaration) c).getBody();
      return lowering.lowerCallable(c, body, nameOf(u), ctx.resolver().unitId(c), buildOptions);
    }
    if (u instanceof CompactConstructorDeclaration c) {
      return lowering.lowerCompactConstructor(c, nameOf(u), buildOptions);
    }
    if (u instanceof LambdaExpr l) {
      return lowering.lowerLambda(l, nameOf(u), "lambda@" + line(u) + ":" + l.getRange().map(r -> r.begin.column).orElse(0),
          buildOptions);
    }
    InitializerDeclaration init = (InitializerDeclaration) u;
    return lowering.lowerInitializer(init.getBody(), nameOf(u), "init@" + line(u), buildOptions);
  }

  /** Names as the javac front end gives them: {@code update()}, {@code Service()}, {@code the lambda in update()}. */
  static String nameOf(Node u) {
    if (u instanceof ConstructorDeclaration c) {
      return c.getNameAsString() + "()";
    }
    if (u instanceof CompactConstructorDeclaration c) {
      return c.getNameAsString() + "()";
    }
    if (u instanceof MethodDeclaration m) {
      return m.getNameAsString() + "()";
    }
    if (u instanceof LambdaExpr l) {
      Node outer = l.getParentNode().orElse(null);
      while (outer != null && !(outer instanceof CallableDeclaration) && !(outer instanceof LambdaExpr)
          && !(outer instanceof CompactConstructorDeclaration) && !(outer instanceof TypeDeclaration)
          && !(outer instanceof InitializerDeclaration)) {
        outer = outer.getParentNode().orElse(null);
      }
      if (outer instanceof TypeDeclaration<?> t) {
        return "the lambda in " + t.getNameAsString();
      }
      if (outer instanceof ObjectCreationExpr) {
        return "the lambda in anonymous class";
      }
      return "the lambda in " + (outer == null ? "?" : nameOf(outer));
    }
    if (u instanceof InitializerDeclaration i) {
      String cls = i.findAncestor(TypeDeclaration.class).map(t -> t.getNameAsString()).orElse("anonymous class");
      return "the initializer of " + cls;
    }
    return "?";
  }

  private void collect(CompilationUnit cu, List<Node> units, Map<Node, Set<String>> calls) {
    for (Node n : cu.findAll(Node.class)) {
      if (isUnit(n)) {
        units.add(n);
        calls.put(n, new HashSet<>());
      }
    }
    for (MethodCallExpr call : cu.findAll(MethodCallExpr.class)) {
      Node u = enclosingUnit(call);
      if (u != null) {
        calls.get(u).add(SourceModuleScan.selectionName(call, registry));
      }
    }
    for (com.github.javaparser.ast.expr.ObjectCreationExpr call : cu.findAll(com.github.javaparser.ast.expr.ObjectCreationExpr.class)) {
      Node u = enclosingUnit(call);
      if (u != null) {
        calls.get(u).add("new " + call.getType().getNameAsString());
      }
    }
  }

  /**
   * Method and constructor bodies (a record's compact constructor too: javac sees a constructor there), lambdas and
   * initializer blocks.
   */
  private static boolean isUnit(Node n) {
    return (n instanceof MethodDeclaration m && m.getBody().isPresent()) || n instanceof ConstructorDeclaration
        || n instanceof CompactConstructorDeclaration || n instanceof LambdaExpr || n instanceof InitializerDeclaration;
  }

  private static Node enclosingUnit(Node n) {
    for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (isUnit(p)) {
        return p;
      }
      if (p instanceof TypeDeclaration) {
        return null;
      }
    }
    return null;
  }

  /**
   * The same pre-filter as the javac front end: units that call a name that may begin, by the protocol table or through
   * a module method (the module index). The methods they call are lowered on demand, as callees.
   */
  private Set<Node> select(List<Node> units, Map<Node, Set<String>> calls, SourceModule module) {
    Set<Node> selected = java.util.Collections.newSetFromMap(new IdentityHashMap<>()); // nodes: by identity
    for (Node u : units) {
      if (calls.get(u).stream().anyMatch(module.index()::selects)) {
        selected.add(u);
      }
    }
    return selected;
  }

  /** Without an audit's module, the file is a module of its own (as one file given to javac is). */
  private SourceModule singleFileModule(CompilationUnit cu) {
    List<dev.txguard.module.ModuleIndex.Method> methods = new ArrayList<>();
    SourceModuleScan.scan(cu, methods, registry);
    return SourceModule.singleFile(dev.txguard.module.ModuleIndex.build(methods, registry), analysisOptions);
  }

  /** A parsed file ready to lower: its tree, resolver and lowering. */
  private record FileContext(CompilationUnit cu, SourceResolver resolver, SourceLowering lowering) {}

  private FileContext prepare(CompilationUnit cu, String fileName, String source, java.nio.file.Path key,
      SourceModule module) {
    moduleImports.expand(cu);
    nameCompactClass(cu, fileName);
    ImportNames.freeze(cu);
    SourceResolver resolver = new SourceResolver(cu, facade, registry, key, module);
    return new FileContext(cu, resolver, new SourceLowering(registry, resolver, new SourceSites(source), this::checkpoint));
  }

  /**
   * The bodies of the module's methods for this analyzer's thread: the file being analysed, and other files parsed on
   * demand (the last few kept), lowered with this analyzer's solver.
   */
  private final class Bodies implements dev.txguard.analysis.ModuleBodies {
    private static final int FILES_KEPT = 16;
    private SourceModule module;
    private java.nio.file.Path current;
    private FileContext currentContext;
    private final Map<java.nio.file.Path, java.util.Optional<FileContext>> others =
        new java.util.LinkedHashMap<>(32, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<java.nio.file.Path, java.util.Optional<FileContext>> eldest) {
            return size() > FILES_KEPT;
          }
        };

    /**
     * Per parsed file (by identity: a tree's own hashCode walks it), its methods and constructors with a body by unit
     * id, the first in the file winning. Dropped whole now and then: a re-parsed file is a new tree.
     */
    private final Map<CompilationUnit, Map<String, CallableDeclaration<?>>> callables = new IdentityHashMap<>();

    void start(SourceModule module, java.nio.file.Path current, FileContext context) {
      if (this.module != module) {
        others.clear();
      }
      this.module = module;
      this.current = current;
      this.currentContext = context;
    }

    @Override
    public boolean mayBegin(String methodName, int arguments) {
      return module.index().mayBegin(methodName, arguments);
    }

    @Override
    public FlowGraph body(String id) {
      java.nio.file.Path file = module.fileOf(id);
      if (file == null) {
        return null;
      }
      FileContext ctx = file.equals(current) ? currentContext : others.computeIfAbsent(file, this::open).orElse(null);
      if (ctx == null) {
        return null;
      }
      // Indexed once per file: a walk of the whole file per callee made large files quadratic (hsqldb's SqlFile).
      if (callables.size() > 4 * FILES_KEPT) {
        callables.clear();
      }
      CallableDeclaration<?> c = callables.computeIfAbsent(ctx.cu(), cu -> index(ctx)).get(id);
      if (c == null) {
        return null;
      }
      checkpoint();
      return lower(ctx, c);
    }

    private Map<String, CallableDeclaration<?>> index(FileContext ctx) {
      Map<String, CallableDeclaration<?>> byId = new java.util.HashMap<>();
      for (CallableDeclaration<?> c : ctx.cu().findAll(CallableDeclaration.class)) {
        if (!(c instanceof MethodDeclaration m) || m.getBody().isPresent()) {
          byId.putIfAbsent(ctx.resolver().unitId(c), c);
        }
      }
      return byId;
    }

    private java.util.Optional<FileContext> open(java.nio.file.Path file) {
      try {
        String text = module.read(file);
        SourceParser.Parsed parsed = parser.parse(text);
        if (parsed.failure() != null) {
          return java.util.Optional.empty();
        }
        return java.util.Optional.of(prepare(parsed.unit(), file.getFileName().toString(), text, file, module));
      } catch (java.io.IOException | RuntimeException | StackOverflowError e) {
        return java.util.Optional.empty(); // its callers get no summary from it; the file reports its own problems
      }
    }
  }

  /** {@code @SuppressWarnings} on the unit's enclosing members, with the same names as the javac front end. */
  private static boolean suppressed(Node u, Rule rule) {
    for (Node p = u; p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof NodeWithAnnotations<?> a) {
        for (AnnotationExpr ann : a.getAnnotations()) {
          if (!ann.getNameAsString().equals("SuppressWarnings") && !ann.getNameAsString().equals("java.lang.SuppressWarnings")) {
            continue;
          }
          for (String v : values(ann)) {
            if (v.equals("all") || v.equals(rule.checkName())
                || (v.equals(Rule.UNCOMMITTED_TRANSACTION.checkName()) && rule.enabledByDefault())) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static List<String> values(AnnotationExpr ann) {
    List<String> out = new ArrayList<>();
    Expression v = ann instanceof SingleMemberAnnotationExpr s ? s.getMemberValue()
        : ann.isNormalAnnotationExpr() ? ann.asNormalAnnotationExpr().getPairs().stream()
            .filter(p -> p.getNameAsString().equals("value")).map(p -> p.getValue()).findFirst().orElse(null)
        : null;
    if (v instanceof StringLiteralExpr s) {
      out.add(s.getValue());
    } else if (v instanceof ArrayInitializerExpr arr) {
      arr.getValues().forEach(e -> {
        if (e instanceof StringLiteralExpr s) {
          out.add(s.getValue());
        }
      });
    }
    return out;
  }
}
