package dev.txguard.javac;

import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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

/** Compiles real files with Error Prone in this JVM, against the test class path (the transaction APIs' jars). */
final class InProcessCompiler {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  private final ScannerSupplier checks;
  private final Path classesRoot;

  InProcessCompiler(ScannerSupplier checks, Path classesRoot) {
    this.checks = checks;
    this.classesRoot = classesRoot;
  }

  static ScannerSupplier txguardChecks() {
    return ScannerSupplier.fromBugCheckerClasses(UncommittedTransaction.class, UncommittedTransactionOnException.class);
  }

  List<Diagnostic<? extends JavaFileObject>> compile(List<Path> sources, List<String> extra) {
    JavaCompiler javac = new BaseErrorProneJavaCompiler(checks);
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = new ArrayList<>(List.of("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW",
          "-d", Files.createTempDirectory(classesRoot, "classes").toString(), "-classpath",
          System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), "-proc:none",
          "-Xmaxwarns", "100000", "-Xmaxerrs", "100000"));
      options.addAll(extra);
      // javac's other output (patching mode's "Refactoring changes were successfully applied to ...") is dropped.
      javac.getTask(Writer.nullWriter(), fm, diags, options, null, fm.getJavaFileObjectsFromPaths(sources)).call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(diags.getDiagnostics());
  }

  static List<Path> javaFiles(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toCollection(ArrayList::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The compilation units of a copy of {@code testdata/} (or the original): each case file alone (each is
   * self-contained and some reuse class names), every other directory's files together (the example project's
   * classes use each other).
   */
  static List<List<Path>> testdataUnits(Path testdata) {
    Map<Path, List<Path>> units = new TreeMap<>();
    for (Path file : javaFiles(testdata)) {
      if (file.startsWith(testdata.resolve("java25")) && Runtime.version().feature() < 25) {
        continue; // Java 22-25 constructs: only javac 25 compiles them (the jdk25 profile's run covers them)
      }
      Path key = file.startsWith(testdata.resolve("cases")) ? file : file.getParent();
      units.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
    }
    return List.copyOf(units.values());
  }

  /** Compilation errors; an Error Prone check's own ERROR-level finding ("[BanJNDI] ...") is not one. */
  static List<String> errors(List<Diagnostic<? extends JavaFileObject>> diags) {
    return diags.stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR && !d.getMessage(Locale.ROOT).startsWith("["))
        .map(InProcessCompiler::describe).toList();
  }

  /** Error Prone's crash report for a check, and txguard's own "internal error" warning. */
  static List<String> internalFailures(List<Diagnostic<? extends JavaFileObject>> diags) {
    return diags.stream().map(InProcessCompiler::describe)
        .filter(d -> d.contains("An unhandled exception was thrown by the Error Prone")
            || d.contains("txguard internal error"))
        .toList();
  }

  static List<Diagnostic<? extends JavaFileObject>> txguardFindings(List<Diagnostic<? extends JavaFileObject>> diags) {
    return diags.stream().filter(d -> d.getMessage(Locale.ROOT).startsWith("[UncommittedTransaction")).toList();
  }

  static String describe(Diagnostic<? extends JavaFileObject> d) {
    String file = d.getSource() == null ? "?" : Path.of(d.getSource().toUri()).getFileName().toString();
    return file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT);
  }
}
