package dev.txguard.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.txguard.analysis.Finding;
import dev.txguard.analysis.PathStep;
import dev.txguard.analysis.Rule;
import dev.txguard.graph.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * SARIF 2.1.0: one run of tool {@code txguard} declaring every rule (the one off by default with
 * {@code defaultConfiguration.enabled: false}); per finding a result with its location, the
 * begin site as a related location, the path as a code flow, and the baseline fingerprint as a partial fingerprint.
 * Problems become tool execution notifications of the run's one invocation. URIs are relative to {@code %SRCROOT%}, so
 * the file holds no absolute paths.
 */
public final class SarifReport {
  /** The rules in the order of {@code tool.driver.rules}, which {@code ruleIndex} points into. */
  private static final List<Rule> RULES = List.of(Rule.values());

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SRCROOT = "%SRCROOT%";

  private SarifReport() {}

  public static String render(AuditResult result) {
    return Json.pretty(sarif(result));
  }

  public static void write(AuditResult result, Path file) throws IOException {
    Files.writeString(file, render(result), StandardCharsets.UTF_8);
  }

  static ObjectNode sarif(AuditResult result) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    run.putObject("tool").set("driver", driver());
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
    for (Problem p : result.problems()) {
      notifications.add(notification(p));
    }
    run.put("columnKind", "utf16CodeUnits");
    ArrayNode results = run.putArray("results");
    for (AuditedFile file : result.files()) {
      SourceLines lines = file.source() == null ? null : new SourceLines(file.source());
      for (ReportedFinding reported : file.findings()) {
        results.add(result(file.path(), lines, reported));
      }
    }
    return root;
  }

  private static ObjectNode driver() {
    ObjectNode driver = Json.MAPPER.createObjectNode();
    driver.put("name", "txguard");
    ArrayNode rules = driver.putArray("rules");
    for (Rule rule : RULES) {
      ObjectNode r = rules.addObject();
      r.put("id", rule.checkName());
      r.put("name", rule.checkName());
      text(r, "shortDescription", RuleText.summary(rule));
      text(r, "fullDescription", RuleText.fullDescription(rule));
      text(r, "help", RuleText.fullDescription(rule) + " See " + RuleText.docsPath(rule) + ".");
      ObjectNode config = r.putObject("defaultConfiguration").put("level", "warning");
      if (!rule.enabledByDefault()) {
        config.put("enabled", false); // reported only when asked for by name (--rules)
      }
    }
    return driver;
  }

  private static ObjectNode result(String path, SourceLines lines, ReportedFinding reported) {
    Finding f = reported.finding();
    ObjectNode r = Json.MAPPER.createObjectNode();
    r.put("ruleId", reported.ruleId());
    r.put("ruleIndex", RULES.indexOf(f.rule())); // its place in tool.driver.rules
    r.put("level", "warning");
    String note = reported.resolutionNote();
    text(r, "message", f.message() + (note.isEmpty() ? "" : " (" + note + ")"));
    ObjectNode location = location(path, f.at(), lines);
    location.putArray("logicalLocations").addObject()
        .put("fullyQualifiedName", reported.qualifiedUnit()).put("kind", "function");
    r.putArray("locations").add(location);
    ObjectNode begin = location(path, f.begin(), lines);
    begin.put("id", 0);
    text(begin, "message", "transaction begun here");
    r.putArray("relatedLocations").add(begin);
    // A begin-again finding has no path, and SARIF wants at least one location in a thread flow: then no code flow.
    ArrayNode steps = f.path().isEmpty() ? null
        : r.putArray("codeFlows").addObject().putArray("threadFlows").addObject().putArray("locations");
    for (PathStep step : f.path()) {
      ObjectNode stepLocation = location(path, step.site(), lines);
      text(stepLocation, "message", step.describe());
      ObjectNode threadFlowLocation = steps.addObject();
      threadFlowLocation.set("location", stepLocation);
      String kind = kind(step.kind());
      if (kind != null) {
        threadFlowLocation.putArray("kinds").add(kind);
      }
    }
    r.putObject("partialFingerprints").put(Fingerprints.SARIF_KEY, Fingerprints.of(path, reported));
    ObjectNode properties = r.putObject("properties");
    properties.put("api", f.api());
    properties.put("matchedByName", reported.matchedByName());
    ArrayNode unresolved = properties.putArray("unresolved");
    reported.unresolved().forEach(unresolved::add);
    return r;
  }

  /** A location; without a physical location when the site has no position (a synthetic step). */
  private static ObjectNode location(String path, Site site, SourceLines lines) {
    ObjectNode location = Json.MAPPER.createObjectNode();
    Region region = Region.of(site, lines);
    if (region != null) {
      ObjectNode physical = location.putObject("physicalLocation");
      artifact(physical, path);
      ObjectNode r = physical.putObject("region").put("startLine", region.startLine())
          .put("startColumn", region.startColumn());
      if (region.hasEnd()) {
        r.put("endLine", region.endLine()).put("endColumn", region.endColumn());
      }
    }
    return location;
  }

  private static ObjectNode notification(Problem p) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("level", "warning");
    text(n, "message", p.reason().isEmpty() ? "could not analyse this file" : p.reason());
    ObjectNode physical = n.putArray("locations").addObject().putObject("physicalLocation");
    artifact(physical, p.path());
    if (p.line() > 0) {
      ObjectNode region = physical.putObject("region").put("startLine", p.line());
      if (p.column() > 0) {
        region.put("startColumn", p.column());
      }
    }
    return n;
  }

  private static void artifact(ObjectNode physical, String path) {
    physical.putObject("artifactLocation").put("uri", RelativeUri.of(path)).put("uriBaseId", SRCROOT);
  }

  /** SARIF's well-known thread flow location kinds, where one fits. */
  private static String kind(PathStep.Kind kind) {
    return switch (kind) {
      case BEGIN -> "acquire";
      case BRANCH, JUMP -> "branch";
      case CATCH -> "handler";
      case EXIT -> "exit";
      case CLOSE -> "release";
      case EXCEPTION -> null;
    };
  }

  private static void text(ObjectNode parent, String field, String text) {
    parent.putObject(field).put("text", text);
  }
}
