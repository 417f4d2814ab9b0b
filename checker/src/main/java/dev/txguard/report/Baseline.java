package dev.txguard.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
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

  /** Writes the baseline whole or not at all ({@link AtomicFiles}): a half-written baseline would fail the next run. */
  public static void write(AuditResult result, Path file) throws IOException {
    AtomicFiles.writeString(file, render(result));
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
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BaselineFileException(file, "no such baseline file", e);
    } catch (MalformedInputException e) {
      throw new BaselineFileException(file, "not UTF-8 text", e);
    }
    try (JsonParser parser = Json.MAPPER.createParser(text)) {
      return new Baseline(read(parser, file));
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      throw new BaselineFileException(file, where == null ? 0 : where.getLineNr(),
          where == null ? 0 : where.getColumnNr(), "not valid JSON: " + syntaxError(e), e);
    }
  }

  /** Reads the file token by token, so that an entry that is wrong can be named with its line. */
  private static Map<String, Integer> read(JsonParser parser, Path file) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw notABaseline(file, parser);
    }
    int version = -1;
    Map<String, Integer> counts = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (VERSION_FIELD.equals(name)) {
        version = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : -1;
      } else if ("findings".equals(name)) {
        if (value != JsonToken.START_ARRAY) {
          throw at(file, parser, "\"findings\" must be an array");
        }
        counts = readFindings(parser, file);
      } else {
        parser.skipChildren();
      }
    }
    if (parser.nextToken() != null) {
      throw at(file, parser, "unexpected text after the baseline's closing '}'");
    }
    if (version != VERSION) {
      throw notABaseline(file, null);
    }
    if (counts == null) {
      throw new BaselineFileException(file, "no \"findings\" array");
    }
    return counts;
  }

  private static Map<String, Integer> readFindings(JsonParser parser, Path file) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      JsonLocation start = parser.currentTokenLocation();
      JsonNode entry = parser.readValueAsTree();
      JsonNode fingerprint = entry == null ? null : entry.get("fingerprint");
      if (fingerprint == null || !fingerprint.isTextual() || fingerprint.asText().isBlank()) {
        throw new BaselineFileException(file, start.getLineNr(), start.getColumnNr(),
            "findings[" + i + "] has no \"fingerprint\" string", null);
      }
      counts.merge(fingerprint.asText(), 1, Integer::sum);
    }
    return counts;
  }

  private static BaselineFileException notABaseline(Path file, JsonParser at) {
    String message = "not a txguard baseline (expected an object with \"" + VERSION_FIELD + "\": " + VERSION + ")";
    return at == null ? new BaselineFileException(file, message) : at(file, at, message);
  }

  private static BaselineFileException at(Path file, JsonParser parser, String message) {
    JsonLocation where = parser.currentTokenLocation();
    return new BaselineFileException(file, where.getLineNr(), where.getColumnNr(), message, null);
  }

  /**
   * Jackson's message for a syntax error, without what only its authors need: the source description, the start
   * marker's location, character codes. A file cut short (a killed write, a bad merge) says so.
   */
  static String syntaxError(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof JsonEOFException || message.startsWith("Unexpected end-of-input")) {
      return "the file ends too early (is it cut short?)";
    }
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    return message.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
        .replaceAll(" \\(code \\d+\\)", "")
        .replaceAll("\\s*at \\[Source:.*$", "")
        .strip();
  }
}
