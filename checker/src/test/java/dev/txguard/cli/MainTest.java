package dev.txguard.cli;

import static dev.txguard.audit.TestProjects.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txguard.audit.TestProjects;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in process: exit codes, formats, baselines, determinism. */
class MainTest {
  @TempDir
  Path dir;

  /** What one run gave. */
  record Run(int exit, String out, String err) {}

  static Run txguard(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static String[] args(Object... parts) {
    List<String> out = new ArrayList<>();
    for (Object p : parts) {
      out.add(p.toString());
    }
    return out.toArray(String[]::new);
  }

  @Test
  void leakingFileExitsOneAndCleanFileExitsZero() {
    Path leaky = write(dir, "leaky/app/Leaky.java", TestProjects.LEAKY);
    Path clean = write(dir, "clean/app/Clean.java", TestProjects.CLEAN);

    Run bad = txguard("audit", leaky.toString());
    assertEquals(1, bad.exit(), bad.err());
    assertTrue(bad.out().startsWith("Leaky.java:10:7: [UncommittedTransaction] "), bad.out());
    assertTrue(bad.out().endsWith("txguard: 1 finding (1 UncommittedTransaction), 0 problems, 1 file analysed\n"),
        bad.out());

    Run good = txguard("audit", dir.resolve("clean").toString());
    assertEquals(0, good.exit(), good.err());
    assertEquals("txguard: 0 findings, 0 problems, 1 file analysed\n", good.out());
    assertEquals(0, txguard("audit", clean.toString()).exit());
  }

  @Test
  void problemsAreReportedAndTheExitComesFromTheRest() {
    write(dir, "app/Broken.java", TestProjects.BROKEN);
    write(dir, "app/Leaky.java", TestProjects.LEAKY);
    Run r = txguard("audit", dir.toString(), dir.resolve("nope").toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().contains("app/Broken.java:4: [txguard] does not parse"), r.out());
    assertTrue(r.out().contains("nope:1: [txguard] no such file or directory"), r.out());
    assertTrue(r.out().endsWith("2 problems, 1 file analysed\n"), r.out());

    // A broken file next to a clean one: the clean one decides.
    Path clean = write(dir, "other/app/Clean.java", TestProjects.CLEAN);
    write(dir, "other/app/Broken.java", TestProjects.BROKEN);
    assertEquals(0, txguard("audit", clean.getParent().toString()).exit());
  }

  @Test
  void nothingAnalysableExitsTwo() {
    write(dir, "app/Broken.java", TestProjects.BROKEN);
    Run broken = txguard("audit", dir.toString());
    assertEquals(2, broken.exit());
    assertTrue(broken.err().contains("no Java file could be analysed"), broken.err());
    assertTrue(broken.out().contains("[txguard] does not parse"), "problems are still reported: " + broken.out());

    assertEquals(2, txguard("audit", dir.resolve("nope").toString()).exit(), "only a missing path");
    Path empty = write(dir, "empty/readme.txt", "no Java here").getParent();
    assertEquals(2, txguard("audit", empty.toString()).exit(), "no Java files at all");
  }

  @Test
  void usageErrorsExitTwo() {
    Run none = txguard();
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("Missing subcommand"), none.err());
    assertEquals(2, txguard("audit").exit(), "a PATH is required");
    assertEquals(2, txguard("audit", dir.toString(), "--format", "xml").exit());
    assertEquals(2, txguard("audit", dir.toString(), "--bogus").exit());
    Run threads = txguard("audit", dir.toString(), "--threads", "0");
    assertEquals(2, threads.exit());
    assertTrue(threads.err().contains("--threads must be at least 1"), threads.err());
    Run limit = txguard("audit", dir.toString(), "--file-time-limit", "-1");
    assertEquals(2, limit.exit());
    assertTrue(limit.err().contains("--file-time-limit must not be negative"), limit.err());
    Run badBaseline = txguard("audit", dir.toString(), "--baseline", dir.resolve("none.json").toString());
    assertEquals(2, badBaseline.exit());
    assertTrue(badBaseline.err().contains("no such baseline file"), badBaseline.err());
    Path protocols = write(dir, "p.txt", "this is not a protocol file\n");
    Run badProtocols = txguard("audit", dir.toString(), "--protocols", protocols.toString());
    assertEquals(2, badProtocols.exit(), badProtocols.err());
    assertTrue(badProtocols.err().startsWith("txguard: "), badProtocols.err());
    assertEquals(0, txguard("audit", "--help").exit());
  }

  private static final String CLOSED_IN_FINALLY = """
      package app;

      import java.sql.Connection;
      import java.sql.SQLException;
      import javax.sql.DataSource;

      class Closer {
        void save(DataSource ds, boolean skip) throws SQLException {
          Connection c = ds.getConnection();
          try {
            c.setAutoCommit(false);
            if (skip) {
              return;
            }
            c.commit();
          } finally {
            c.close();
          }
        }
      }
      """;

