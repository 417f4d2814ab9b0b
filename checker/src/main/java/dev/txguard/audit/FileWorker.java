package dev.txguard.audit;

import dev.txguard.report.Problem;
import dev.txguard.source.SourceAnalyzer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * One audit worker: analyses its files one at a time on an analysis thread of its own and gives each at most the file
 * time limit of that thread's CPU time. A file over the limit is reported as not analysed, naming the phase and the
 * method it was in; its analyzer is told to stop at its next checkpoint and is abandoned with its thread (Java cannot
 * stop a thread that is inside the parser or the symbol solver), and the next file gets a fresh analyzer and thread.
 * Not thread-safe: one per worker.
 *
 * <p>CPU time, not wall-clock time: with two workers on two cores and the collector beside them, a file's analysis
 * gets about half a core, and a busy machine (a CI runner, a build beside it) stretches wall-clock time further; a
 * wall-clock limit made the same file's findings come and go with the load. Where the JVM cannot measure thread CPU
 * time, and for an analysis that waits rather than computes, wall-clock time stops it at {@link #WALL_FACTOR} times
 * the limit.
 */
final class FileWorker implements AutoCloseable {
  /** Wall-clock time a file may take, in multiples of the limit: only a waiting (or unmeasurable) analysis meets it. */
  static final int WALL_FACTOR = 4;

  /** How often the CPU time of the analysis thread is read while waiting for it. */
  private static final Duration POLL = Duration.ofMillis(50);

  private final Supplier<SourceAnalyzer> newAnalyzer;
  private final Duration limit;
  private final ThreadFactory threads;
  private final BiFunction<SourceAnalyzer, SourceFile, FileOutcome> work;
  private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
  private SourceAnalyzer analyzer;
  private ExecutorService thread;

  FileWorker(Supplier<SourceAnalyzer> newAnalyzer, Duration limit, ThreadFactory threads) {
    this(newAnalyzer, limit, threads, FileAuditor::audit);
  }

  /** With {@code work} in place of the audit of a file (tests). */
  FileWorker(Supplier<SourceAnalyzer> newAnalyzer, Duration limit, ThreadFactory threads,
      BiFunction<SourceAnalyzer, SourceFile, FileOutcome> work) {
    this.newAnalyzer = newAnalyzer;
    this.limit = limit;
    this.threads = threads;
    this.work = work;
  }

  FileOutcome audit(SourceFile file) {
    if (thread == null) {
      analyzer = newAnalyzer.get();
      thread = Executors.newSingleThreadExecutor(threads);
    }
    SourceAnalyzer a = analyzer;
    // The analysis thread and its CPU time when it took the file up (-1: not measurable).
    AtomicReference<long[]> started = new AtomicReference<>();
    Future<FileOutcome> outcome = thread.submit(() -> {
      started.set(new long[] {Thread.currentThread().getId(), threadCpuTime(Thread.currentThread().getId())});
      return work.apply(a, file);
    });
    try {
      return limit.isZero() ? outcome.get() : withinLimit(outcome, started);
    } catch (TimeoutException e) {
      SourceAnalyzer.Progress where = a == null ? null : a.inProgress();
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
   * The outcome, once the analysis thread has used at most the limit of CPU time (and at most {@link #WALL_FACTOR}
   * times the limit of wall-clock time since the file was submitted); a {@link TimeoutException} beyond either.
   */
  private FileOutcome withinLimit(Future<FileOutcome> outcome, AtomicReference<long[]> started)
      throws ExecutionException, InterruptedException, TimeoutException {
    long submitted = System.nanoTime();
    long limitNanos = limit.toNanos();
    long poll = Math.max(1, Math.min(POLL.toNanos(), limitNanos / 10));
    while (true) {
      try {
        return outcome.get(poll, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        long used = cpuUsed(started.get());
        // Where CPU time cannot be measured, the limit is wall-clock time, as it was.
        long wallAllowed = used < 0 ? limitNanos : WALL_FACTOR * limitNanos;
        if (used >= limitNanos || System.nanoTime() - submitted >= wallAllowed) {
          throw e;
        }
      }
    }
  }

  /** The CPU time the analysis thread has used on this file: 0 before it started, -1 when not measurable. */
  private long cpuUsed(long[] started) {
    if (started == null) {
      return 0;
    }
    long now = started[1] < 0 ? -1 : threadCpuTime(started[0]);
    return now < 0 ? -1 : now - started[1];
  }

  /** The CPU time a live thread has used, in nanoseconds; -1 when the JVM cannot tell. */
  private long threadCpuTime(long threadId) {
    try {
      return cpu.isThreadCpuTimeSupported() && cpu.isThreadCpuTimeEnabled() ? cpu.getThreadCpuTime(threadId) : -1;
    } catch (UnsupportedOperationException e) {
      return -1;
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
    if (analyzer != null) {
      analyzer.cancel();
    }
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
