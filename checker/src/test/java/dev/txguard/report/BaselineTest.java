package dev.txguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
  private static final String PATH = "src/main/java/com/acme/Orders.java";

  @TempDir Path dir;

  @Test
  void everythingBaselinedLeavesNothingNew() throws IOException {
    Path file = dir.resolve("txguard-baseline.json");
    Baseline.write(Fixtures.result(), file);
    Baseline baseline = Baseline.load(file);
    assertEquals(3, baseline.size());
    AuditResult filtered = baseline.filterNew(Fixtures.result());
    assertEquals(0, filtered.findingCount());
    assertEquals(3, filtered.baselined());
    assertEquals(Fixtures.result().problems(), filtered.problems());
    assertEquals(5, filtered.filesAnalysed());
  }

  @Test
  void survivesLinesInsertedAbove() throws IOException {
    Path file = dir.resolve("b.json");
    Baseline.write(result(Fixtures.ORDERS), file);
    String shifted = Fixtures.ORDERS.replace("class Orders {", "import java.util.Map;\n\n// moved\nclass Orders {");
    AuditResult moved = result(shifted);
    assertNotEquals(result(Fixtures.ORDERS).files().get(0).findings().get(0).finding().at().line(),
        moved.files().get(0).findings().get(0).finding().at().line());
    AuditResult filtered = Baseline.load(file).filterNew(moved);
    assertEquals(0, filtered.findingCount());
    assertEquals(2, filtered.baselined());
    // The file itself does not change either, so a moved finding makes no diff.
    assertEquals(Files.readString(file), Baseline.render(moved));
  }

  @Test
  void multisetSemantics() throws IOException {
    ReportedFinding once = new ReportedFinding(Fixtures.earlyReturn(Fixtures.ORDERS), "com.acme.Orders");
    Path file = dir.resolve("b.json");
    Baseline.write(new AuditResult(List.of(new AuditedFile(PATH, Fixtures.ORDERS, List.of(once))), List.of(), 1),
        file);
    AuditResult twice = new AuditResult(
        List.of(new AuditedFile(PATH, Fixtures.ORDERS, List.of(once, once))), List.of(), 1);
    AuditResult filtered = Baseline.load(file).filterNew(twice);
    assertEquals(1, filtered.findingCount());
    assertEquals(1, filtered.baselined());
  }

  @Test
  void otherRuleFileOrClassIsNew() {
    ReportedFinding f = new ReportedFinding(Fixtures.earlyReturn(Fixtures.ORDERS), "com.acme.Orders");
    String fp = Fingerprints.of(PATH, f);
    assertEquals(32, fp.length());
    assertNotEquals(fp, Fingerprints.of("other/Orders.java", f));
    assertNotEquals(fp, Fingerprints.of(PATH, new ReportedFinding(f.finding(), "com.acme.Other")));
    assertNotEquals(fp, Fingerprints.of(PATH, new ReportedFinding(Fixtures.saveThrows(Fixtures.ORDERS),
        "com.acme.Orders")));
  }

  @Test
  void malformedFilesNameTheFileAndLine() throws IOException {
    Path bad = dir.resolve("broken-baseline.json");
    Files.writeString(bad, "{\"txguardBaseline\": 1, \"findings\": [");
    BaselineFileException e = assertThrows(BaselineFileException.class, () -> Baseline.load(bad));
    assertEquals(bad + ":1:37: not valid JSON: the file ends too early (is it cut short?)", e.getMessage());

    Files.writeString(bad, "[1, 2]");
    e = assertThrows(BaselineFileException.class, () -> Baseline.load(bad));
    assertEquals(bad + ":1:1: not a txguard baseline (expected an object with \"txguardBaseline\": 1)", e.getMessage());

    Files.writeString(bad, "{\"txguardBaseline\": 2, \"findings\": []}");
    e = assertThrows(BaselineFileException.class, () -> Baseline.load(bad));
    assertEquals(bad + ": not a txguard baseline (expected an object with \"txguardBaseline\": 1)", e.getMessage());

    Files.writeString(bad, "{\"txguardBaseline\": 1,\n \"findings\": [\n  {\"fingerprint\": \"a\"},\n  {\"rule\": \"x\"}]}");
    e = assertThrows(BaselineFileException.class, () -> Baseline.load(bad));
    assertEquals(bad + ":4:3: findings[1] has no \"fingerprint\" string", e.getMessage());

    Files.writeString(bad, "{\"txguardBaseline\": 1, \"findings\": {}}");
    e = assertThrows(BaselineFileException.class, () -> Baseline.load(bad));
    assertEquals(bad + ":1:36: \"findings\" must be an array", e.getMessage());

    Files.writeString(bad, "{\"txguardBaseline\": 1}");
    e = assertThrows(BaselineFileException.class, () -> Baseline.load(bad));
    assertEquals(bad + ": no \"findings\" array", e.getMessage());

    Files.writeString(bad, "{\"txguardBaseline\": 1, \"findings\": []} {}");
    e = assertThrows(BaselineFileException.class, () -> Baseline.load(bad));
    assertEquals(bad + ":1:40: unexpected text after the baseline's closing '}'", e.getMessage());

    Files.write(bad, new byte[] {'{', (byte) 0xff, '}'});
    e = assertThrows(BaselineFileException.class, () -> Baseline.load(bad));
    assertEquals(bad + ": not UTF-8 text", e.getMessage());

    Path missing = dir.resolve("missing.json");
    e = assertThrows(BaselineFileException.class, () -> Baseline.load(missing));
    assertEquals(missing + ": no such baseline file", e.getMessage());
  }

  @Test
  void aTruncatedBaselineSaysSoInOneLineWithoutParserInternals() throws IOException {
    String whole = Baseline.render(Fixtures.result());
    Path cut = dir.resolve("cut.json");
    // Every proper prefix of a real baseline (a killed write, a bad merge): one line, file and line, no Jackson.
    for (int length = 1; length < whole.strip().length(); length += 7) {
      Files.writeString(cut, whole.substring(0, length));
      BaselineFileException e = assertThrows(BaselineFileException.class, () -> Baseline.load(cut), "length " + length);
      String message = e.getMessage();
      assertTrue(message.matches(java.util.regex.Pattern.quote(cut.toString()) + ":\\d+(:\\d+)?: [^\\n]+"), message);
      assertFalse(message.contains("Source:") || message.contains("jackson") || message.contains("marker")
          || message.contains("code "), message);
    }
  }

  @Test
  void writingReplacesTheFileWholeAndLeavesNothingElse() throws IOException {
    Path file = dir.resolve("txguard-baseline.json");
    Files.writeString(file, "old");
    Baseline.write(Fixtures.result(), file);
    assertEquals(Baseline.render(Fixtures.result()), Files.readString(file));
    try (var listing = Files.list(dir)) {
      assertEquals(List.of(file), listing.toList(), "no temporary file is left beside the baseline");
    }
  }

  @Test
  void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("txguard-baseline.json");
    Files.createDirectories(file.resolve("in-the-way")); // a non-empty directory cannot be replaced by the rename
    assertThrows(IOException.class, () -> Baseline.write(Fixtures.result(), file));
    assertTrue(Files.isDirectory(file.resolve("in-the-way")), "the old entry is untouched");
    try (var listing = Files.list(dir)) {
      assertEquals(List.of(file), listing.toList(), "no temporary file is left");
    }
  }

  @Test
  void fileIsReadableAndSorted() {
    String json = Baseline.render(Fixtures.result());
    assertTrue(json.startsWith("{\n  \"txguardBaseline\": 1,\n  \"findings\": [\n    {\n      \"fingerprint\": \""),
        json);
    assertTrue(json.indexOf("com/acme/Orders.java") < json.indexOf("com/acme/b/Billing.java"), json);
  }

  private static AuditResult result(String source) {
    return new AuditResult(List.of(Fixtures.orders(PATH, source)), List.of(), 1);
  }
}
