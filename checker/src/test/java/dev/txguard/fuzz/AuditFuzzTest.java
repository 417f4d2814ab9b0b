package dev.txguard.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.txguard.audit.AuditOptions;
import dev.txguard.audit.AuditRunner;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.report.AuditResult;
import dev.txguard.report.Problem;
import dev.txguard.source.JavaRelease;
import dev.txguard.source.NestingDepth;
import dev.txguard.source.SourceParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the source audit broken, hostile and pathological files: seeded token and byte mutations of every file under
 * {@code testdata/}, odd encodings, and the {@link Generators}' deep nesting and huge methods. Whatever the input, the
 * audit must finish, report each file it could not (fully) analyse as a problem of that file (at the parser's line),
 * analyse everything else, never report an internal error or a stack trace, and write valid reports.
 *
 * <p>The default run is a fast slice. {@code -Dtxguard.fuzz.iterations=N} sets the number of mutants (default 150),
 * {@code -Dtxguard.fuzz.seed=S} the seed, and {@code -Dtxguard.fuzz.scale=K} multiplies the generators' sizes.
 */
class AuditFuzzTest {
  static final int ITERATIONS = Integer.getInteger("txguard.fuzz.iterations", 150);
  static final long SEED = Long.getLong("txguard.fuzz.seed", 20_261_125L);
  static final int SCALE = Integer.getInteger("txguard.fuzz.scale", 1);
  /** Only a guard against a hang; the work takes seconds. */
  private static final Duration HANG_GUARD = Duration.ofMinutes(10);

  /** ASCII and self-contained, with two findings, for the encoding variants (which append at its end). */
  private static final String ENCODED = """
      package enc;

      import java.sql.Connection;
      import java.sql.SQLException;

      class AccountService {
        void save(Connection conn, boolean skip) throws SQLException {
          conn.setAutoCommit(false);
          // BUG: Diagnostic contains: [UncommittedTransactionOnException]
          conn.prepareStatement("update t set x = 1").execute();
          if (skip) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            return;
          }
          conn.commit();
        }
      }
      """;

  @TempDir
  Path dir;

  static Path testdata() {
    return Path.of(System.getProperty("txguard.testdata", "../testdata")).toAbsolutePath().normalize();
  }

  static List<Path> testdataFiles() {
    try (Stream<Path> s = Files.walk(testdata())) {
      return s.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void mutantsOfEveryTestdataFileAreAnalysedOrReportedAtTheirLine() throws IOException {
    List<Path> originals = testdataFiles();
    SplittableRandom random = new SplittableRandom(SEED);
    Map<String, String> descriptions = new TreeMap<>();
    Map<String, byte[]> files = new LinkedHashMap<>();
    Map<Path, Mutator> mutators = new LinkedHashMap<>();
    for (int i = 0; i < ITERATIONS; i++) {
      Path original = originals.get(i % originals.size());
      Mutator.Mutant m = mutators.computeIfAbsent(original, Mutator::of).mutate(random.split());
      String name = String.format("mutants/m%05d/%s", i, original.getFileName());
      files.put(name, m.bytes());
      descriptions.put(name, testdata().relativize(original) + ": " + m.description() + " (seed " + SEED + ")");
    }
    // The originals as well: they must come out as they do alone, whatever broken files sit beside them.
    for (Path original : originals) {
      files.put("originals/" + testdata().relativize(original), Files.readAllBytes(original));
    }
    AuditResult result = audit(files, 2);
    ReportChecks.check(result);
    checkEachFile(result, files, descriptions);

    Map<String, byte[]> alone = new LinkedHashMap<>();
    files.forEach((name, bytes) -> {
      if (name.startsWith("originals/")) {
        alone.put(name, bytes);
      }
    });
    assertEquals(findings(audit(alone, 1), "originals/"), findings(result, "originals/"),
        "the originals' findings do not depend on the broken files beside them");
  }

  @Test
  void oddEncodingsAndDegenerateFiles() throws IOException {
    String source = ENCODED;
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("original/AccountService.java", source.getBytes(StandardCharsets.UTF_8));
    Map<String, Encodings.Expect> expect = new LinkedHashMap<>();
    for (Encodings.Variant v : Encodings.of(source, new SplittableRandom(SEED))) {
      String name = "encodings/" + v.name() + "/AccountService.java";
      files.put(name, v.bytes());
      expect.put(name, v.expect());
    }
    for (Encodings.Variant v : Encodings.degenerate()) {
      files.put("degenerate/" + v.name() + ".java", v.bytes());
    }
    AuditResult result = audit(files, 2);
    ReportChecks.check(result);
    checkEachFile(result, files, Map.of());

    List<String> reference = findings(result, "original/");
    assertEquals(Generators.expectedFindings(ENCODED).stream().map(f -> "AccountService.java:" + f).toList(), reference);
    for (Map.Entry<String, Encodings.Expect> e : expect.entrySet()) {
      String dirName = e.getKey().substring(0, e.getKey().lastIndexOf('/') + 1);
      List<String> problems = problemsOf(result, e.getKey());
      switch (e.getValue()) {
        case SAME -> {
          assertEquals(reference, findings(result, dirName), e.getKey());
          assertEquals(List.of(), problems, e.getKey());
        }
        case SAME_WITH_FALLBACK -> {
          assertEquals(reference, findings(result, dirName), e.getKey());
          assertEquals(List.of("0: not valid UTF-8; read as ISO-8859-1"), problems, e.getKey());
        }
        case UNREADABLE -> {
          assertEquals(List.of(), findings(result, dirName), e.getKey());
          assertTrue(problems.stream().anyMatch(p -> p.contains("does not parse")), e.getKey() + ": " + problems);
        }
      }
    }
  }

  @Test
  void generatedNestingHugeMethodsAndBudgets() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    List<Generators.Generated> generated = Generators.all(SCALE);
    for (Generators.Generated g : generated) {
      files.put(g.fileName(), g.source().getBytes(StandardCharsets.UTF_8));
    }
    AuditResult result = audit(files, 2);
    ReportChecks.check(result);
    checkEachFile(result, files, Map.of());
    for (Generators.Generated g : generated) {
      List<String> problems = problemsOf(result, g.fileName());
      if (g.problem() == null) {
        assertEquals(List.of(), problems, g.name());
        assertEquals(Generators.expectedFindings(g.source()), findings(result, g.fileName()), g.name());
      } else {
        assertEquals(1, problems.size(), g.name() + ": " + problems);
        assertTrue(problems.get(0).matches(g.problem()), g.name() + ": " + problems);
        assertEquals(List.of(), findings(result, g.fileName()), g.name());
      }
    }
  }

  /**
   * Each file: if it parses (as the audit's parser sees it), no whole-file problem; if not, a "does not parse" problem
   * at the parser's line. The parse is repeated here so that a file the audit drops without a word fails the test.
   */
  static void checkEachFile(AuditResult result, Map<String, byte[]> files, Map<String, String> descriptions) {
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      String name = f.getKey();
      String why = descriptions.getOrDefault(name, name);
      List<Problem> problems = result.problems().stream().filter(p -> p.path().equals(name)).toList();
      String text = decode(f.getValue());
      List<Problem> wholeFile = problems.stream().filter(p -> p.reason().startsWith("does not parse")
          || p.reason().startsWith("not analysed")).toList();
      if (NestingDepth.of(text) > NestingDepth.LIMIT) {
        assertEquals(1, wholeFile.size(), why + ": " + problems);
        assertTrue(wholeFile.get(0).reason().startsWith("not analysed: brackets nested "), why + ": " + problems);
        continue;
      }
      Integer parseErrorLine = referenceParse(text);
      if (parseErrorLine == null) {
        assertEquals(List.of(), wholeFile, why);
      } else {
        assertEquals(1, wholeFile.size(), why + ": " + problems);
        assertTrue(wholeFile.get(0).reason().startsWith("does not parse at Java 25: "), why + ": " + problems);
        assertEquals(parseErrorLine.intValue(), wholeFile.get(0).line(), why + ": " + problems);
      }
    }
    for (Problem p : result.problems()) {
      assertTrue(files.containsKey(p.path()), "a problem of no audited file: " + p);
    }
  }

  /** Null if the text parses (as the audit parses: newest level, keyword retry), else the line of the parse error. */
  static Integer referenceParse(String text) {
    try {
      return REFERENCE_PARSER.submit(() -> {
        try {
          SourceParser.Parsed r = new SourceParser(JavaRelease.NEWEST, null).parse(text);
          return r.failure() == null ? null : r.failure().line();
        } catch (StackOverflowError e) {
          return 0;
        }
      }).get();
    } catch (InterruptedException | ExecutionException e) {
      throw new AssertionError(e);
    }
  }

  /** The parse runs on a stack as large as the audit's. */
  private static final ExecutorService REFERENCE_PARSER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(null, r, "reference-parse", 256L << 20);
    t.setDaemon(true);
    return t;
  });

  /** As the audit reads files: UTF-8, else ISO-8859-1; a byte order mark dropped. */
  static String decode(byte[] bytes) {
    String s;
    try {
      s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private AuditResult audit(Map<String, byte[]> files, int threads) {
    Path root = dir.resolve("run" + runs++);
    files.forEach((name, bytes) -> {
      try {
        Path p = root.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    AuditOptions options = new AuditOptions(List.of(root), List.of(), ProtocolRegistry.builtin(), threads, true);
    return assertTimeoutPreemptively(HANG_GUARD, () -> new AuditRunner(options, null).run());
  }

  private int runs;

  /** "line [Rule]" per finding of the files whose path starts with {@code prefix}, prefixed by the rest of the path. */
  static List<String> findings(AuditResult result, String prefix) {
    List<String> out = new ArrayList<>();
    result.findings().filter(l -> l.file().path().startsWith(prefix)).forEach(l -> {
      String rest = l.file().path().substring(prefix.length());
      out.add((rest.isEmpty() ? "" : rest + ":") + l.finding().finding().at().line() + " ["
          + l.finding().ruleId() + "]");
    });
    return out;
  }

  static List<String> problemsOf(AuditResult result, String path) {
    return result.problems().stream().filter(p -> p.path().equals(path)).map(p -> p.line() + ": " + p.reason())
        .toList();
  }
}
