package dev.txguard.audit;

import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ClassLoaderTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JarTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds one worker's symbol solver: the JDK, the audited source roots, the audited files outside their package's
 * folder, then the classpath.
 */
final class TypeSolvers {
  private TypeSolvers() {}

  static CombinedTypeSolver create(List<Path> sourceRoots, Map<String, Path> declaredElsewhere, Classpath classpath) {
    CombinedTypeSolver ts = new CombinedTypeSolver(new ReflectionTypeSolver());
    for (Path root : sourceRoots) {
      ts.add(new SourceRootTypeSolver(root, true));
    }
    if (!declaredElsewhere.isEmpty()) {
      ts.add(SourceRootTypeSolver.declaredElsewhere(declaredElsewhere));
    }
    for (Path jar : classpath.jars()) {
      try {
        ts.add(new JarTypeSolver(jar));
      } catch (IOException | RuntimeException e) {
        // Classpath.check opened it already; if javassist still cannot, names fall back as for a missing jar.
      }
    }
    ClassLoader classes = classpath.classDirLoader();
    if (classes != null) {
      ts.add(new LinkageSafeClassLoaderTypeSolver(classes));
    }
    for (Path dir : classpath.sourceDirs()) {
      ts.add(new SourceRootTypeSolver(dir, false)); // settled detail 16: the main sources seen from the tests' audit
    }
    return ts;
  }

  /**
   * Loading a user class whose dependencies are not on the classpath throws {@link LinkageError}, which the
   * analyzer does not catch; here it just means "not resolved", as for a missing class.
   */
  private static final class LinkageSafeClassLoaderTypeSolver extends ClassLoaderTypeSolver {
    LinkageSafeClassLoaderTypeSolver(ClassLoader loader) {
      super(loader);
    }

    @Override
    public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveType(String name) {
      try {
        return super.tryToSolveType(name);
      } catch (LinkageError e) {
        return SymbolReference.unsolved();
      }
    }
  }
}
