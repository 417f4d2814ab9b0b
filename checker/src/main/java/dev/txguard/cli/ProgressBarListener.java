package dev.txguard.cli;

import dev.txguard.audit.AuditListener;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Files done of the total, the rate and the time left, on stderr (progressbar's default consumer), redrawn in
 * place. Only used when stderr is a terminal (Terminal): in CI logs a redrawn line is noise.
 */
final class ProgressBarListener implements AuditListener {
  private ProgressBar bar;

  @Override
  public synchronized void started(int totalFiles) {
    bar = new ProgressBarBuilder()
        .setTaskName("txguard audit")
        .setInitialMax(totalFiles)
        .setUnit(" files", 1)
        .showSpeed()
        .setSpeedUnit(ChronoUnit.SECONDS)
        .clearDisplayOnFinish()
        .build();
  }

  @Override
  public synchronized void fileDone() {
    bar.step();
  }

  @Override
  public synchronized void finished() {
    if (bar != null) {
      bar.close();
    }
  }
}
