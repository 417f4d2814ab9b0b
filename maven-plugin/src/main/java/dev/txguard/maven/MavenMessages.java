package dev.txguard.maven;

import dev.txguard.analysis.PathStep;
import dev.txguard.analysis.Rule;
import dev.txguard.report.AuditResult;
import dev.txguard.report.AuditedFile;
import dev.txguard.report.Position;
import dev.txguard.report.Problem;
import dev.txguard.report.ReportedFinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Findings and problems as Maven log messages, in the form maven-compiler-plugin gives javac's diagnostics, so that
 * CI problem matchers for Maven builds pick them up:
 *
 * <pre>
 * /abs/src/main/java/com/acme/Orders.java:[13,13] [UncommittedTransaction] transaction begun at line 10 ...
 *     line 10: transaction begins: orm.begin()
 *     line 12: m != null is false
 *     line 13: returns: return false;
 * </pre>
 *
 * One message per finding, its path on the continuation lines: a single log call keeps a finding together when
 * modules log side by side ({@code mvn -T}). Lines and columns are the text and SARIF reports' (columns count
 * characters; javac's expand tabs).
 */
final class MavenMessages {
  private MavenMessages() {}

  static String finding(Path base, AuditedFile file, ReportedFinding reported) {
    Position at = Position.of(file, reported);
    StringBuilder s = new StringBuilder()
        .append(base.resolve(file.path()).normalize()).append(":[").append(at.line()).append(',').append(at.column())
        .append("] [").append(reported.ruleId()).append("] ").append(oneLine(reported.finding().message()));
    for (PathStep step : reported.finding().path()) {
      s.append("\n    ");
      if (step.site().line() > 0) {
        s.append("line ").append(step.site().line()).append(": ");
      }
      s.append(oneLine(step.describe()));
    }
    String note = reported.resolutionNote();
    if (!note.isEmpty()) {
      s.append("\n    note: ").append(oneLine(note));
    }
    return s.toString();
  }

  /** {@code /abs/File.java:[3] [txguard] reason}; without a line for a whole file or a classpath entry. */
  static String problem(Path base, Problem problem) {
    StringBuilder s = new StringBuilder().append(base.resolve(problem.path()).normalize());
    if (problem.line() > 0) {
      s.append(":[").append(problem.line()).append(problem.column() > 0 ? "," + problem.column() : "").append(']');
    }
    return s.append(" [txguard] ").append(oneLine(problem.reason())).toString();
  }

  /** "2 findings (1 UncommittedTransaction, 1 UncommittedTransactionOnException)". */
  static String findingCount(AuditResult result) {
    List<String> byRule = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      long n = result.findings().filter(l -> l.finding().finding().rule() == rule).count();
      if (n > 0) {
        byRule.add(n + " " + rule.checkName());
      }
    }
    int total = result.findingCount();
    return total + (total == 1 ? " finding" : " findings") + (byRule.isEmpty() ? "" : " (" + String.join(", ", byRule) + ")");
  }

  /** Line breaks and other control characters in source snippets must not start a forged log line. */
  static String oneLine(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029') {
        b.append(' ');
      } else if (Character.isISOControl(c)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
