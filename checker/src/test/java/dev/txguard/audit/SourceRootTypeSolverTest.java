package dev.txguard.audit;

import static dev.txguard.audit.TestProjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRootTypeSolverTest {
  @TempDir
  Path root;

  private SourceRootTypeSolver solver() {
    SourceRootTypeSolver solver = new SourceRootTypeSolver(root);
    new CombinedTypeSolver(new ReflectionTypeSolver(), solver); // sets the parent that resolution climbs to
    return solver;
  }

  @Test
  void findsTopLevelAndNestedTypesInTheirCanonicalFile() {
    write(root, "app/Orm.java", """
        package app;
        public class Orm {
          public void commit() {}
          public static class Tx { public void rollback() {} }
          record Row(int id) {}
        }
        """);
    SourceRootTypeSolver solver = solver();

    SymbolReference<ResolvedReferenceTypeDeclaration> orm = solver.tryToSolveType("app.Orm");
    assertTrue(orm.isSolved());
    assertEquals("app.Orm", orm.getCorrespondingDeclaration().getQualifiedName());
    assertEquals(List.of("commit"), orm.getCorrespondingDeclaration().getDeclaredMethods().stream()
        .map(m -> m.getName()).collect(Collectors.toList()));
    assertTrue(solver.tryToSolveType("app.Orm.Tx").isSolved());
    // Records need the audited language level's post-processing even though validation is off.
    assertTrue(solver.tryToSolveType("app.Orm.Row").getCorrespondingDeclaration().isRecord());
  }

  @Test
  void namesWithoutTheirFileDoNotResolveAndNoDirectoryIsScanned() {
    write(root, "app/Orm.java", "package app; public class Orm {}\nclass Secondary {}\n");
    write(root, "app/Broken.java", "package app; public class Broken {");
    SourceRootTypeSolver solver = solver();

    assertFalse(solver.tryToSolveType("app.String").isSolved());
    assertFalse(solver.tryToSolveType("app.Orm.Missing").isSolved());
    // A secondary top-level type lives in a file of another name: the documented limit (name matching takes over).
    assertFalse(solver.tryToSolveType("app.Secondary").isSolved());
    // A file that does not parse is the audit's problem to report, not the solver's.
    assertFalse(solver.tryToSolveType("app.Broken").isSolved());
    assertFalse(solver.tryToSolveType("no such/path\u0000.X").isSolved());
  }

  @Test
  void aTypeInAPackageNamedLikeAClassIsFoundFirst() {
    write(root, "app/Orm.java", "package app; public class Orm { public static class Tx {} }");
    write(root, "app/Orm/Tx.java", "package app.Orm; public class Tx { public void begin() {} }");
    SymbolReference<ResolvedReferenceTypeDeclaration> tx = solver().tryToSolveType("app.Orm.Tx");
    assertEquals(1, tx.getCorrespondingDeclaration().getDeclaredMethods().size(), "javac's order: package first");
  }

  @Test
  void filesOutsideTheirPackagesFolderResolveByTheTypeTheyAreNamedFor() {
    Path db = write(root, "src/Db.java", "package com.acme; public class Db { public static class Tx {} }\nclass Other {}\n");
    SourceRootTypeSolver solver = SourceRootTypeSolver.declaredElsewhere(java.util.Map.of("com.acme.Db", db));
    new CombinedTypeSolver(new ReflectionTypeSolver(), solver);

    assertEquals("com.acme.Db", solver.tryToSolveType("com.acme.Db").getCorrespondingDeclaration().getQualifiedName());
    assertTrue(solver.tryToSolveType("com.acme.Db.Tx").isSolved());
    assertFalse(solver.tryToSolveType("com.acme.Other").isSolved(), "a secondary type: the same limit as in a root");
    assertFalse(solver.tryToSolveType("Db").isSolved());
    assertFalse(solver.tryToSolveType("src.Db").isSolved(), "not where its folder would put it");
  }
}
