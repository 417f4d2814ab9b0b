package dev.txguard.audit;

import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import dev.txguard.analysis.AnalysisOptions;
import dev.txguard.graph.BuildOptions;
import dev.txguard.report.AuditResult;
import dev.txguard.report.AuditedFile;
import dev.txguard.report.Problem;
import dev.txguard.source.ModuleImports;
import dev.txguard.source.SourceAnalyzer;
import java.io.IOException;
import java.nio.file.Path;
import dev.txguard.source.SourceModule;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a source audit. Each worker builds its own symbol solver and {@link SourceAnalyzer} (neither is thread-safe)
 * and takes files from a shared index; each file's outcome goes to the slot of its position in the sorted file list,
 * so the result is the same whatever the thread count. Nothing of a file but its outcome outlives its analysis. Each
 * worker runs its files on an analysis thread of its own under the file time limit ({@link FileWorker}).
 */
public final class AuditRunner {
  /**
   * Deeply nested code recurses deeply in the parser, the solver and the lowering: a far larger stack than the default
   * 1 MB. How deep a given stack gets depends on what the JIT has compiled yet (interpreted frames are larger), so the
   * margin is wide: with 16 MB, 5,000 nested parentheses parsed or overflowed depending on what ran before. Only the
   * pages a thread touches are committed.
   */
  private static final long WORKER_STACK = 256L << 20;

  private final AuditOptions options;
  private final AuditListener listener;

  public AuditRunner(AuditOptions options, AuditListener listener) {
    this.options = options;
    this.listener = listener == null ? AuditListener.NONE : listener;
  }

  /**
   * The directory the report paths of an audit of {@code paths} are relative to: the deepest directory containing every
   * path that exists (a file counts as its directory), or the current directory when none does. Absolute.
   */
  public static Path auditedRoot(List<Path> paths) {
    return SourceDiscovery.auditedRoot(paths);
  }

  public AuditResult run() {
    try (LocaleGuard locale = LocaleGuard.enter()) {
      return discoverAndAnalyse();
    }
  }

  private AuditResult discoverAndAnalyse() {
    SourceDiscovery.Discovered found = SourceDiscovery.discover(options.paths(), options.includeTests());
    List<Problem> problems = new ArrayList<>(found.problems());
    List<SourceFile> files = only(found.files(), problems);
    FileOutcome[] outcomes;
    try (Classpath classpath = Classpath.check(options.classpath())) {
      problems.addAll(classpath.problems());
      listener.started(files.size());
      try {
        outcomes = analyseAll(files, found, classpath);
      } finally {
        listener.finished();
      }
    } catch (IOException e) {
      throw new IllegalStateException("closing the classpath loader", e);
    } finally {
      // Its static map holds each worker's solver strongly (the value refers to its weak key); drop them. The map is
      // a plain WeakHashMap that get() guards with the class lock and clearInstances() does not: take that lock, so
      // that audits running side by side in one JVM (Maven's -T) cannot corrupt it. Dropping another audit's entries
      // is harmless: a facade keeps no state beyond its solver and is recreated on the next get().
      clearFacades();
    }
    return assemble(outcomes, problems);
  }

  /**
   * The files to analyse: all discovered ones, or with {@code --only} those at or under one of its paths. An
   * {@code --only} path that selects none of them is a problem naming it, as a missing PATH is.
   */
  private List<SourceFile> only(List<SourceFile> discovered, List<Problem> problems) {
    if (options.only().isEmpty()) {
      return discovered;
    }
    List<Path> wanted = options.only().stream().map(p -> p.toAbsolutePath().normalize()).toList();
    for (int i = 0; i < wanted.size(); i++) {
      Path w = wanted.get(i);
      if (discovered.stream().noneMatch(f -> f.file().startsWith(w))) {
        problems.add(Problem.ofArgument(options.only().get(i).toString(),
            "--only: no Java file the audited paths select is at or under it"));
      }
    }
    return discovered.stream().filter(f -> wanted.stream().anyMatch(w -> f.file().startsWith(w))).toList();
  }

