package dev.txguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txguard.fuzz.ReportChecks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every format, written to disk from a result whose every untrusted string is hostile ({@link Hostile}): valid UTF-8,
 * JSON that parses and passes the SARIF schema, HTML whose hostile text is text, a text report whose lines cannot be
 * forged. A browser runs the HTML in {@link HtmlReportInBrowserTest}.
 */
class HostileReportsTest {
  @TempDir
  Path dir;

  private final AuditResult result = Hostile.result(Hostile.ALL);

  @Test
  void everyFormatIsWrittenAsValidUtf8() throws IOException {
    TextReport.write(result, dir.resolve("r.txt"));
    SarifReport.write(result, dir.resolve("r.sarif"));
    HtmlReport.write(result, dir.resolve("r.html"));
    Baseline.write(result, dir.resolve("b.json"));
    for (String name : List.of("r.txt", "r.sarif", "r.html", "b.json")) {
      strictUtf8(Files.readAllBytes(dir.resolve(name)));
    }
    assertEquals(1, Baseline.load(dir.resolve("b.json")).filterNew(result).baselined());
    ReportChecks.check(new AuditResult(result.files(), List.of(), 1)); // its problem check would reject ours
  }

  /** Real files: script in the directory and file names (and a line break), the comments, a string and the begin. */
  @Test
  void aRealAuditOfHostileFilesGivesValidReports() throws IOException {
    AuditResult real = Hostile.auditFiles(dir.resolve("src"));
    ReportChecks.check(new AuditResult(real.files(), List.of(), 1)); // its problem check would reject the parse error
    JsonNode sarif = Json.MAPPER.readTree(SarifReport.render(real));
    assertEquals("%3Cscript%3Edocument.title='pwned-path'%3C/script%3E.java",
        sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
    String text = TextReport.render(real);
    assertTrue(text.contains(Hostile.BROKEN.replace("\n", " ").replace("\u0001", "\\u0001") + ":1:24: [txguard] does not parse at Java 25"),
        text);
  }

  @Test
  void sarifKeepsEveryStringButUnpairedSurrogates() throws IOException {
    JsonNode sarif = Json.MAPPER.readTree(SarifReport.render(result));
    String expected = Texts.wellFormed(Hostile.ALL);
    assertEquals(expected, sarif.at("/runs/0/results/0/codeFlows/0/threadFlows/0/locations/1/location/message/text")
        .asText());
    assertEquals(expected, sarif.at("/runs/0/invocations/0/toolExecutionNotifications/0/message/text").asText());
    assertTrue(expected.contains("a\uFFFDb\uFFFDc\uFFFD \uFFFD\uD83D\uDE00"), "unpaired surrogates replaced, a pair kept");
    assertEquals(List.of(), SarifSchema.get().validate(sarif).stream().map(Object::toString).toList());
    // Control characters are JSON escapes, never raw.
    assertFalse(SarifReport.render(result).chars().anyMatch(c -> c < 0x20 && c != '\n'));
  }

  @Test
  void textReportLinesCannotBeForged() {
    String text = TextReport.render(result);
    assertEquals(7, text.lines().count(), "a finding, its three steps and note, a problem, the summary: " + text);
    for (String line : text.split("\n")) {
      // Code points: a pair is one supplementary code point, an unpaired surrogate stays a surrogate.
      assertTrue(line.codePoints().noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f)
          || (c <= 0xffff && (Texts.isBidiControl((char) c) || Character.isSurrogate((char) c)))), line);
    }
    assertTrue(text.contains("\\u202eevil\\u202c"), text);
    assertTrue(text.contains("a\\ud800b\\udfffc\\udbff \\udc00\uD83D\uDE00"), text);
    assertTrue(text.contains("\\u0000\\u0001\\u0007\\u0008\\u000b\\u000c\\u001b[31m\\u001f\\u007f\\u0085\\u009b"), text);
  }

  @Test
  void htmlShowsHostileTextAsText() {
    String html = HtmlReport.render(result);
    Document doc = Jsoup.parse(html);
    assertEquals("txguard report", doc.title());
    assertEquals(1, doc.select("script").size(), "only the report's own script");
    assertTrue(doc.select("[data-pwned], #pwned, img, svg, textarea, [onerror], [onload]").isEmpty());
    String shown = Texts.visible(Hostile.ALL);
    Element problem = doc.selectFirst("table.problems td");
    // Problem paths take '/' for '\\' (Windows separators).
    assertEquals(Texts.visible(Hostile.ALL.replace('\\', '/') + ".java:3"), problem.wholeText());
    assertEquals(shown, doc.selectFirst("p.message").wholeText());
    assertEquals(Texts.visible(Hostile.ALL + "." + Hostile.ALL), doc.selectFirst("dl.meta dd").wholeText(),
        "the method, qualified by its class");
    Element excerpt = doc.selectFirst("tr.exit td.code");
    assertTrue(excerpt.wholeText().endsWith("return false; // " + shown), excerpt.wholeText());
    assertTrue(shown.contains("\u2400\u2401\u2407\u2408\u240b\u240c\u241b[31m\u241f\u2421\uFFFD\uFFFD\uFFFDevil\uFFFD"),
        "controls as pictures, bidi characters and unpaired surrogates as U+FFFD");
  }

  private static void strictUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw new AssertionError("not valid UTF-8", e);
    }
  }
}
