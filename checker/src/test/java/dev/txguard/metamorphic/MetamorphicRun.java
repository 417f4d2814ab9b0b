package dev.txguard.metamorphic;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import dev.txguard.analysis.AnalysisOptions;
import dev.txguard.analysis.Finding;
import dev.txguard.analysis.Rule;
import dev.txguard.audit.AuditOptions;
import dev.txguard.audit.AuditRunner;
import dev.txguard.graph.BuildOptions;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.report.AuditResult;
import dev.txguard.report.Problem;
import dev.txguard.source.SourceAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One variant over one set of files: rewrite every unit, audit the result (part A: no normal-exit report may
 * appear), then drop the end before one chosen exit in every unit that has a removable exit and audit again (part B:
 * exactly the chosen exits must be reported, nothing else).
 */
final class MetamorphicRun {
  /** How the rewritten files are analysed. */
  enum Engine {
    /** {@link AuditRunner} over the written tree: discovery, source roots and the real solver, as {@code ./txguard audit}. */
    AUDIT,
    /** {@link SourceAnalyzer} with a solver that resolves nothing: every type comes from names in the file. */
    NAMES_ONLY,
    /** javac with Error Prone and both checks ({@link JavacEngine}); the rewrite must compile. */
    JAVAC
  }

  /** A report, or an expected one, as {@code path:line:column}. */
  record Report(String path, int line, int column, String rule, int beginLine, String unit, String message) {
    String where() {
      return path + ":" + line + ":" + column;
    }
  }

  /** What one variant found; every list names file, line and unit so that a failure can be diagnosed. */
  static final class Figures {
    final String variant;
    int files;
    final List<String> notParsed = new ArrayList<>();
    final Map<String, Integer> unitsByKind = new TreeMap<>();
    int returns;
    int fallOffs;
    final List<Report> falseReportsA = new ArrayList<>();
    final List<Report> exceptionReportsA = new ArrayList<>();
    final List<Problem> problemsA = new ArrayList<>();
    int removed;
    final Map<String, Integer> notRemovable = new TreeMap<>();
    final List<String> notRemovableWhere = new ArrayList<>();
    final List<String> missedB = new ArrayList<>();
    final List<Report> extraB = new ArrayList<>();
    final List<Problem> problemsB = new ArrayList<>();
    long millisA;
    long millisB;
    /** Every report of every run, by part ("A", "B0", "B1", ...): for comparing engines. */
    final Map<String, List<Report>> reports = new TreeMap<>();

    Figures(String variant) {
      this.variant = variant;
    }

    int units() {
      return unitsByKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    String summary() {
      return String.format(
          "%s: %d files (%d not parseable at JAVA_21), %d units rewritten %s, %d returns + %d fall-offs;"
              + " A: %d false reports (%d exception-rule reports), %d problems, %.1f s;"
              + " B: %d ends removed (exits not removable: %s), %d missed, %d extra, %d problems, %.1f s",
          variant, files, notParsed.size(), units(), unitsByKind, returns, fallOffs, falseReportsA.size(),
          exceptionReportsA.size(), problemsA.size(), millisA / 1000.0, removed, notRemovable, missedB.size(),
          extraB.size(), problemsB.size(), millisB / 1000.0);
    }
  }

  private static final JavaParser PARSER = new JavaParser(
      new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));

  private final Variant variant;
  private final Engine engine;
  private final Path work;
  private final int threads;
  private final List<Path> classpath;
  private final boolean everyExit;

  /**
   * {@code classpath}: what the audited code compiles against (source directories of the rest of its modules);
   * {@code everyExit}: part B removes every removable exit's end in turn (one audit per round), not one per unit.
   */
  MetamorphicRun(Variant variant, Engine engine, Path work, int threads, List<Path> classpath, boolean everyExit) {
    this.everyExit = everyExit;
    this.variant = variant;
    this.engine = engine;
    this.work = work;
    this.threads = threads;
    this.classpath = classpath;
  }

