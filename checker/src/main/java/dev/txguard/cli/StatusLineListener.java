package dev.txguard.cli;

import dev.txguard.audit.AuditListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Progress where stderr is not a terminal (a CI log, a file): nothing for a short audit, and for a long one a plain
 * line every {@link #INTERVAL}, such as {@code txguard: 1200 of 5000 files audited (24%), 30 s}, so that a log shows
 * the audit is alive (and CI systems that stop silent jobs do not stop it) without a redrawn bar's noise.
 */
final class StatusLineListener implements AuditListener {
  static final Duration INTERVAL = Duration.ofSeconds(30);

  private final PrintWriter err;
  private final LongSupplier nanoTime;
  private final long intervalNanos;
  private long start;
  private long nextReport;
  private int total;
  private int done;

  StatusLineListener(PrintWriter err) {
    this(err, System::nanoTime, INTERVAL);
  }

  StatusLineListener(PrintWriter err, LongSupplier nanoTime, Duration interval) {
    this.err = err;
    this.nanoTime = nanoTime;
    this.intervalNanos = interval.toNanos();
  }

  @Override
  public synchronized void started(int totalFiles) {
    total = totalFiles;
    start = nanoTime.getAsLong();
    nextReport = start + intervalNanos;
  }

  @Override
  public synchronized void fileDone() {
    done++;
    long now = nanoTime.getAsLong();
    if (now - nextReport >= 0 && done < total) {
      err.println("txguard: " + done + " of " + total + " files audited (" + (100L * done / total) + "%), "
          + Duration.ofNanos(now - start).toSeconds() + " s");
      err.flush();
      nextReport = now + intervalNanos;
    }
  }
}
