package dev.txguard.audit;

import static dev.txguard.audit.TestProjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txguard.fuzz.Generators;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.report.AuditResult;
import dev.txguard.report.HtmlReport;
import dev.txguard.report.SarifReport;
import dev.txguard.report.TextReport;
import dev.txguard.source.SourceAnalyzer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A method over a budget, or a file over the time limit, is named as not (fully) analysed in every format. */
class AnalysisLimitsTest {
  @TempDir
  Path dir;

  private AuditResult audit(Duration limit) {
    AuditOptions options = new AuditOptions(List.of(dir), List.of(), ProtocolRegistry.builtin(), 2, false)
        .withFileTimeLimit(limit);
    return assertTimeoutPreemptively(Duration.ofMinutes(2), () -> new AuditRunner(options, null).run());
  }

  @Test
  void methodsOverTheStateOrNodeBudgetAreNamedInEveryFormat() throws Exception {
    write(dir, "ManyTransactions.java", Generators.manyTransactions(12).source());
    write(dir, "FinallyInFinally.java", Generators.finallyInFinally(24).source());
    write(dir, "app/Leaky.java", TestProjects.LEAKY);
    AuditResult r = audit(AuditOptions.DEFAULT_FILE_TIME_LIMIT);
    assertEquals(1, r.findingCount(), "the rest is analysed");
    assertEquals(3, r.filesAnalysed(), "files with a method over budget still count as analysed");

    String states = "m() was not fully analysed: the analysis of m() exceeded its budget (512 states)";
    String nodes = "m() was not fully analysed: the control-flow graph of m() exceeds 200000 nodes";
    String text = TextReport.render(r);
    assertTrue(text.contains("FinallyInFinally.java:5: [txguard] " + nodes + "\n"), text);
    assertTrue(text.contains("ManyTransactions.java:5: [txguard] " + states + "\n"), text);

    JsonNode notes = new ObjectMapper().readTree(SarifReport.render(r)).at("/runs/0/invocations/0/toolExecutionNotifications");
    assertEquals(2, notes.size(), notes.toString());
    assertEquals(nodes, notes.at("/0/message/text").asText());
    assertEquals("FinallyInFinally.java", notes.at("/0/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertEquals(5, notes.at("/0/locations/0/physicalLocation/region/startLine").asInt());
    assertEquals(states, notes.at("/1/message/text").asText());

    String html = HtmlReport.render(r);
    assertTrue(html.contains("<tr><td>FinallyInFinally.java:5</td><td>" + nodes + "</td></tr>"), html);
    assertTrue(html.contains("<tr><td>ManyTransactions.java:5</td><td>" + states + "</td></tr>"), html);
  }

  /**
   * Quartz's scheduler loop calls the JobStore interface's acquireNextTriggers(), whose name may begin (the module's
   * JobStoreSupport begins in it), so it is selected; but nothing in it can begin, so it has no finding to report and
   * is not analysed, rather than reported "not fully analysed" when its paths exhaust the state budget.
   */
  @Test
  void aMethodThatCanBeginNothingIsNotAnalysedAndSoNeverOverBudget() throws Exception {
    StringBuilder src = new StringBuilder("import java.sql.Connection;\nimport java.sql.SQLException;\n\n"
        + "class NoBegin {\n  void m(Connection c, boolean skip");
    for (int i = 0; i < 12; i++) {
      src.append(", boolean b").append(i);
    }
    src.append(") throws SQLException {\n");
    for (int i = 0; i < 12; i++) { // failure flags: tracked, and each doubles the paths
      src.append("    Exception f").append(i).append(" = null;\n");
      src.append("    try { use(b").append(i).append("); } catch (RuntimeException e) { f").append(i).append(" = e; }\n");
    }
    src.append("    c.setAutoCommit(true);\n");
    for (int i = 0; i < 12; i++) {
      src.append("    if (f").append(i).append(" != null) { use(skip); }\n");
    }
    src.append("  }\n\n  void use(boolean b) {}\n}\n");
    write(dir, "NoBegin.java", src.toString());
    write(dir, "ManyTransactions.java", Generators.manyTransactions(12).source());
    AuditResult r = audit(AuditOptions.DEFAULT_FILE_TIME_LIMIT);
    assertEquals(List.of("ManyTransactions.java:5"), r.problems().stream().map(p -> p.path() + ":" + p.line()).toList(),
        "only the method that begins can run over its budget");
  }

  @Test
  void aFileOverTheTimeLimitIsReportedWithItsMethodAndItsAnalysisStops() throws Exception {
    // About 25 s without a limit (JavaParser's solver resolves each name by walking back over the block).
    write(dir, "Slow.java", Generators.slowResolution(1000).source());
    write(dir, "app/Leaky.java", TestProjects.LEAKY);
    long start = System.nanoTime();
    AuditResult r = audit(Duration.ofSeconds(3));
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "the limit did not stop the wait");

    assertEquals(1, r.findingCount(), TextReport.render(r));
    assertEquals("app/Leaky.java", r.files().get(0).path());
    assertEquals(1, r.filesAnalysed());
    String problem = "not analysed: over the 3 s limit per file while resolving types in m() (line 5)";
    assertEquals(List.of("Slow.java:5: " + problem), r.problems().stream()
        .map(p -> p.path() + ":" + p.line() + ": " + p.reason()).toList());
    assertTrue(TextReport.render(r).contains("Slow.java:5: [txguard] " + problem + "\n"));
    assertTrue(SarifReport.render(r).contains("\"text\": \"" + problem + "\""));
    assertTrue(HtmlReport.render(r).contains("<td>" + problem + "</td>"));

    // The abandoned analysis stops at its next checkpoint instead of running on for the remaining 20 s.
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (analysisThreadsAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
        .filter(n -> n.matches("txguard-audit-\\d+")).toList(), "abandoned analysis threads still running");
  }

  @Test
  void theTimeLimitMessageNamesThePhaseAndWhileResolvingTheMethod() {
    Duration limit = Duration.ofSeconds(60);
    assertEquals("not analysed: over the 60 s limit per file while reading the file", FileWorker.overTheLimit(limit, null));
    assertEquals("not analysed: over the 60 s limit per file while parsing the file",
        FileWorker.overTheLimit(limit, new SourceAnalyzer.Progress(SourceAnalyzer.Phase.PARSING, null, 0, 0)));
    assertEquals("not analysed: over the 60 s limit per file while finding the methods to analyse",
        FileWorker.overTheLimit(limit, new SourceAnalyzer.Progress(SourceAnalyzer.Phase.SELECTING, null, 0, 0)));
    assertEquals("not analysed: over the 1500 ms limit per file while resolving types in foo() (line 123)",
        FileWorker.overTheLimit(Duration.ofMillis(1500),
            new SourceAnalyzer.Progress(SourceAnalyzer.Phase.RESOLVING, "foo()", 123, 300)));
    assertEquals("not analysed: over the 60 s limit per file while analysing the control flow of 300 methods",
        FileWorker.overTheLimit(limit, new SourceAnalyzer.Progress(SourceAnalyzer.Phase.ANALYSING, null, 0, 300)));
  }

  // ---------------------------------------------------------------- the limit is CPU time (FileWorker)

  private static final Duration LIMIT = Duration.ofMillis(400);

  /** Runs {@code work} as one file's analysis under {@link #LIMIT}; the outcome and the wall-clock time it took. */
  private static Object[] underTheLimit(Runnable work) {
    SourceFile file = new SourceFile(Path.of("W.java"), "W.java");
    FileOutcome done = new FileOutcome("W.java", "", List.of(), List.of(), true);
    java.util.concurrent.ThreadFactory daemons = r -> {
      Thread t = new Thread(r, "limit-test");
      t.setDaemon(true);
      return t;
    };
    try (FileWorker worker = new FileWorker(() -> null, LIMIT, daemons, (a, f) -> {
      work.run();
      return done;
    })) {
      long start = System.nanoTime();
      FileOutcome o = worker.audit(file);
      return new Object[] {o, Duration.ofNanos(System.nanoTime() - start)};
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void anAnalysisThatWaitsIsNotStoppedAtTheLimitOfWallClockTime() {
    // A starved analysis thread (two workers on two cores, a busy CI runner) uses less CPU than wall-clock time: the
    // file's findings must not depend on the load. Waiting 2.5 times the limit stands for such a thread.
    Object[] r = underTheLimit(() -> sleep(LIMIT.multipliedBy(5).dividedBy(2)));
    FileOutcome o = (FileOutcome) r[0];
    assertTrue(o.analysed() && o.problems().isEmpty(), "stopped at the wall-clock limit: " + o.problems());
  }

  @Test
  void anAnalysisThatComputesIsStoppedAtTheLimitOfCpuTime() {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Object[] r = underTheLimit(() -> {
      long x = 0;
      while (System.nanoTime() < until) {
        x += Long.numberOfTrailingZeros(x + 1); // computes until stopped (the thread is abandoned, then ends at 10 s)
      }
    });
    FileOutcome o = (FileOutcome) r[0];
    assertEquals(List.of("not analysed: over the 400 ms limit per file while reading the file"),
        o.problems().stream().map(p -> p.reason()).toList());
    assertTrue(((Duration) r[1]).compareTo(Duration.ofSeconds(5)) < 0, "took " + r[1]);
  }

  @Test
  void anAnalysisThatWaitsTooLongIsStoppedAtFourTimesTheLimit() {
    Object[] r = underTheLimit(() -> sleep(Duration.ofSeconds(10)));
    FileOutcome o = (FileOutcome) r[0];
    assertEquals(1, o.problems().size(), o.problems().toString());
    Duration took = (Duration) r[1];
    assertTrue(took.compareTo(LIMIT.multipliedBy(FileWorker.WALL_FACTOR)) >= 0 && took.compareTo(Duration.ofSeconds(8)) < 0,
        "took " + took);
  }

  private static boolean analysisThreadsAlive() {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().matches("txguard-audit-\\d+"));
  }
}
