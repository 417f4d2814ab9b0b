package dev.txguard.audit;

/** Hears how far an audit got, for a progress display. {@link #fileDone()} is called from worker threads. */
public interface AuditListener {
  AuditListener NONE = new AuditListener() {};

  default void started(int totalFiles) {}

  default void fileDone() {}

  default void finished() {}
}
