package dev.txguard.audit;

import dev.txguard.report.Problem;
import dev.txguard.source.SourceAnalyzer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One audit worker: analyses its files one at a time on an analysis thread of its own and waits at most the file time
 * limit for each. A file over the limit is reported as not analysed, naming the phase and the method it was in; its analyzer is told
 * to stop at its next checkpoint and is abandoned with its thread (Java cannot stop a thread that is inside the parser
 * or the symbol solver), and the next file gets a fresh analyzer and thread. Not thread-safe: one per worker.
 */
final class FileWorker implements AutoCloseable {
  private final Supplier<SourceAnalyzer> newAnalyzer;
  private final Duration limit;
  private final ThreadFactory threads;
  private SourceAnalyzer analyzer;
  private ExecutorService thread;

  FileWorker(Supplier<SourceAnalyzer> newAnalyzer, Duration limit, ThreadFactory threads) {
    this.newAnalyzer = newAnalyzer;
    this.limit = limit;
    this.threads = threads;
  }

  FileOutcome audit(SourceFile file) {
    if (analyzer == null) {
      analyzer = newAnalyzer.get();
      thread = Executors.newSingleThreadExecutor(threads);
    }
    SourceAnalyzer a = analyzer;
    Future<FileOutcome> outcome = thread.submit(() -> FileAuditor.audit(a, file));
    try {
      return limit.isZero() ? outcome.get() : outcome.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      SourceAnalyzer.Progress where = a.inProgress();
      abandon();
      return notAnalysed(file, where == null ? 0 : where.line(), overTheLimit(limit, where));
    } catch (ExecutionException e) {
      // FileAuditor turns every failure it can foresee into a problem; what is left is an error of txguard itself.
      abandon();
      return notAnalysed(file, 0, SourceAnalyzer.INTERNAL_ERROR + SourceAnalyzer.describe(e.getCause()));
    } catch (InterruptedException e) {
      abandon();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("audit interrupted", e);
    }
  }

  /**
   * "not analysed: over the 60 s limit per file while resolving types in update() (line 12)": which part was slow, so
   * that a user can tell a huge method from a slow parse or a file with too many methods.
   */
  static String overTheLimit(Duration limit, SourceAnalyzer.Progress where) {
    return SourceAnalyzer.NOT_ANALYSED + "over the " + seconds(limit) + " limit per file while "
        + (where == null ? "reading the file" : where.describe());
  }

  private static FileOutcome notAnalysed(SourceFile file, int line, String reason) {
    return new FileOutcome(file.path(), null, List.of(), List.of(new Problem(file.path(), line, reason)), false);
  }

  /** "60 s", or "1500 ms" for a limit that is not whole seconds. */
  static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /**
   * Stops the analyzer at its next checkpoint. No interrupt: an interrupted thread's next file read would close the
   * channel under it, and the flag already stops it as soon as control is back in txguard's code.
   */
  private void abandon() {
    analyzer.cancel();
    thread.shutdown();
    analyzer = null;
    thread = null;
  }

  @Override
  public void close() {
    if (thread != null) {
      thread.shutdown();
    }
  }
}