  /** {@code sources}: path (starting with the module directory, {@code java.base/java/util/List.java}) to text. */
  Figures run(Map<String, String> sources) throws IOException {
    Figures fig = new Figures(variant.name() + (engine == Engine.AUDIT ? "" : " (" + engine + ")"));
    Map<String, Rewriter.Result> rewritten = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      fig.files++;
      ParseResult<CompilationUnit> parsed = PARSER.parse(e.getValue());
      if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
        fig.notParsed.add(e.getKey()); // Java 22+ syntax (`_`); the audit reports such files as not parseable
        continue;
      }
      Rewriter.Result r = Rewriter.rewrite(variant, parsed.getResult().get(), e.getValue());
      rewritten.put(e.getKey(), r);
      for (Rewriter.Unit u : r.units()) {
        fig.unitsByKind.merge(u.kind(), 1, Integer::sum);
      }
      for (Rewriter.Exit x : r.exits()) {
        if (x.kind() == Rewriter.ExitKind.RETURN) {
          fig.returns++;
        } else {
          fig.fallOffs++;
        }
      }
    }

    // Part A: everything ended before every normal exit.
    long t0 = System.nanoTime();
    Map<String, String> a = new LinkedHashMap<>();
    rewritten.forEach((p, r) -> a.put(p, r.apply(Set.of())));
    Analysed resultA = analyse(work.resolve("a"), a);
    fig.millisA = (System.nanoTime() - t0) / 1_000_000;
    fig.problemsA.addAll(resultA.problems);
    fig.reports.put("A", resultA.reports);
    for (Report rep : resultA.reports) {
      if (rep.rule().equals(Rule.UNCOMMITTED_TRANSACTION.checkName())) {
        fig.falseReportsA.add(rep);
      } else {
        fig.exceptionReportsA.add(rep);
      }
    }
    if (variant.shape() == Variant.Shape.TRY_FINALLY) {
      return fig; // one end for all exits: nothing to remove one exit at a time
    }

    // Part B: the end before one exit of each unit removed; with everyExit, once per exit index (round r removes
    // the r-th removable exit of every unit that has one), else once with an exit chosen per unit by a hash.
    long t1 = System.nanoTime();
    int rounds = 1;
    if (everyExit) {
      for (Rewriter.Result r : rewritten.values()) {
        for (Rewriter.Unit u : r.units()) {
          rounds = Math.max(rounds, (int) u.exits().stream().filter(x -> r.exits().get(x).removable()).count());
        }
      }
    }
    for (Map.Entry<String, Rewriter.Result> e : rewritten.entrySet()) {
      for (Rewriter.Exit x : e.getValue().exits()) {
        if (!x.removable()) {
          fig.notRemovable.merge(x.why(), 1, Integer::sum);
          int line = new LineIndex(e.getValue().original()).line(x.offset());
          fig.notRemovableWhere.add(e.getKey() + ":" + line + " " + e.getValue().units().get(x.unit()).name() + " "
              + x.kind() + ": " + x.why());
        }
      }
    }
    for (int round = 0; round < rounds; round++) {
      partB(rewritten, round, fig);
    }
    fig.millisB = (System.nanoTime() - t1) / 1_000_000;
    return fig;
  }

  private void partB(Map<String, Rewriter.Result> rewritten, int round, Figures fig) throws IOException {
    Map<String, String> b = new LinkedHashMap<>();
    Set<String> expected = new TreeSet<>();
    Map<String, String> expectedUnit = new TreeMap<>();
    for (Map.Entry<String, Rewriter.Result> e : rewritten.entrySet()) {
      Rewriter.Result r = e.getValue();
      Set<Integer> removed = new HashSet<>();
      for (Rewriter.Unit u : r.units()) {
        List<Rewriter.Exit> candidates = u.exits().stream().map(x -> r.exits().get(x)).filter(Rewriter.Exit::removable)
            .toList();
        if (candidates.isEmpty() || u.suppressed()) {
          continue;
        }
        if (everyExit) {
          if (round < candidates.size()) {
            removed.add(candidates.get(round).index());
          }
        } else {
          removed.add(candidates.get(Math.floorMod((e.getKey() + "#" + u.index()).hashCode(), candidates.size())).index());
        }
      }
      String text = r.apply(removed);
      b.put(e.getKey(), text);
      LineIndex lines = new LineIndex(text);
      for (int x : removed) {
        Rewriter.Exit exit = r.exits().get(x);
        int at = r.newOffset(exit.offset(), removed);
        String where = e.getKey() + ":" + lines.line(at) + ":" + lines.column(at);
        expected.add(where);
        Rewriter.Unit u = r.units().get(exit.unit());
        expectedUnit.put(where, u.name() + " (" + exit.kind() + ", unit at line " + u.line() + ")");
      }
    }
    fig.removed += expected.size();
    Analysed result = analyse(work.resolve("b" + round), b);
    fig.problemsB.addAll(result.problems);
    fig.reports.put("B" + round, result.reports);
    Set<String> reported = new HashSet<>();
    for (Report rep : result.reports) {
      if (!rep.rule().equals(Rule.UNCOMMITTED_TRANSACTION.checkName())) {
        continue;
      }
      reported.add(rep.where());
      if (!expected.contains(rep.where())) {
        fig.extraB.add(rep);
      }
    }
    for (String where : expected) {
      if (!reported.contains(where)) {
        fig.missedB.add(where + " " + expectedUnit.get(where));
      }
    }
  }

  /** What one engine reported on one rewritten tree, and what it could not analyse. */
  record Analysed(List<Report> reports, List<Problem> problems) {}

  private Analysed analyse(Path dir, Map<String, String> files) throws IOException {
    return switch (engine) {
      case AUDIT -> audit(dir, files);
      case NAMES_ONLY -> namesOnly(files);
      case JAVAC -> JavacEngine.compile(dir, withTypeFiles(files));
    };
  }

  /** The rewritten files plus the home-grown types at {@code <first module>/txg/}. */
  private static Map<String, String> withTypeFiles(Map<String, String> files) {
    Map<String, String> all = new LinkedHashMap<>(files);
    String module = files.keySet().stream().findFirst().map(p -> p.substring(0, p.indexOf('/'))).orElse("src");
    for (Map.Entry<String, String> t : Rewriter.TYPE_FILES.entrySet()) {
      all.put(module + "/" + Rewriter.PACKAGE + "/" + t.getKey() + ".java", t.getValue());
    }
    return all;
  }

  private Analysed audit(Path dir, Map<String, String> files) throws IOException {
    deleteTree(dir);
    for (Map.Entry<String, String> e : withTypeFiles(files).entrySet()) {
      write(dir.resolve(e.getKey()), e.getValue());
    }
    AuditResult result = new AuditRunner(
        new AuditOptions(List.of(dir), classpath, ProtocolRegistry.builtin(), threads, true), null).run();
    List<Report> reports = new ArrayList<>();
    result.findings().forEach(l -> reports.add(report(l.file().path(), l.finding().finding())));
    List<Problem> problems = result.problems().stream()
        .filter(p -> !p.reason().startsWith("does not parse")).toList();
    return new Analysed(reports, problems);
  }

  private static Analysed namesOnly(Map<String, String> files) {
    SourceAnalyzer analyzer = new SourceAnalyzer(ProtocolRegistry.builtin(), BuildOptions.DEFAULT,
        AnalysisOptions.DEFAULT, new CombinedTypeSolver());
    List<Report> reports = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      SourceAnalyzer.FileResult r = analyzer.analyze(e.getKey(), e.getValue());
      r.findings().forEach(f -> reports.add(report(e.getKey(), f.finding())));
      r.problems().forEach(p -> problems.add(new Problem(e.getKey(), p.line(), p.reason())));
    }
    return new Analysed(reports, problems);
  }

  private static Report report(String path, Finding f) {
    return new Report(path, f.at().line(), f.at().column(), f.rule().checkName(), f.begin().line(), f.unitName(),
        f.message());
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Line and column (1-based, a tab is one column) of an offset, as the audit's sites count them. */
  static final class LineIndex {
    private final List<Integer> starts = new ArrayList<>();

    LineIndex(String text) {
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
          starts.add(i + 1);
        }
      }
    }

    int line(int offset) {
      int i = java.util.Collections.binarySearch(starts, offset);
      return i >= 0 ? i + 1 : -i - 1;
    }

    int column(int offset) {
      return offset - starts.get(line(offset) - 1) + 1;
    }
  }
}
