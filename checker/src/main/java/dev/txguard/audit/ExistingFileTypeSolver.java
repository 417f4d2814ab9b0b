package dev.txguard.audit;

import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A source-root solver that asks its delegate only about names that can live in a file of the root: for
 * {@code a.b.C.D} one of {@code a/b/C.java}, {@code a/b.java}, ... must exist. JavaParser's own solver otherwise
 * parses every file of a package directory to look for a non-public top-level type whenever a simple name is tried
 * in the current package ({@code java.nio.channels.String}), which dominated the audit of the JDK's sources.
 * Secondary top-level types in another file are missed (a rare style; such names fall back to name matching).
 */
final class ExistingFileTypeSolver implements TypeSolver {
  private final Path root;
  private final TypeSolver delegate;
  private TypeSolver parent;

  ExistingFileTypeSolver(Path root, TypeSolver delegate) {
    this.root = root;
    this.delegate = delegate;
  }

  @Override
  public TypeSolver getParent() {
    return parent;
  }

  @Override
  public void setParent(TypeSolver parent) {
    this.parent = parent;
    delegate.setParent(parent);
  }

  @Override
  public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveType(String name) {
    String[] parts = name.split("\\.");
    for (int i = parts.length; i > 0; i--) {
      Path file = root;
      for (int j = 0; j < i - 1; j++) {
        file = file.resolve(parts[j]);
      }
      if (Files.isRegularFile(file.resolve(parts[i - 1] + ".java"))) {
        return delegate.tryToSolveType(name);
      }
    }
    return SymbolReference.unsolved();
  }

  @Override
  public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveTypeInModule(String qualifiedModuleName,
      String simpleTypeName) {
    return SymbolReference.unsolved();
  }
}
