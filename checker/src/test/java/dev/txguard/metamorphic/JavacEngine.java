package dev.txguard.metamorphic;

import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.scanner.ScannerSupplier;
import dev.txguard.javac.CaseDiffAccess;
import dev.txguard.javac.UncommittedTransaction;
import dev.txguard.javac.UncommittedTransactionOnException;
import dev.txguard.report.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * Compiles a rewritten tree in-process with Error Prone and both checks, as a consumer's build would: the
 * metamorphic rewrite through the other front end. A compile error is a problem of the rewrite (it must compile).
 */
final class JavacEngine {
  private static final Pattern RULE = Pattern.compile("^\\[(UncommittedTransaction\\w*)\\]");
  private static final Pattern BEGUN = Pattern.compile("transaction begun at line (\\d+)");
  private static final Pattern UNIT = Pattern.compile("leaves (.+?)(;|$)| of (.+?);");

  private JavacEngine() {}

  static MetamorphicRun.Analysed compile(Path dir, Map<String, String> files) throws IOException {
    MetamorphicRun.deleteTree(dir);
    List<Path> sources = new ArrayList<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = dir.resolve("src").resolve(e.getKey());
      MetamorphicRun.write(p, e.getValue());
      sources.add(p);
    }
    Path out = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = new BaseErrorProneJavaCompiler(
        ScannerSupplier.fromBugCheckerClasses(UncommittedTransaction.class, UncommittedTransactionOnException.class));
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW", "-d", out.toString(),
          "-classpath", CaseDiffAccess.classpath(), "-proc:none", "-Xmaxwarns", "100000", "-Xmaxerrs", "1000");
      javac.getTask(null, fm, diags, options, null, fm.getJavaFileObjectsFromPaths(sources)).call();
    }
    List<MetamorphicRun.Report> reports = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Path root = dir.resolve("src").toAbsolutePath().normalize();
    for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
      String path = d.getSource() == null ? "?"
          : root.relativize(Path.of(d.getSource().getName()).toAbsolutePath().normalize()).toString().replace('\\', '/');
      String msg = d.getMessage(Locale.ROOT);
      Matcher rule = RULE.matcher(msg);
      if (rule.find()) {
        Matcher begun = BEGUN.matcher(msg);
        Matcher unit = UNIT.matcher(msg);
        reports.add(new MetamorphicRun.Report(path, (int) d.getLineNumber(), (int) d.getColumnNumber(), rule.group(1),
            begun.find() ? Integer.parseInt(begun.group(1)) : 0,
            unit.find() ? (unit.group(1) != null ? unit.group(1) : unit.group(3)) : "", msg.lines().findFirst().orElse(msg)));
      } else if (d.getKind() == Diagnostic.Kind.ERROR) {
        problems.add(new Problem(path, (int) d.getLineNumber(), "does not compile: " + msg.lines().findFirst().orElse(msg)));
      }
    }
    return new MetamorphicRun.Analysed(reports, problems);
  }
}
