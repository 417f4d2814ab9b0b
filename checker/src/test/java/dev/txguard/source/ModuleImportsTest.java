package dev.txguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Module imports (JEP 511) and the implicit java.base import of compact source files (JEP 512) in name resolution. */
class ModuleImportsTest {
  private static CompilationUnit parse(String source) {
    SourceParser.Parsed p = new SourceParser(JavaRelease.NEWEST,
        new JavaSymbolSolver(new ReflectionTypeSolver())).parse(source);
    CompilationUnit cu = p.unit();
    ModuleImports.jdk().expand(cu);
    return cu;
  }

  private static String typeOfFirstParameter(CompilationUnit cu) {
    return cu.findFirst(Parameter.class).orElseThrow().getType().resolve().describe();
  }

  @Test
  void aModuleImportMakesItsExportedTypesResolve() {
    CompilationUnit cu = parse("import module java.sql;\nclass A { void m(Connection c, DataSource d) {} }");
    assertEquals("java.sql.Connection", typeOfFirstParameter(cu));
    assertFalse(cu.getImports().stream().anyMatch(ImportDeclaration::isModule), cu.getImports().toString());
    // javax.sql is exported by java.sql too
    assertEquals("javax.sql.DataSource",
        cu.findAll(Parameter.class).get(1).getType().resolve().describe());
  }

  @Test
  void requiresTransitiveIsFollowed() {
    Set<String> pkgs = ModuleImports.jdk().packagesOf(List.of("java.sql"));
    assertTrue(pkgs.containsAll(Set.of("java.sql", "javax.sql", "java.util.logging", "javax.transaction.xa",
        "javax.xml.parsers")), pkgs.toString());
    assertFalse(pkgs.contains("java.util"), "java.base is required, not transitively: " + pkgs);
  }

  @Test
  void knownJakartaModulesWithoutTheirJars() {
    assertEquals(Set.of("jakarta.transaction"), ModuleImports.jdk().packagesOf(List.of("jakarta.transaction")));
    assertTrue(ModuleImports.jdk().packagesOf(List.of("jakarta.persistence")).contains("jakarta.persistence"));
    assertEquals(Set.of(), ModuleImports.jdk().packagesOf(List.of("no.such.module")));
  }

  @Test
  void singleTypeImportsStillWin() {
    CompilationUnit cu = parse("import module java.desktop;\nimport java.util.List;\nclass A { void m(List<String> l) {} }");
    assertEquals("java.util.List<java.lang.String>", typeOfFirstParameter(cu));
  }

  @Test
  void aCompactSourceFileImportsJavaBase() {
    CompilationUnit cu = parse("void main() {}\nvoid m(List<String> l) {}\n");
    assertEquals("java.util.List<java.lang.String>", typeOfFirstParameter(cu));
    CompilationUnit ordinary = parse("class A { void m(int x) {} }");
    assertEquals(List.of(), ordinary.getImports(), "an ordinary file gets no import");
  }
}
