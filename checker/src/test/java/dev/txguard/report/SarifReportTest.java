package dev.txguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.txguard.analysis.Finding;
import dev.txguard.analysis.Rule;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportTest {
  private final JsonNode sarif = parse(SarifReport.render(Fixtures.result()));

  @Test
  void validAgainstTheOasisSchema() throws IOException {
    Schema schema = SarifSchema.get();
    assertEquals(List.of(), schema.validate(sarif).stream().map(Error::toString).toList());
    // The schema must also be able to fail, or the check above proves nothing.
    JsonNode broken = parse(SarifReport.render(Fixtures.result()).replace("\"startLine\": 7", "\"startLine\": 0"));
    assertFalse(schema.validate(broken).isEmpty());
  }

  /** Regression: a begin-again finding has no path, and an empty thread flow broke the schema ("at least 1 items"). */
  @Test
  void beginAgainHasNoCodeFlowAndIsValid() throws IOException {
    String source = Fixtures.ORDERS;
    Finding again = new Finding(Rule.UNCOMMITTED_TRANSACTION, "update()", "id", Fixtures.site(source, "orm.commit()"),
        null, Fixtures.site(source, "orm.begin()"), "JPA", List.of(), "", "begun again while active");
    JsonNode tree = parse(SarifReport.render(new AuditResult(List.of(new AuditedFile("A.java", source,
        List.of(new ReportedFinding(again, "A")))), List.of(), 1)));
    JsonNode result = tree.at("/runs/0/results/0");
    assertTrue(result.path("codeFlows").isMissingNode(), result.toString());
    assertEquals(List.of(), SarifSchema.get().validate(tree).stream().map(Error::toString).toList());
  }

  @Test
  void oneRunWithBothRulesAndTheProblemAsANotification() {
    JsonNode run = sarif.at("/runs/0");
    assertEquals(1, sarif.get("runs").size());
    assertEquals("2.1.0", sarif.get("version").asText());
    assertEquals("txguard", run.at("/tool/driver/name").asText());
    JsonNode rules = run.at("/tool/driver/rules");
    assertEquals("UncommittedTransaction", rules.at("/0/id").asText());
    assertEquals("A transaction begun in this method can still be active when the method returns",
        rules.at("/0/shortDescription/text").asText());
    assertEquals("UncommittedTransactionOnException", rules.at("/1/id").asText());
    assertEquals("An exception can leave this method while a transaction it began is still active",
        rules.at("/1/shortDescription/text").asText());
    assertEquals("warning", rules.at("/1/defaultConfiguration/level").asText());
    assertTrue(rules.at("/1/defaultConfiguration/enabled").isMissingNode(), "on by default");
    assertEquals("TransactionEndedByClose", rules.at("/2/id").asText());
    assertEquals(false, rules.at("/2/defaultConfiguration/enabled").asBoolean(true), "off by default");
    assertEquals(3, rules.size());
    JsonNode invocation = run.at("/invocations/0");
    assertTrue(invocation.get("executionSuccessful").asBoolean());
    JsonNode note = invocation.at("/toolExecutionNotifications/0");
    assertEquals("could not parse: ';' expected", note.at("/message/text").asText());
    assertEquals("src/main/java/com/acme/Broken.java", note.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertEquals(3, note.at("/locations/0/physicalLocation/region/startLine").asInt());
  }

  @Test
  void resultHasRegionBeginPathAndFingerprint() {
    JsonNode results = sarif.at("/runs/0/results");
    assertEquals(3, results.size());
    JsonNode r = results.get(0);
    assertEquals("UncommittedTransaction", r.get("ruleId").asText());
    assertEquals("warning", r.get("level").asText());
    JsonNode where = r.at("/locations/0/physicalLocation");
    assertEquals("src/main/java/com/acme/Orders.java", where.at("/artifactLocation/uri").asText());
    assertEquals(region(7, 7, 7, 20), where.get("region").toString());
    assertEquals("com.acme.Orders.update()", r.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
    assertEquals("transaction begun here", r.at("/relatedLocations/0/message/text").asText());
    assertEquals(region(5, 5, 5, 16), r.at("/relatedLocations/0/physicalLocation/region").toString());
    JsonNode steps = r.at("/codeFlows/0/threadFlows/0/locations");
    assertEquals(3, steps.size());
    assertEquals("m == null is true", steps.at("/1/location/message/text").asText());
    assertEquals(region(6, 9, 6, 18), steps.at("/1/location/physicalLocation/region").toString());
    String expected = Fingerprints.of("src/main/java/com/acme/Orders.java", Fixtures.result().files().get(0)
        .findings().get(0));
    assertEquals(expected, r.at("/partialFingerprints/" + Fingerprints.SARIF_KEY.replace("/", "~1")).asText());
  }

  @Test
  void columnsCountCharactersSoATabIsOne() {
    JsonNode thrown = sarif.at("/runs/0/results/1/locations/0/physicalLocation/region");
    assertEquals(region(9, 2, 9, 9), thrown.toString());
  }

  @Test
  void withoutSourceTheSiteLineAndColumnAreUsedAndTheNoteIsInTheMessage() {
    JsonNode r = sarif.at("/runs/0/results/2");
    assertEquals("{\"startLine\":7,\"startColumn\":7}", r.at("/locations/0/physicalLocation/region").toString());
    assertTrue(r.at("/message/text").asText().endsWith(
        "(matched by name; could not resolve org.hibernate.Session)"), r.at("/message/text").asText());
    assertTrue(r.at("/properties/matchedByName").asBoolean());
  }

  @Test
  void pathsBecomeRelativeUriReferences() {
    assertEquals("my%20dir/a%23b/%C3%A9t%C3%A9%3Ax.java", RelativeUri.of("my dir\\a#b/été:x.java"));
  }

  @Test
  void deterministicAndFreeOfAbsolutePaths() {
    String once = SarifReport.render(Fixtures.result());
    assertEquals(once, SarifReport.render(Fixtures.result()));
    assertFalse(once.contains(System.getProperty("user.dir")));
    assertFalse(once.contains("\r"));
  }

  private static String region(int startLine, int startColumn, int endLine, int endColumn) {
    return "{\"startLine\":" + startLine + ",\"startColumn\":" + startColumn + ",\"endLine\":" + endLine
        + ",\"endColumn\":" + endColumn + "}";
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
