package dev.txguard.javac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.scanner.BuiltInCheckerSuppliers;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real code through a real build's check set: txguard's own sources and every Java file under {@code testdata/},
 * compiled with Error Prone's default checks and both txguard checks. Neither txguard nor Error Prone may fail
 * internally on any of it, and txguard's own code (which begins no transaction) must draw no txguard finding.
 */
class SelfCompileTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  /** The checker's sources use javac internals, as its own build allows. */
  private static final List<String> JAVAC_EXPORTS = Stream.of("code", "tree", "util")
      .map(p -> "--add-exports=jdk.compiler/com.sun.tools.javac." + p + "=ALL-UNNAMED").toList();

  @TempDir
  Path out;

  @Test
  void txguardsOwnSourcesCompileCleanlyUnderBothCheckSets() throws IOException {
    List<Path> sources = javaFiles(REPO.resolve("checker/src/main/java"));
    sources.addAll(javaFiles(REPO.resolve("checker/src/test/java")));
    List<String> options = new ArrayList<>(JAVAC_EXPORTS);
    DiagnosticCollector<JavaFileObject> diags = compile(sources, options);

    assertEquals(List.of(), internalFailures(diags));
    assertEquals(List.of(), errors(diags), "the sources compile");
    assertEquals(List.of(), txguardFindings(diags), "txguard's own code begins no transaction");
  }

  @Test
  void everyTestdataFileCompilesWithoutAnInternalFailure() throws IOException {
    List<Path> files = javaFiles(REPO.resolve("testdata"));
    assertTrue(files.size() > 40, "testdata found: " + files.size());
    int findings = 0;
    List<String> failures = new ArrayList<>();
    // One compilation per case file (each is self-contained; some reuse class names), one per directory elsewhere
    // (the example project's classes use each other).
    Map<Path, List<Path>> units = new TreeMap<>();
    for (Path file : files) {
      Path key = file.startsWith(REPO.resolve("testdata/cases")) ? file : file.getParent();
      units.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
    }
    for (List<Path> unit : units.values()) {
      DiagnosticCollector<JavaFileObject> diags = compile(unit, List.of());
      failures.addAll(internalFailures(diags));
      failures.addAll(errors(diags));
      findings += txguardFindings(diags).size();
    }
    assertEquals(List.of(), failures);
    assertTrue(findings > 300, "txguard still reports the labelled leaks alongside the default checks: " + findings);
  }

  private DiagnosticCollector<JavaFileObject> compile(List<Path> sources, List<String> extra) throws IOException {
    JavaCompiler javac = new BaseErrorProneJavaCompiler(BuiltInCheckerSuppliers.defaultChecks()
        .plus(ScannerSupplier.fromBugCheckerClasses(UncommittedTransaction.class,
            UncommittedTransactionOnException.class)));
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = new ArrayList<>(List.of("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW",
          "-d", Files.createTempDirectory(out, "classes").toString(), "-classpath",
          System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), "-proc:none",
          "-Xmaxwarns", "100000"));
      options.addAll(extra);
      javac.getTask(null, fm, diags, options, null, fm.getJavaFileObjectsFromPaths(sources)).call();
    }
    return diags;
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toCollection(ArrayList::new));
    }
  }

  /** Error Prone's crash report for a check, and txguard's own "internal error" warning. */
  private static List<String> internalFailures(DiagnosticCollector<JavaFileObject> diags) {
    return diags.getDiagnostics().stream().map(SelfCompileTest::describe)
        .filter(d -> d.contains("An unhandled exception was thrown by the Error Prone")
            || d.contains("txguard internal error"))
        .toList();
  }

  /** Compilation errors; an Error Prone check's own ERROR-level finding ("[BanJNDI] ...") is not one. */
  private static List<String> errors(DiagnosticCollector<JavaFileObject> diags) {
    return diags.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR && !d.getMessage(Locale.ROOT).startsWith("["))
        .map(SelfCompileTest::describe).toList();
  }

  private static List<String> txguardFindings(DiagnosticCollector<JavaFileObject> diags) {
    return diags.getDiagnostics().stream().map(SelfCompileTest::describe)
        .filter(d -> d.contains("[UncommittedTransaction")).toList();
  }

  private static String describe(Diagnostic<? extends JavaFileObject> d) {
    String file = d.getSource() == null ? "?" : Path.of(d.getSource().toUri()).getFileName().toString();
    return file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT);
  }
}
