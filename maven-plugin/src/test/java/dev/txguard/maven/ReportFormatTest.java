package dev.txguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.txguard.maven.it.ItSupport;
import dev.txguard.report.AuditResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFormatTest {
  @TempDir
  Path dir;

  @Test
  void parsesNamesCaseInsensitivelyOnceEach() {
    assertEquals(List.of(ReportFormat.SARIF, ReportFormat.HTML), ReportFormat.parse(List.of("sarif", "HTML", "Sarif")));
    assertEquals(List.of(), ReportFormat.parse(List.of()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportFormat.parse(List.of("xml")));
    assertEquals("unknown report format 'xml' in txguard's formats; the formats are sarif, html, text", e.getMessage());
  }

  @Test
  void writesEachFormatWithPathsRelativeToTheModule() throws IOException {
    Path basedir = dir.resolve("module");
    AuditResult result = Sources.audit(Sources.module(basedir), basedir);
    Path out = basedir.resolve("target/txguard");
    List<Path> written = ReportFormat.writeAll(List.of(ReportFormat.SARIF, ReportFormat.HTML, ReportFormat.TEXT),
        result, "module", out);
    assertEquals(List.of(out.resolve("txguard.sarif"), out.resolve("txguard.html"), out.resolve("txguard.txt")), written);

    SortedSet<String> expected = new TreeSet<>(List.of("src/main/java/com/acme/Service.java:6:UncommittedTransactionOnException",
        "src/main/java/com/acme/Service.java:8:UncommittedTransaction"));
    assertEquals(expected, ItSupport.sarifFindings(out.resolve("txguard.sarif").toFile()));
    assertTrue(Files.readString(out.resolve("txguard.txt"), StandardCharsets.UTF_8)
        .startsWith("src/main/java/com/acme/Service.java:6:5: [UncommittedTransactionOnException]"));
    String html = Files.readString(out.resolve("txguard.html"), StandardCharsets.UTF_8);
    assertTrue(html.contains("src/main/java/com/acme/Service.java"));
    assertTrue(html.contains("<title>txguard: audit of module</title>"), "the title names the module");

    assertEquals(List.of(), ItSupport.sarifSchemaErrors(out.resolve("txguard.sarif").toFile()));
  }
}
