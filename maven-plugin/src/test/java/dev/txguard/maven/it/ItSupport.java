package dev.txguard.maven.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Helpers for the integration tests' {@code verify.groovy} scripts, which get the test classpath (invoker's
 * {@code addTestClassPath}). Findings are compared as keys {@code path:line:Rule} (or {@code path:line:column:Rule}),
 * the path relative to the IT project's directory.
 */
public final class ItSupport {
  /** maven-compiler-plugin's form, which txguard:check copies: {@code [ERROR] /abs/X.java:[12,5] [Rule] message}. */
  private static final Pattern DIAGNOSTIC =
      Pattern.compile("^\\[(ERROR|WARNING)\\] (.+\\.java):\\[(\\d+),(\\d+)\\] \\[(\\w+)\\] .*$");
  /** The testdata convention: the marker goes on the line before the reported line. */
  private static final Pattern MARKER = Pattern.compile("^\\s*// BUG: Diagnostic contains: \\[(\\w+)\\]");

  private ItSupport() {}

  /** The findings the sources' markers expect, over every {@code .java} file under {@code projectDir}. */
  public static SortedSet<String> expected(File projectDir) throws IOException {
    Path root = projectDir.toPath().toAbsolutePath().normalize();
    SortedSet<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java") && !root.relativize(f).toString()
          .matches("(.*/)?target/.*")).toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> pending = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = MARKER.matcher(lines.get(i));
          if (m.find()) {
            pending.add(m.group(1));
          } else {
            for (String rule : pending) {
              keys.add(relative(root, file) + ":" + (i + 1) + ":" + rule);
            }
            pending.clear();
          }
        }
      }
    }
    return keys;
  }

  /** The diagnostics at {@code level} (ERROR or WARNING) in a build log, as {@code path:line:column:Rule}. */
  public static SortedSet<String> reported(File projectDir, String log, String level) {
    Path root = projectDir.toPath().toAbsolutePath().normalize();
    SortedSet<String> keys = new TreeSet<>();
    for (String line : log.split("\r?\n")) {
      Matcher m = DIAGNOSTIC.matcher(line);
      if (m.matches() && m.group(1).equals(level)) {
        keys.add(relative(root, Path.of(m.group(2))) + ":" + m.group(3) + ":" + m.group(4) + ":" + m.group(5));
      }
    }
    return keys;
  }

  /** The keys without their column: {@code path:line:Rule}. */
  public static SortedSet<String> withoutColumn(SortedSet<String> keys) {
    SortedSet<String> out = new TreeSet<>();
    for (String k : keys) {
      out.add(k.replaceFirst(":(\\d+):\\d+:(\\w+)$", ":$1:$2"));
    }
    return out;
  }

  /**
   * The OASIS SARIF 2.1.0 JSON schema on the test classpath: vendored in checker/src/test/resources/sarif/ and added to
   * this module's test resources by its pom. Missing, it fails the caller; a report is never taken as valid unchecked.
   */
  static final String SARIF_SCHEMA = "/sarif/sarif-schema-2.1.0.json";

  /** Validation errors of a SARIF file against the SARIF 2.1.0 JSON schema (draft-04); empty when valid. */
  public static List<String> sarifSchemaErrors(File sarif) throws IOException {
    Schema schema;
    try (InputStream in = ItSupport.class.getResourceAsStream(SARIF_SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException("the SARIF schema " + SARIF_SCHEMA + " is not on the test classpath (vendored"
            + " in checker/src/test/resources/sarif/, added to the test resources by maven-plugin/pom.xml)");
      }
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
    JsonNode json = new ObjectMapper().readTree(Files.readString(sarif.toPath(), StandardCharsets.UTF_8));
    return schema.validate(json).stream().map(Error::toString).toList();
  }

  /** The results of a SARIF report as {@code uri:line:Rule}, the URI relative to its {@code %SRCROOT%}. */
  public static SortedSet<String> sarifFindings(File sarif) {
    SortedSet<String> keys = new TreeSet<>();
    for (JsonNode r : json(sarif).at("/runs/0/results")) {
      JsonNode where = r.at("/locations/0/physicalLocation");
      keys.add(where.at("/artifactLocation/uri").asText() + ":" + where.at("/region/startLine").asInt() + ":"
          + r.get("ruleId").asText());
    }
    return keys;
  }

  /** The parsed JSON of a report, for assertions on its content. */
  public static JsonNode json(File file) {
    try {
      return new ObjectMapper().readTree(Files.readString(file.toPath(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String relative(Path root, Path file) {
    Path f = file.toAbsolutePath().normalize();
    return (f.startsWith(root) ? root.relativize(f) : f).toString().replace('\\', '/');
  }
}
