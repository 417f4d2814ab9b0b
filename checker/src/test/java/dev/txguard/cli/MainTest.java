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
    // Given as an absolute path, shown as one.
    assertTrue(bad.out().startsWith(leaky + ":10:7: [UncommittedTransaction] "), bad.out());
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
    assertTrue(r.out().contains(dir.resolve("app/Broken.java")
        + ":4:11: [txguard] does not parse at Java 25: Parse error. Found \"{\"\n"), r.out());
    // A missing PATH is named as given, with no line: there is no file to open at line 1.
    assertTrue(r.out().contains("\n" + dir.resolve("nope") + ": [txguard] no such file or directory\n"), r.out());
    assertTrue(r.out().endsWith("2 problems, 1 file analysed\n"), r.out());

    // A broken file next to a clean one: the clean one decides.
    Path clean = write(dir, "other/app/Clean.java", TestProjects.CLEAN);
    write(dir, "other/app/Broken.java", TestProjects.BROKEN);
    assertEquals(0, txguard("audit", clean.getParent().toString()).exit());
  }

  /** A Java 25 file: a flexible constructor body (statements before super()). */
  private static final String FLEXIBLE = """
      package app;

      public class Flexible extends Object {
        Flexible(int limit) {
          if (limit < 0) {
            throw new IllegalArgumentException();
          }
          super();
        }
      }
      """;

  /** A Java 8 file that uses `_` as a name (a keyword from Java 9 on). */
  private static final String UNDERSCORE = """
      package app;

      public class Underscore {
        int twice(int _) {
          return _ * 2;
        }
      }
      """;

  @Test
  void theNewestLevelByDefaultAndAnOldFileUsingUnderscoreAsANameParsesToo() {
    write(dir, "app/Flexible.java", FLEXIBLE);
    write(dir, "app/Underscore.java", UNDERSCORE);
    Run r = txguard("audit", dir.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("txguard: 0 findings, 0 problems, 2 files analysed\n", r.out());
  }

  @Test
  void releasePinsTheLevelAndAProblemNamesLineColumnAndLevel() {
    write(dir, "app/Flexible.java", FLEXIBLE);
    write(dir, "app/Underscore.java", UNDERSCORE);
    write(dir, "app/Clean.java", TestProjects.CLEAN);
    Run at17 = txguard("audit", "--release", "17", dir.toString());
    assertEquals(0, at17.exit(), "a problem alone does not fail the audit: " + at17.err());
    assertTrue(at17.out().contains("app/Flexible.java:8:5: [txguard] does not parse at Java 17: Flexible constructor "
        + "bodies are not supported (Java 25 and later)\n"), at17.out());
    assertTrue(at17.out().contains("app/Underscore.java:4:17: [txguard] does not parse at Java 17: '_' is a reserved "
        + "keyword.\n"), "pinned: no retry at Java 8: " + at17.out());
    Run at8 = txguard("audit", "--release", "1.8", dir.resolve("app/Underscore.java").toString());
    assertEquals("txguard: 0 findings, 0 problems, 1 file analysed\n", at8.out());
  }

  @Test
  void failOnProblemsExitsThreeWhenThereIsNoFinding() {
    write(dir, "app/Broken.java", TestProjects.BROKEN);
    write(dir, "app/Clean.java", TestProjects.CLEAN);
    assertEquals(0, txguard("audit", dir.toString()).exit());
    Run strict = txguard("audit", "--fail-on-problems", dir.toString());
    assertEquals(3, strict.exit(), strict.out());
    assertTrue(strict.out().contains("app/Broken.java:4:11: [txguard] does not parse at Java 25"), strict.out());
    write(dir, "app/Leaky.java", TestProjects.LEAKY);
    assertEquals(1, txguard("audit", "--fail-on-problems", dir.toString()).exit(), "findings come first");
    Path clean = write(dir, "clean/app/Clean.java", TestProjects.CLEAN);
    assertEquals(0, txguard("audit", "--fail-on-problems", clean.toString()).exit(), "no problem, no finding");
  }

  @Test
  void aReleaseTheAuditCannotReadIsAUsageError() {
    write(dir, "app/Clean.java", TestProjects.CLEAN);
    for (String bad : List.of("26", "1.9", "seventeen")) {
      Run r = txguard("audit", "--release", bad, dir.toString());
      assertEquals(2, r.exit(), bad);
      assertTrue(r.err().contains("--release must be a Java release from 1.0 to 1.8, or 5 to 25, not '" + bad + "'"),
          r.err());
    }
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
    assertTrue(named.out().startsWith(file + ":17:7: [TransactionEndedByClose] transaction begun at line 11"),
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
    assertTrue(more.out().startsWith(src.resolve("app/AnotherLeak.java") + ":10:7: [UncommittedTransaction] "),
        more.out());
    assertTrue(more.out().contains("1 baselined"), more.out());
  }

  @Test
  void noFileTimeLimitIsAccepted() {
    write(dir, "app/Leaky.java", TestProjects.LEAKY);
    Run r = txguard(args("audit", dir, "--file-time-limit", 0));
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().startsWith(dir.resolve("app/Leaky.java") + ":10:7: [UncommittedTransaction] "), r.out());
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
    assertTrue(r.out().startsWith(dir.resolve("src/com/acme/Jobs.java") + ":7:7: [UncommittedTransaction] "),
        r.out());
    assertTrue(r.out().contains("txguard: 1 finding (1 UncommittedTransaction)"), r.out());

    assertEquals(0, txguard(args("audit", dir.resolve("src"))).exit(), "without the file, no API is known");
  }

  /** The bundled example as a path relative to the current directory (the module directory under Maven). */
  private static Path exampleRelativeToHere() {
    Path testdata = Path.of(System.getProperty("txguard.testdata", "../testdata")).toAbsolutePath().normalize();
    return Path.of("").toAbsolutePath().relativize(testdata.resolve("example"));
  }

  @Test
  void textPathsAreRelativeToTheCurrentDirectoryAndTheOtherFormatsToTheAuditedRoot() throws IOException {
    Path example = exampleRelativeToHere();
    String file = example.resolve("src/main/java/example/AccountService.java").toString();
    Run text = txguard(args("audit", example));
    assertEquals(1, text.exit(), text.err());
    assertTrue(text.out().startsWith(file + ":11:35: [UncommittedTransactionOnException] "), text.out());
    assertTrue(text.out().contains("\n" + file + ":13:13: [UncommittedTransaction] "), text.out());
    assertTrue(Files.isRegularFile(Path.of(file)), "the path opens from here");

    Path textFile = dir.resolve("report.txt");
    assertEquals(1, txguard(args("audit", example, "-o", textFile)).exit());
    assertEquals(text.out(), Files.readString(textFile), "the text report says the same in a file");

    // SARIF URIs and baseline paths stay relative to the audited root, whatever the current directory.
    Run sarif = txguard(args("audit", example, "--format", "sarif"));
    JsonNode location = new ObjectMapper().readTree(sarif.out()).get("runs").get(0).get("results").get(0)
        .get("locations").get(0).get("physicalLocation").get("artifactLocation");
    assertEquals("src/main/java/example/AccountService.java", location.get("uri").asText());
    Path baseline = dir.resolve("baseline.json");
    txguard(args("audit", example, "--write-baseline", baseline));
    Path absoluteBaseline = dir.resolve("absolute.json");
    txguard(args("audit", example.toAbsolutePath(), "--write-baseline", absoluteBaseline));
    assertTrue(Files.readString(baseline).contains("\"path\": \"src/main/java/example/AccountService.java\""),
        Files.readString(baseline));
    assertEquals(Files.readString(baseline), Files.readString(absoluteBaseline), "fingerprints do not depend on cwd");
  }

  @Test
  void aBadFormatIsOneLineWithTheAllowedValues() {
    Run r = txguard("audit", dir.toString(), "--format", "pdf");
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("txguard: "), r.err());
    assertTrue(r.err().contains("'pdf'") && r.err().contains("[text, sarif, html]"), r.err());
    assertTrue(r.err().contains("txguard audit --help"), r.err());

    Run unknown = txguard("audit", dir.toString(), "--bogus");
    assertEquals(1, unknown.err().lines().count(), unknown.err());
    assertTrue(unknown.err().contains("--bogus"), unknown.err());
  }

  @Test
  void aTruncatedBaselineIsOneLineNamingFileAndLine() throws IOException {
    write(dir, "app/Leaky.java", TestProjects.LEAKY);
    Path baseline = dir.resolve("baseline.json");
    assertEquals(1, txguard(args("audit", dir.resolve("app"), "--write-baseline", baseline)).exit());
    String whole = Files.readString(baseline);
    Files.writeString(baseline, whole.substring(0, whole.length() / 2));
    Run r = txguard(args("audit", dir.resolve("app"), "--baseline", baseline));
    assertEquals(2, r.exit());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().matches("txguard: " + java.util.regex.Pattern.quote(baseline.toString())
        + ":\\d+:\\d+: not valid JSON: the file ends too early \\(is it cut short\\?\\)\\n"), r.err());
  }

  @Test
  void anUnwritableOutputFailsBeforeTheAnalysis() throws IOException {
    write(dir, "app/Leaky.java", TestProjects.LEAKY);
    Path missingDir = dir.resolve("no/such/dir/report.sarif");
    Run r = txguard(args("audit", dir.resolve("app"), "--format", "sarif", "--output", missingDir));
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    // The audit never ran: no summary line, only the reason.
    assertEquals("txguard: cannot write --output " + missingDir + ": the directory " + missingDir.getParent()
        + " does not exist\n", r.err());

    Path aDirectory = Files.createDirectories(dir.resolve("out"));
    Run onDir = txguard(args("audit", dir.resolve("app"), "--write-baseline", aDirectory));
    assertEquals(2, onDir.exit());
    assertEquals("txguard: cannot write --write-baseline " + aDirectory + ": it is a directory\n", onDir.err());
  }

  @Test
  void theHtmlTitleNamesWhatWasAudited() throws IOException {
    write(dir, "service-a/app/Leaky.java", TestProjects.LEAKY);
    write(dir, "service-b/app/Clean.java", TestProjects.CLEAN);
    Path html = dir.resolve("report.html");
    txguard(args("audit", dir.resolve("service-a"), dir.resolve("service-b"), "--format", "html", "-o", html));
    String page = Files.readString(html);
    assertTrue(page.contains("<title>txguard: audit of service-a, service-b</title>"), page.substring(0, 600));
  }

  @Test
  void onlyAnalysesTheNamedFilesOfTheAuditedPaths() {
    Path leaky = write(dir, "app/Leaky.java", TestProjects.LEAKY);
    write(dir, "app/Clean.java", TestProjects.CLEAN);

    Run clean = txguard("audit", dir.toString(), "--only", dir.resolve("app/Clean.java").toString());
    assertEquals(0, clean.exit(), clean.err());
    assertEquals("txguard: 0 findings, 0 problems, 1 file analysed\n", clean.out());

    Run both = txguard("audit", dir.toString(), "--only", leaky.toString(), "--only", dir.resolve("app").toString());
    assertEquals(1, both.exit(), both.err());
    assertTrue(both.out().endsWith("1 finding (1 UncommittedTransaction), 0 problems, 2 files analysed\n"), both.out());
  }
}
