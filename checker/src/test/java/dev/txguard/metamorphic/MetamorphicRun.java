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
    long millis;
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
              + " A: %d false reports (%d exception-rule reports), %d problems;"
              + " B: %d ends removed (exits not removable: %s), %d missed, %d extra, %d problems; %.1f s",
          variant, files, notParsed.size(), units(), unitsByKind, returns, fallOffs, falseReportsA.size(),
          exceptionReportsA.size(), problemsA.size(), removed, notRemovable, missedB.size(), extraB.size(),
          problemsB.size(), millis / 1000.0);
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
  private int chunkSize = Integer.MAX_VALUE;

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

  /**
   * Rewrites and analyses at most {@code files} files at a time (each chunk with fresh solvers, the rest of the
   * modules resolved through the classpath): the source solver's caches of parsed files and whole package
   * directories otherwise grow with the tree and, over all of java.base, fill the heap.
   */
  MetamorphicRun inChunksOf(int files) {
    this.chunkSize = files;
    return this;
  }

  /** {@code sources}: path (starting with the module directory, {@code java.base/java/util/List.java}) to text. */
  Figures run(Map<String, String> sources) throws IOException {
    Figures fig = new Figures(variant.name() + (engine == Engine.AUDIT ? "" : " (" + engine + ")"));
    long t0 = System.nanoTime();
    Map<String, String> chunk = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      chunk.put(e.getKey(), e.getValue());
      if (chunk.size() == chunkSize) {
        runChunk(chunk, fig);
        chunk.clear();
      }
    }
    if (!chunk.isEmpty()) {
      runChunk(chunk, fig);
    }
    fig.millis = (System.nanoTime() - t0) / 1_000_000;
    return fig;
  }

  private void runChunk(Map<String, String> sources, Figures fig) throws IOException {
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

    // Part A: everything ended before every normal exit. Part B: the end before one exit of each unit removed; with
    // everyExit once per exit index (round r removes the r-th removable exit of every unit that has one), else once,
    // with the exit chosen per unit by a hash of its file and position.
    List<Part> parts = new ArrayList<>();
    Map<String, String> a = new LinkedHashMap<>();
    rewritten.forEach((p, r) -> a.put(p, r.apply(Set.of())));
    parts.add(new Part("a", a, Map.of()));
    if (variant.shape() == Variant.Shape.ENDS_BEFORE_EXITS) { // TRY_FINALLY: one end for all exits, none to remove
      int rounds = 1;
      if (everyExit) {
        for (Rewriter.Result r : rewritten.values()) {
          for (Rewriter.Unit u : r.units()) {
            rounds = Math.max(rounds, (int) u.exits().stream().filter(x -> r.exits().get(x).removable()).count());
          }
        }
      }
      for (int round = 0; round < rounds; round++) {
        parts.add(partB(rewritten, round, fig));
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
    }
    Map<String, Analysed> results = analyse(parts);

    for (Part part : parts) {
      Analysed result = results.get(part.name());
      fig.reports.computeIfAbsent(part.name(), k -> new ArrayList<>()).addAll(result.reports);
      boolean isA = part.name().equals("a");
      (isA ? fig.problemsA : fig.problemsB).addAll(result.problems);
      Set<String> reported = new HashSet<>();
      for (Report rep : result.reports) {
        if (!rep.rule().equals(Rule.UNCOMMITTED_TRANSACTION.checkName())) {
          if (isA) {
            fig.exceptionReportsA.add(rep);
          }
          continue;
        }
        reported.add(rep.where());
        if (isA) {
          fig.falseReportsA.add(rep);
        } else if (!part.expected().containsKey(rep.where())) {
          fig.extraB.add(rep);
        }
      }
      for (Map.Entry<String, String> x : part.expected().entrySet()) {
        if (!reported.contains(x.getKey())) {
          fig.missedB.add(x.getKey() + " " + x.getValue());
        }
      }
    }
  }

  /** One rewritten tree and the normal-exit reports it must give ({@code path:line:column} to a description). */
  private record Part(String name, Map<String, String> files, Map<String, String> expected) {}

  private Part partB(Map<String, Rewriter.Result> rewritten, int round, Figures fig) {
    Map<String, String> b = new LinkedHashMap<>();
    Map<String, String> expected = new TreeMap<>();
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
        Rewriter.Unit u = r.units().get(exit.unit());
        expected.put(e.getKey() + ":" + lines.line(at) + ":" + lines.column(at),
            u.name() + " (" + exit.kind() + ", unit at line " + u.line() + ")");
      }
    }
    fig.removed += expected.size();
    return new Part("b" + round, b, expected);
  }

  /**
   * Analyses every part. The audit takes all parts at once, each in its own directory (own source roots): the
   * solver's start-up (parsing the package directories it consults) is then paid once. Their types have the same
   * declarations in every part, so resolving one part's names in another's files changes nothing.
   */
  private Map<String, Analysed> analyse(List<Part> parts) throws IOException {
    Map<String, Analysed> out = new LinkedHashMap<>();
    if (engine == Engine.AUDIT) {
      deleteTree(work);
      for (Part part : parts) {
        for (Map.Entry<String, String> e : withTypeFiles(part.files()).entrySet()) {
          write(work.resolve(part.name()).resolve(e.getKey()), e.getValue());
        }
        out.put(part.name(), new Analysed(new ArrayList<>(), new ArrayList<>()));
      }
      // Paths in the result are relative to `work`: they start with the part's directory.
      AuditResult result = new AuditRunner(
          new AuditOptions(List.of(work), classpath, ProtocolRegistry.builtin(), threads, true), null).run();
      result.findings().forEach(l -> {
        String path = l.file().path();
        int slash = path.indexOf('/');
        out.get(path.substring(0, slash)).reports().add(report(path.substring(slash + 1), l.finding().finding()));
      });
      for (Problem p : result.problems()) {
        int slash = p.path().indexOf('/');
        if (slash > 0 && out.containsKey(p.path().substring(0, slash))) { // a rewritten file that does not parse too
          out.get(p.path().substring(0, slash)).problems().add(p);
        }
      }
      return out;
    }
    for (Part part : parts) {
      out.put(part.name(), engine == Engine.NAMES_ONLY ? namesOnly(part.files())
          : JavacEngine.compile(work.resolve(part.name()), withTypeFiles(part.files())));
    }
    return out;
  }

  /** What one engine reported on one rewritten tree, and what it could not analyse. */
  record Analysed(List<Report> reports, List<Problem> problems) {}

  /** The rewritten files plus the home-grown types at {@code <first module>/txg/}. */
  private static Map<String, String> withTypeFiles(Map<String, String> files) {
    Map<String, String> all = new LinkedHashMap<>(files);
    String module = files.keySet().stream().findFirst().map(p -> p.substring(0, p.indexOf('/'))).orElse("src");
    for (Map.Entry<String, String> t : Rewriter.TYPE_FILES.entrySet()) {
      all.put(module + "/" + Rewriter.PACKAGE + "/" + t.getKey() + ".java", t.getValue());
    }
    return all;
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