  @SuppressWarnings("LockOnNonEnclosingClassLiteral") // the very lock JavaParserFacade.get() takes
  private static void clearFacades() {
    synchronized (JavaParserFacade.class) {
      JavaParserFacade.clearInstances();
    }
  }

  private FileOutcome[] analyseAll(List<SourceFile> files, SourceDiscovery.Discovered found, Classpath classpath) {
    FileOutcome[] outcomes = new FileOutcome[files.size()];
    int threads = Math.max(1, Math.min(options.threads(), files.size()));
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, threads("txguard-audit-worker-", 0));
    ThreadFactory analysisThreads = threads("txguard-audit-", WORKER_STACK);
    ModuleImports modules = ModuleImports.of(options.classpath());
    // Semantics "The module": every file under the audited source roots, analysed together (also those --only leaves
    // unanalysed: their bodies still feed the summaries).
    ModuleIndexer.Result indexed = ModuleIndexer.build(found.files(), options.registry(),
        Math.max(1, Math.min(options.threads(), found.files().size())), options.release());
    // Types javac finds that the roots' solver cannot: files outside their package's folder, secondary types. A
    // secondary type of a file in its package's folder comes first, then the misplaced files' types, then the
    // secondary types of misplaced files (broken copies beside a project must not hide its own types).
    Map<String, Path> elsewhere = new TreeMap<>();
    indexed.secondary().forEach((type, in) -> in.stream()
        .filter(file -> found.sourceRoots().stream().anyMatch(file::startsWith)).findFirst()
        .ifPresent(file -> elsewhere.put(type, file)));
    found.declaredElsewhere().forEach(elsewhere::putIfAbsent);
    indexed.secondary().forEach((type, in) -> elsewhere.putIfAbsent(type, in.get(0)));
    SourceModule module = new SourceModule(indexed.index(), analysisOptions(),
        file -> SourceText.decode(Files.readAllBytes(file)).text());
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          try (FileWorker worker = new FileWorker(() -> new SourceAnalyzer(options.registry(), BuildOptions.DEFAULT,
              analysisOptions(), TypeSolvers.create(found.sourceRoots(), elsewhere, classpath),
              options.release(), modules, module), options.fileTimeLimit(), analysisThreads)) {
            for (int i = next.getAndIncrement(); i < outcomes.length; i = next.getAndIncrement()) {
              // A file the first pass read whole and found nothing to select in: no finding, no problem.
              outcomes[i] = indexed.quiet().contains(files.get(i).file())
                  ? new FileOutcome(files.get(i).path(), null, List.of(), List.of(), true)
                  : worker.audit(files.get(i));
              listener.fileDone();
            }
          }
        }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("audit interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("audit worker failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return outcomes;
  }

  /** The protocol file's {@code [hand-off]} methods, as the Error Prone front end passes them (TxguardConfig). */
  private AnalysisOptions analysisOptions() {
    AnalysisOptions d = AnalysisOptions.DEFAULT;
    return new AnalysisOptions(options.registry().handOffMethods(), d.maxSteps(), d.maxStatesPerNode());
  }

  /** Daemon threads, so that an analysis abandoned over the time limit never keeps the JVM alive. */
  private static ThreadFactory threads(String prefix, long stackSize) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(null, r, prefix + n.incrementAndGet(), stackSize);
      t.setDaemon(true);
      return t;
    };
  }

  private AuditResult assemble(FileOutcome[] outcomes, List<Problem> problems) {
    return options.rules().filter(assembleAll(outcomes, problems));
  }

  private static AuditResult assembleAll(FileOutcome[] outcomes, List<Problem> problems) {
    List<AuditedFile> audited = new ArrayList<>();
    int analysed = 0;
    for (FileOutcome o : outcomes) {
      problems.addAll(o.problems());
      if (o.analysed()) {
        analysed++;
      }
      if (!o.findings().isEmpty()) {
        audited.add(new AuditedFile(o.path(), o.source(), o.findings()));
      }
    }
    return new AuditResult(audited, problems, analysed);
  }
}
