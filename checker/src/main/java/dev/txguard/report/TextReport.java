package dev.txguard.report;

import dev.txguard.analysis.PathStep;
import dev.txguard.analysis.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiler-style text, one finding per first line so that editors and CI problem matchers can parse it:
 *
 * <pre>
 * src/main/java/com/acme/Orders.java:12:7: [UncommittedTransaction] transaction begun at line 10 ...
 *     line 10: transaction begins: orm.begin()
 *     line 11: m == null is true
 *     line 12: return: return false;
 * src/main/java/com/acme/Broken.java:3: [txguard] could not parse: ...
 * nope: [txguard] no such file or directory
 * txguard: 1 finding (1 UncommittedTransaction), 1 problem, 2 files analysed
 * </pre>
 *
 * Continuation lines are indented, so a matcher for {@code ^(.+):(\d+):(\d+): \[(\w+)\] (.*)$} sees only the
 * findings. Every untrusted string is made one line ({@link Texts#oneLine}).
 */
public final class TextReport {
  private TextReport() {}

  public static String render(AuditResult result) {
    StringBuilder out = new StringBuilder();
    for (AuditedFile file : result.files()) {
      SourceLines lines = file.source() == null ? null : new SourceLines(file.source());
      for (ReportedFinding reported : file.findings()) {
        appendFinding(out, file.path(), lines, reported);
      }
    }
    for (Problem p : result.problems()) {
      // A whole-file problem points at line 1, so that an editor opens the file; an argument (a missing PATH) has no
      // file to open, and no line.
      out.append(Texts.oneLine(p.path()));
      if (!p.asGiven()) {
        out.append(':').append(Math.max(1, p.line())).append(p.column() > 0 ? ":" + p.column() : "");
      }
      out.append(": [txguard] ").append(Texts.oneLine(p.reason())).append('\n');
    }
    out.append(summary(result)).append('\n');
    return out.toString();
  }

  public static void write(AuditResult result, Path file) throws IOException {
    Files.writeString(file, render(result), StandardCharsets.UTF_8);
  }

  /** The last line: counts by rule, problems, files and, when a baseline was applied, how many it hid. */
  public static String summary(AuditResult result) {
    int total = result.findingCount();
    List<String> byRule = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      long n = result.findings().filter(l -> l.finding().finding().rule() == rule).count();
      if (n > 0) {
        byRule.add(n + " " + rule.checkName());
      }
    }
    StringBuilder s = new StringBuilder("txguard: ").append(plural(total, "finding"));
    if (!byRule.isEmpty()) {
      s.append(" (").append(String.join(", ", byRule)).append(')');
    }
    s.append(", ").append(plural(result.problems().size(), "problem"))
        .append(", ").append(plural(result.filesAnalysed(), "file")).append(" analysed");
    if (result.baselined() > 0) {
      s.append(", ").append(result.baselined()).append(" baselined");
    }
    return s.toString();
  }

  private static void appendFinding(StringBuilder out, String path, SourceLines lines, ReportedFinding reported) {
    Region at = Region.of(reported.finding().at(), lines);
    out.append(Texts.oneLine(path)).append(':')
        .append(at == null ? 1 : at.startLine()).append(':').append(at == null ? 1 : at.startColumn())
        .append(": [").append(reported.ruleId()).append("] ").append(Texts.oneLine(reported.finding().message()))
        .append('\n');
    for (PathStep step : reported.finding().path()) {
      out.append("    ");
      if (step.site().line() > 0) {
        out.append("line ").append(step.site().line()).append(": ");
      }
      out.append(Texts.oneLine(step.describe())).append('\n');
    }
    String note = reported.resolutionNote();
    if (!note.isEmpty()) {
      out.append("    note: ").append(Texts.oneLine(note)).append('\n');
    }
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
