package dev.txguard.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Known findings, to report only new ones. The file is JSON: a format version and, per finding, its
 * {@linkplain Fingerprints fingerprint} plus the rule, path and unit for people reading diffs (only the fingerprint
 * is matched). Entries are sorted by path, unit, rule and fingerprint, not by line, so that the file does not change
 * when code moves. Matching is by multiset: a fingerprint baselined once hides one finding, and a second finding with
 * the same fingerprint is new.
 */
public final class Baseline {
  static final String VERSION_FIELD = "txguardBaseline";
  static final int VERSION = 1;

  private final Map<String, Integer> counts;

  private Baseline(Map<String, Integer> counts) {
    this.counts = counts;
  }

  /** How many findings the baseline holds, duplicates included. */
  public int size() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The result without the findings this baseline knows, with {@link AuditResult#baselined()} counting them. */
  public AuditResult filterNew(AuditResult result) {
    Map<String, Integer> left = new HashMap<>(counts);
    int hidden = 0;
    List<AuditedFile> files = new ArrayList<>();
    for (AuditedFile file : result.files()) {
      List<ReportedFinding> kept = new ArrayList<>();
      for (ReportedFinding f : file.findings()) {
        String fingerprint = Fingerprints.of(file.path(), f);
        int n = left.getOrDefault(fingerprint, 0);
        if (n > 0) {
          left.put(fingerprint, n - 1);
          hidden++;
        } else {
          kept.add(f);
        }
      }
      files.add(new AuditedFile(file.path(), file.source(), kept));
    }
    return new AuditResult(files, result.problems(), result.filesAnalysed(), result.baselined() + hidden);
  }

  public static void write(AuditResult result, Path file) throws IOException {
    Files.writeString(file, render(result), StandardCharsets.UTF_8);
  }

  static String render(AuditResult result) {
    record Entry(String fingerprint, String rule, String path, String unit) {}
    List<Entry> entries = new ArrayList<>();
    result.findings().forEach(l -> entries.add(new Entry(Fingerprints.of(l.file().path(), l.finding()),
        l.finding().ruleId(), l.file().path(), l.finding().qualifiedUnit())));
    entries.sort(Comparator.comparing(Entry::path).thenComparing(Entry::unit).thenComparing(Entry::rule)
        .thenComparing(Entry::fingerprint));
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put(VERSION_FIELD, VERSION);
    ArrayNode findings = root.putArray("findings");
    for (Entry e : entries) {
      findings.addObject().put("fingerprint", e.fingerprint()).put("rule", e.rule()).put("path", e.path())
          .put("unit", e.unit());
    }
    return Json.pretty(root);
  }

  public static Baseline load(Path file) throws IOException {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new BaselineFileException(file, "no such baseline file", e);
    } catch (MalformedInputException e) {
      throw new BaselineFileException(file, "not UTF-8 text", e);
    } catch (JacksonException e) {
      var where = e.getLocation();
      throw new BaselineFileException(file, "not valid JSON"
          + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr())
          + ": " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject() || root.path(VERSION_FIELD).asInt(-1) != VERSION) {
      throw new BaselineFileException(file, "not a txguard baseline (expected an object with \"" + VERSION_FIELD
          + "\": " + VERSION + ")");
    }
    JsonNode findings = root.get("findings");
    if (findings == null || !findings.isArray()) {
      throw new BaselineFileException(file, "\"findings\" must be an array");
    }
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < findings.size(); i++) {
      JsonNode fingerprint = findings.get(i).get("fingerprint");
      if (fingerprint == null || !fingerprint.isTextual() || fingerprint.asText().isBlank()) {
        throw new BaselineFileException(file, "findings[" + i + "] has no \"fingerprint\" string");
      }
      counts.merge(fingerprint.asText(), 1, Integer::sum);
    }
    return new Baseline(counts);
  }
}
