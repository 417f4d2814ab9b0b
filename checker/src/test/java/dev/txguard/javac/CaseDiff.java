package dev.txguard.javac;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * Compiles case files with Error Prone and txguard and compares the diagnostics with the {@code // BUG:} markers,
 * listing every difference (the test helper stops at the first). Used by {@link CaseDiffTest} and for labelled
 * corpora: {@code mvn -pl checker test -Dtest=CaseDiffTest -Dtxguard.diff=DIR}.
 */
final class CaseDiff {
  private static final Pattern MARKER = Pattern.compile("//\\s*BUG: Diagnostic contains:\\s*\\[(\\w+)\\]");

  /** An expected or reported finding: file, line, rule. */
  record Entry(String file, int line, String rule) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry o) {
      int c = file.compareTo(o.file);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(line, o.line);
      return c != 0 ? c : rule.compareTo(o.rule);
    }
  }

  /** Expected and reported findings. */
  record Result(Set<Entry> expected, Set<Entry> reported, List<String> errors) {
    Set<Entry> missing() {
      Set<Entry> s = new TreeSet<>(expected);
      s.removeAll(reported);
      return s;
    }

    Set<Entry> unexpected() {
      Set<Entry> s = new TreeSet<>(reported);
      s.removeAll(expected);
      return s;
    }
  }

  private CaseDiff() {}

  /** The test class path (surefire runs tests from a manifest-only jar, and says the real path here). */
  static String classpath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  static Set<Entry> markers(Path file) throws IOException {
    Set<Entry> out = new TreeSet<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i));
      if (m.find()) {
        // the marker sits on the line before the reported one, after any further comment lines
        int target = i + 1;
        while (target < lines.size() && lines.get(target).trim().startsWith("//")) {
          target++;
        }
        out.add(new Entry(file.getFileName().toString(), target + 1, m.group(1)));
      }
    }
    return out;
  }

  /** A txguard diagnostic's rule, every check turned on. */
  private static final Pattern RULE = Pattern.compile("^\\[(UncommittedTransaction\\w*|TransactionEndedByClose)\\]");

  private static final Pattern BEGUN = Pattern.compile("transaction begun at line (\\d+)");

  /** {@code File.java:line [Rule] begun N} for each txguard diagnostic. */
  static Set<String> findingsWithBegin(List<Path> files) throws IOException {
    Set<String> out = new TreeSet<>();
    for (Path file : files) {
      for (Diagnostic<? extends JavaFileObject> d : compile(file, List.of()).getDiagnostics()) {
        String msg = d.getMessage(Locale.ROOT);
        Matcher m = RULE.matcher(msg);
        Matcher b = BEGUN.matcher(msg);
        if (m.find() && b.find()) {
          out.add(file.getFileName() + ":" + d.getLineNumber() + " [" + m.group(1) + "] begun " + b.group(1));
        }
      }
    }
    return out;
  }

  private static DiagnosticCollector<JavaFileObject> compile(Path file, List<String> flags) throws IOException {
    JavaCompiler javac = new com.google.errorprone.BaseErrorProneJavaCompiler(
        com.google.errorprone.scanner.ScannerSupplier.fromBugCheckerClasses(
            UncommittedTransaction.class, UncommittedTransactionOnException.class, TransactionEndedByClose.class));
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
      Path out = Files.createTempDirectory("txguard-casediff");
      List<String> options = new ArrayList<>(List.of(
          "-XDcompilePolicy=simple", "--should-stop=ifError=FLOW", "-d", out.toString(),
          "-Xep:" + TransactionEndedByClose.NAME,
          "-classpath", classpath(), "-proc:none"));
      options.addAll(flags);
      try {
        javac.getTask(null, fm, diags, options, null, fm.getJavaFileObjects(file)).call();
      } finally {
        deleteTree(out);
      }
    }
    return diags;
  }

  /** The class files are not wanted: each run left a directory in the temp folder (14,000 of them on one machine). */
  private static void deleteTree(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Compiles each file on its own (cases are self-contained) with the given extra Error Prone flags. */
  static Result run(List<Path> files, List<String> flags) throws IOException {
    Set<Entry> expected = new TreeSet<>();
    Set<Entry> reported = new TreeSet<>();
    List<String> errors = new ArrayList<>();
    JavaCompiler javac = new com.google.errorprone.BaseErrorProneJavaCompiler(
        com.google.errorprone.scanner.ScannerSupplier.fromBugCheckerClasses(
            UncommittedTransaction.class, UncommittedTransactionOnException.class, TransactionEndedByClose.class));
    for (Path file : files) {
      expected.addAll(markers(file));
      DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
      try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
        Path out = Files.createTempDirectory("txguard-casediff");
        List<String> options = new ArrayList<>(List.of(
            "-XDcompilePolicy=simple", "--should-stop=ifError=FLOW", "-d", out.toString(),
            "-Xep:" + TransactionEndedByClose.NAME, "-classpath", classpath(),
            "-proc:none"));
        options.addAll(flags);
        try {
          javac.getTask(null, fm, diags, options, null, fm.getJavaFileObjects(file)).call();
        } finally {
          deleteTree(out);
        }
      }
      for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
        String msg = d.getMessage(Locale.ROOT);
        Matcher m = RULE.matcher(msg);
        if (m.find()) {
          reported.add(new Entry(file.getFileName().toString(), (int) d.getLineNumber(), m.group(1)));
        } else if (d.getKind() == Diagnostic.Kind.ERROR) {
          errors.add(file.getFileName() + ":" + d.getLineNumber() + ": " + msg);
        }
      }
    }
    return new Result(expected, reported, errors);
  }
}
