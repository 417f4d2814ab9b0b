package dev.txguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.txguard.analysis.Finding;
import dev.txguard.analysis.PathStep;
import dev.txguard.analysis.Rule;
import dev.txguard.graph.ExitKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextReportTest {
  /** What an editor's or CI's problem matcher would use. */
  private static final Pattern FIRST_LINE = Pattern.compile("^(.+):(\\d+):(\\d+): \\[(\\w+)\\] (.*)$");

  @Test
  void compilerStyleLinesStepsProblemsAndSummary() {
    assertEquals("""
        src/main/java/com/acme/Orders.java:7:7: [UncommittedTransaction] transaction begun at line 5 (orm.begin()) \
        is still active when this return leaves update(); commit or roll it back first
            line 5: transaction begins: orm.begin()
            line 6: m == null is true
            line 7: return: return false;
        src/main/java/com/acme/Orders.java:9:2: [UncommittedTransactionOnException] transaction begun at line 5 \
        (orm.begin()) is still active when an unchecked exception thrown here leaves update(); roll it back in a catch \
        or finally block
            line 5: transaction begins: orm.begin()
            line 6: m == null is false
            line 9: an unchecked exception thrown by save(m)
        src/main/java/com/acme/b/Billing.java:7:7: [UncommittedTransaction] transaction begun at line 5 (orm.begin()) \
        is still active when this return leaves update(); commit or roll it back first
            line 5: transaction begins: orm.begin()
            line 6: m == null is true
            line 7: return: return false;
            note: matched by name; could not resolve org.hibernate.Session
        src/main/java/com/acme/Broken.java:3: [txguard] could not parse: ';' expected
        txguard: 3 findings (2 UncommittedTransaction, 1 UncommittedTransactionOnException), 1 problem, 5 files \
        analysed
        """, TextReport.render(Fixtures.result()));
  }

  @Test
  void aMissingArgumentHasNoLineAndAWholeFileProblemPointsAtLineOne() {
    AuditResult result = new AuditResult(List.of(), List.of(Problem.ofArgument("nope", "no such file or directory"),
        new Problem("src/A.java", 0, "not valid UTF-8; read as ISO-8859-1")), 1);
    assertEquals("""
        nope: [txguard] no such file or directory
        src/A.java:1: [txguard] not valid UTF-8; read as ISO-8859-1
        txguard: 0 findings, 2 problems, 1 file analysed
        """, TextReport.render(result));
  }

  @Test
  void everyUnindentedLineButTheLastTwoKindsIsAFinding() {
    String[] lines = TextReport.render(Fixtures.result()).split("\n", -1);
    long findings = 0;
    for (String line : lines) {
      if (!line.startsWith(" ") && FIRST_LINE.matcher(line).matches()) {
        findings++;
      }
    }
    assertEquals(3, findings);
  }

  @Test
  void outputDoesNotDependOnInputOrder() {
    AuditResult sorted = Fixtures.result();
    List<AuditedFile> files = new ArrayList<>();
    for (AuditedFile f : sorted.files()) {
      List<ReportedFinding> shuffled = new ArrayList<>(f.findings());
      Collections.shuffle(shuffled, new Random(7));
      files.add(new AuditedFile(f.path(), f.source(), shuffled));
    }
    Collections.reverse(files);
    AuditResult shuffled = new AuditResult(files, sorted.problems(), sorted.filesAnalysed());
    assertEquals(TextReport.render(sorted), TextReport.render(shuffled));
  }

  @Test
  void untrustedTextStaysOnOneLine() {
    String source = Fixtures.ORDERS;
    Finding f = Fixtures.earlyReturn(source);
    Finding evil = new Finding(Rule.UNCOMMITTED_TRANSACTION, f.unitName(), f.unitId(), f.at(), ExitKind.RETURN,
        f.begin(), f.api(), List.of(new PathStep(PathStep.Kind.BRANCH, f.at(), "a\nb")), null,
        "first\nsecond\r\u001b[31mred");
    AuditResult result = new AuditResult(
        List.of(new AuditedFile("odd\nname.java", source, List.of(new ReportedFinding(evil, "p.C")))),
        List.of(new Problem("x.java", 0, "bad\nbytes")), 1);
    assertEquals("""
        odd name.java:7:7: [UncommittedTransaction] first second \\u001b[31mred
            line 7: a b
        x.java:1: [txguard] bad bytes
        txguard: 1 finding (1 UncommittedTransaction), 1 problem, 1 file analysed
        """, TextReport.render(result));
  }

  @Test
  void summaryCountsBaselinedAndStaysParsableWhenEmpty() {
    AuditResult result = new AuditResult(List.of(), List.of(), 2, 4);
    assertEquals("txguard: 0 findings, 0 problems, 2 files analysed, 4 baselined\n", TextReport.render(result));
    assertTrue(TextReport.summary(Fixtures.result()).startsWith("txguard: 3 findings"));
  }
}
