package dev.txguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.txguard.fuzz.Generators;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.report.AuditResult;
import dev.txguard.report.Baseline;
import dev.txguard.report.HtmlReport;
import dev.txguard.report.SarifReport;
import dev.txguard.report.TextReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same code gives byte-identical text, SARIF, HTML and baseline reports whatever the thread count, the directory
 * it sits in, the order its files were created (and so listed) in, how it is split into PATH arguments, and the
 * default locale; and no report holds an absolute path.
 */
class DeterminismTest {
  @TempDir
  Path dir;

  /** testdata's cases and example, plus files with problems: one that does not parse, one in ISO-8859-1, one over budget. */
  private static Map<String, byte[]> tree() throws IOException {
    Path testdata = Path.of(System.getProperty("txguard.testdata", "../testdata")).toAbsolutePath().normalize();
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> s = Files.walk(testdata)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/")).sorted()
          .toList()) {
        files.put(testdata.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    files.put("extra/app/Broken.java", TestProjects.BROKEN.getBytes(StandardCharsets.UTF_8));
    files.put("extra/app/Latin.java", "package app;\n// caf\u00e9\nclass Latin {}\n".getBytes(StandardCharsets.ISO_8859_1));
    files.put("extra/ManyTransactions.java",
        Generators.manyTransactions(12).source().getBytes(StandardCharsets.UTF_8));
    files.put("extra/app/Leaky.java", TestProjects.LEAKY.getBytes(StandardCharsets.UTF_8));
    return files;
  }

  private static Path write(Path root, Map<String, byte[]> files, List<String> order) {
    for (String name : order) {
      try {
        Path p = root.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, files.get(name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return root;
  }

  /** The four reports of one audit, run under {@code locale}. */
  private List<String> reports(List<Path> paths, int threads, Locale locale) throws IOException {
    Locale before = Locale.getDefault();
    Locale.setDefault(locale);
    try {
      AuditResult r = new AuditRunner(new AuditOptions(paths, List.of(), ProtocolRegistry.builtin(), threads, false),
          null).run();
      Path baseline = Files.createTempFile(dir, "baseline", ".json");
      Baseline.write(r, baseline);
      return List.of(TextReport.render(r), SarifReport.render(r), HtmlReport.render(r),
          Files.readString(baseline, StandardCharsets.UTF_8));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void reportsAreByteIdenticalWhateverTheRunAndFreeOfAbsolutePaths() throws IOException {
    Map<String, byte[]> files = tree();
    List<String> sorted = new ArrayList<>(files.keySet());
    List<String> shuffled = new ArrayList<>(sorted);
    Collections.shuffle(shuffled, new Random(42));
    Path a = write(dir.resolve("first"), files, sorted);
    Path b = write(dir.resolve("another name"), files, shuffled);

    List<String> one = reports(List.of(a), 1, Locale.ROOT);
    List<String> four = reports(List.of(b), 4, Locale.forLanguageTag("tr-TR"));
    List<String> split = reports(List.of(a.resolve("extra"), a.resolve("java25"), a.resolve("example"), a.resolve("cases"),
        a.resolve("modules")), 3,
        Locale.forLanguageTag("ar-SA-u-nu-arab"));

    List<String> formats = List.of("text", "SARIF", "HTML", "baseline");
    for (int i = 0; i < formats.size(); i++) {
      assertEquals(one.get(i), four.get(i), formats.get(i) + ": 1 thread vs 4, another directory, shuffled");
      assertEquals(one.get(i), split.get(i), formats.get(i) + ": one PATH vs three in another order");
      for (String absolute : List.of(a.toString(), b.toString(), dir.toString(), System.getProperty("user.dir"),
          System.getProperty("user.home"))) {
        assertFalse(one.get(i).contains(absolute), formats.get(i) + " holds " + absolute);
      }
      assertFalse(one.get(i).contains("\r"), formats.get(i) + " has \\r line ends");
    }
    // What the reports hold: findings, and each kind of problem.
    String text = one.get(0);
    assertTrue(text.contains("extra/app/Broken.java:4:11: [txguard] does not parse at Java 25: "), text);
    assertTrue(text.contains("extra/app/Latin.java:1: [txguard] not valid UTF-8; read as ISO-8859-1"), text);
    assertTrue(text.contains("extra/ManyTransactions.java:5: [txguard] m() was not fully analysed"), text);
    assertTrue(text.contains("example/src/main/java/example/AccountService.java:13:13: [UncommittedTransaction]"),
        text);
    assertTrue(one.get(1).length() > 100_000, "the SARIF holds the testdata's findings");
  }
}
