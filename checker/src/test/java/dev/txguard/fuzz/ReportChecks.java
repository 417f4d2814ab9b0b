package dev.txguard.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import dev.txguard.report.AuditResult;
import dev.txguard.report.HtmlReport;
import dev.txguard.report.Problem;
import dev.txguard.report.SarifReport;
import dev.txguard.report.SarifSchema;
import dev.txguard.report.TextReport;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import java.util.List;
import java.util.regex.Pattern;

/** What every report of every audit must satisfy, whatever the input. */
public final class ReportChecks {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A Java stack frame as printStackTrace writes it. */
  private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$]+(\\.[\\w$<>]+)+\\([^)]*(\\.java:\\d+|Native Method|Unknown Source)\\)");
  private static final Pattern TEXT_LINE = Pattern.compile(
      "(?:[^\\n]+:\\d+:\\d+: \\[\\w+\\] [^\\n]*|    [^\\n]*|[^\\n]+(?::\\d+)?: \\[txguard\\] [^\\n]*|txguard: [^\\n]*)");

  private ReportChecks() {}

  /** Renders every format and checks it; returns the three texts (text, SARIF, HTML). */
  public static List<String> check(AuditResult result) {
    String text = TextReport.render(result);
    String sarif = SarifReport.render(result);
    String html = HtmlReport.render(result);
    for (String report : List.of(text, sarif, html)) {
      assertFalse(STACK_FRAME.matcher(report).find(), () -> "a stack trace in a report: " + around(report));
      assertFalse(report.contains("Exception in thread"), () -> "a stack trace in a report: " + around(report));
      encodable(report);
    }
    for (Problem p : result.problems()) {
      assertFalse(p.reason().startsWith("txguard internal error"), () -> "internal error: " + p);
      assertFalse(p.reason().startsWith("could not analyse"), () -> "a unit failed: " + p);
      assertTrue(p.reason().length() < 400, () -> "an overlong reason: " + p);
    }
    // Text: every line is a finding, a continuation, a problem or the summary, with no control character but \n.
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        assertTrue(TEXT_LINE.matcher(line).matches(), () -> "not a text report line: " + line);
      }
      assertTrue(line.chars().noneMatch(c -> c < 0x20 || c == 0x7f), () -> "a control character in: " + line);
    }
    assertTrue(text.endsWith("\n") && text.lines().reduce((a, b) -> b).orElse("").startsWith("txguard: "), text);
    // SARIF: JSON that the OASIS schema accepts.
    JsonNode tree;
    try {
      tree = JSON.readTree(sarif);
    } catch (IOException e) {
      throw new AssertionError("SARIF is not JSON: " + e.getMessage(), e);
    }
    List<String> errors = SarifSchema.get().validate(tree).stream().map(Error::toString).limit(5).toList();
    assertEquals(List.of(), errors);
    assertEquals(result.problems().size(), tree.at("/runs/0/invocations/0/toolExecutionNotifications").size());
    // HTML: only the report's own script, and no control characters (HTML forbids them even as references).
    assertEquals(1, count(html, "<script"), "only the report's own script");
    assertTrue(html.chars().noneMatch(c -> (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f),
        "a control character in the HTML");
    return List.of(text, sarif, html);
  }

  /** Reports are written as UTF-8: every string must encode, so no lone surrogate may remain. */
  static void encodable(String report) {
    try {
      StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(report));
    } catch (CharacterCodingException e) {
      fail("a report that cannot be written as UTF-8 (a lone surrogate?): " + e);
    }
  }

  private static String around(String report) {
    var m = STACK_FRAME.matcher(report);
    int at = m.find() ? m.start() : Math.max(0, report.indexOf("Exception in thread"));
    return report.substring(Math.max(0, at - 300), Math.min(report.length(), at + 300));
  }

  static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
