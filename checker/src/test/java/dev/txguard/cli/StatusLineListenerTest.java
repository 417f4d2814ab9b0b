package dev.txguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress for a log: silent for a short audit, one plain line per interval for a long one. */
class StatusLineListenerTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final StringWriter log = new StringWriter();
  private final StatusLineListener listener =
      new StatusLineListener(new PrintWriter(log), now::get, Duration.ofSeconds(30));

  @Test
  void aShortAuditPrintsNothing() {
    listener.started(3);
    for (int i = 0; i < 3; i++) {
      now.addAndGet(Duration.ofSeconds(5).toNanos());
      listener.fileDone();
    }
    listener.finished();
    assertEquals("", log.toString());
  }

  @Test
  void aLongAuditPrintsOneLinePerInterval() {
    listener.started(100);
    for (int i = 0; i < 100; i++) {
      now.addAndGet(Duration.ofSeconds(1).toNanos());
      listener.fileDone();
    }
    listener.finished();
    assertEquals("""
        txguard: 30 of 100 files audited (30%), 30 s
        txguard: 60 of 100 files audited (60%), 60 s
        txguard: 90 of 100 files audited (90%), 90 s
        """, log.toString());
  }

  @Test
  void theLastFileIsNotAnnounced() {
    listener.started(2);
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    listener.fileDone();
    now.addAndGet(Duration.ofSeconds(60).toNanos());
    listener.fileDone();
    assertEquals("", log.toString(), "the report follows at once; a status line would only delay reading it");
  }
}
