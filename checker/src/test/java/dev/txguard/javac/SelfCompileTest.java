package dev.txguard.javac;

import static dev.txguard.javac.InProcessCompiler.REPO;
import static dev.txguard.javac.InProcessCompiler.errors;
import static dev.txguard.javac.InProcessCompiler.internalFailures;
import static dev.txguard.javac.InProcessCompiler.txguardFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.scanner.BuiltInCheckerSuppliers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real code through a real build's check set: txguard's own sources and every Java file under {@code testdata/},
 * compiled with Error Prone's default checks and both txguard checks. Neither txguard nor Error Prone may fail
 * internally on any of it, and txguard's own code (which begins no transaction) must draw no txguard finding.
 */
class SelfCompileTest {
  /** The checker's sources use javac internals, as its own build allows. */
  private static final List<String> JAVAC_EXPORTS = Stream.of("api", "code", "comp", "tree", "util")
      .map(p -> "--add-exports=jdk.compiler/com.sun.tools.javac." + p + "=ALL-UNNAMED").toList();

  @TempDir
  Path out;

  private InProcessCompiler compiler() {
    return new InProcessCompiler(BuiltInCheckerSuppliers.defaultChecks().plus(InProcessCompiler.txguardChecks()), out);
  }

  @Test
  void txguardsOwnSourcesCompileCleanlyUnderBothCheckSets() {
    List<Path> sources = InProcessCompiler.javaFiles(REPO.resolve("checker/src/main/java"));
    sources.addAll(InProcessCompiler.javaFiles(REPO.resolve("checker/src/test/java")));
    List<Diagnostic<? extends JavaFileObject>> diags = compiler().compile(sources, JAVAC_EXPORTS);

    assertEquals(List.of(), internalFailures(diags));
    assertEquals(List.of(), errors(diags), "the sources compile");
    assertEquals(List.of(), txguardFindings(diags).stream().map(InProcessCompiler::describe).toList(),
        "txguard's own code begins no transaction");
  }

  @Test
  void everyTestdataFileCompilesWithoutAnInternalFailure() {
    List<List<Path>> units = InProcessCompiler.testdataUnits(REPO.resolve("testdata"));
    assertTrue(units.size() > 40, "testdata found: " + units.size());
    int findings = 0;
    List<String> failures = new ArrayList<>();
    InProcessCompiler compiler = compiler();
    for (List<Path> unit : units) {
      List<Diagnostic<? extends JavaFileObject>> diags = compiler.compile(unit, List.of());
      failures.addAll(internalFailures(diags));
      failures.addAll(errors(diags));
      findings += txguardFindings(diags).size();
    }
    assertEquals(List.of(), failures);
    assertTrue(findings > 300, "txguard still reports the labelled leaks alongside the default checks: " + findings);
  }
}