  @Test
  void transactionEndedByCloseReportsOnlyWhenNamedInRules() {
    Path file = write(dir, "app/Closer.java", CLOSED_IN_FINALLY);
    Run byDefault = txguard("audit", file.toString());
    assertEquals(0, byDefault.exit(), byDefault.out());
    assertEquals("txguard: 0 findings, 0 problems, 1 file analysed\n", byDefault.out());

    Run named = txguard("audit", file.toString(), "--rules", "UncommittedTransaction,transactionendedbyclose");
    assertEquals(1, named.exit(), named.out());
    assertTrue(named.out().startsWith("Closer.java:17:7: [TransactionEndedByClose] transaction begun at line 11"),
        named.out());
    assertTrue(named.out().contains("line 13: returns: return;"), named.out());
    assertTrue(named.out().endsWith("txguard: 1 finding (1 TransactionEndedByClose), 0 problems, 1 file analysed\n"),
        named.out());

    Run onlyDefault = txguard("audit", file.toString(), "--rules", "UncommittedTransaction");
    assertEquals(0, onlyDefault.exit(), onlyDefault.out());

    Run unknown = txguard("audit", file.toString(), "--rules", "Nope");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("unknown rule 'Nope' in --rules; the rules are UncommittedTransaction, "
        + "UncommittedTransactionOnException, TransactionEndedByClose"), unknown.err());
  }

  @Test
  void outputIsTheSameWhateverTheThreadCount() throws IOException {
    Path cases = Path.of(System.getProperty("txguard.testdata", "../testdata")).resolve("cases");
    for (String format : List.of("text", "sarif")) {
      Path one = dir.resolve("one." + format);
      Path four = dir.resolve("four." + format);
      assertEquals(1, txguard(args("audit", cases, "--format", format, "--threads", 1, "-o", one)).exit());
      assertEquals(1, txguard(args("audit", cases, "--format", format, "--threads", 4, "-o", four)).exit());
      assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(four), format);
      assertTrue(Files.size(one) > 10_000, format + " has the findings");
    }
  }

  @Test
  void baselineRoundTrip() throws IOException {
    write(dir, "src/app/Leaky.java", TestProjects.LEAKY);
    Path src = dir.resolve("src");
    Path baseline = dir.resolve("baseline.json");

    Run written = txguard(args("audit", src, "--write-baseline", baseline));
    assertEquals(1, written.exit(), "writing a baseline does not hide the findings of that run");
    assertTrue(Files.readString(baseline).contains("\"txguardBaseline\""));
    assertTrue(written.err().contains("wrote 1 findings to baseline"), written.err());

    Run known = txguard(args("audit", src, "--baseline", baseline));
    assertEquals(0, known.exit(), known.out());
    assertTrue(known.out().endsWith("txguard: 0 findings, 0 problems, 1 file analysed, 1 baselined\n"), known.out());

    write(dir, "src/app/AnotherLeak.java", TestProjects.ANOTHER_LEAK);
    Run more = txguard(args("audit", src, "--baseline", baseline));
    assertEquals(1, more.exit(), more.out());
    assertTrue(more.out().startsWith("app/AnotherLeak.java:10:7: [UncommittedTransaction] "), more.out());
    assertTrue(more.out().contains("1 baselined"), more.out());
  }

  @Test
  void noFileTimeLimitIsAccepted() {
    write(dir, "app/Leaky.java", TestProjects.LEAKY);
    Run r = txguard(args("audit", dir, "--file-time-limit", 0));
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().startsWith("app/Leaky.java:10:7: [UncommittedTransaction] "), r.out());
  }

  @Test
  void sarifOutputIsJson() throws IOException {
    write(dir, "app/Leaky.java", TestProjects.LEAKY);
    Run r = txguard(args("audit", dir, "--format", "SARIF"));
    assertEquals(1, r.exit(), r.err());
    JsonNode sarif = new ObjectMapper().readTree(r.out());
    assertEquals("2.1.0", sarif.get("version").asText());
    JsonNode result = sarif.get("runs").get(0).get("results").get(0);
    assertEquals("UncommittedTransaction", result.get("ruleId").asText());
    assertTrue(r.err().contains("txguard: 1 finding, 0 problems, 1 file analysed"), r.err());
  }

  @Test
  void htmlGoesToTheOutputFile() throws IOException {
    write(dir, "app/Leaky.java", TestProjects.LEAKY);
    Path html = dir.resolve("report.html");
    Run r = txguard(args("audit", dir.resolve("app"), "--format", "html", "--output", html));
    assertEquals(1, r.exit(), r.err());
    assertEquals("", r.out());
    String page = Files.readString(html);
    assertTrue(page.startsWith("<!DOCTYPE html>") || page.startsWith("<!doctype html>"), page.substring(0, 40));
    assertTrue(page.contains("Leaky.java"));
  }
  @Test
  void protocolFileAddsApis() {
    write(dir, "src/com/acme/UnitOfWork.java", """
        package com.acme;

        public interface UnitOfWork {
          void start();
          void finish();
        }
        """);
    write(dir, "src/com/acme/Jobs.java", """
        package com.acme;

        class Jobs {
          void leaks(UnitOfWork u, boolean b) {
            u.start();
            if (b) {
              return;
            }
            u.finish();
          }

          void handsOff(UnitOfWork u, Pool pool) {
            u.start();
            pool.dispose(u);
          }

          interface Pool {
            void dispose(UnitOfWork u);
          }
        }
        """);
    Path protocols = write(dir, "acme.txguard", """
        [acme]
        type = com.acme.UnitOfWork
        begin = start
        end = finish

        [hand-off]
        methods = dispose
        """);
    Run r = txguard(args("audit", dir.resolve("src"), "--protocols", protocols));
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().startsWith("com/acme/Jobs.java:7:7: [UncommittedTransaction] "), r.out());
    assertTrue(r.out().contains("txguard: 1 finding (1 UncommittedTransaction)"), r.out());

    assertEquals(0, txguard(args("audit", dir.resolve("src"))).exit(), "without the file, no API is known");
  }
}
