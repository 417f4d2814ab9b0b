// Realistic batch job on home-grown, zero-config transaction types: UnitOfWork (receiver handle:
// begin/commit/rollback/isActive), TxSession.beginTransaction() returning Tx (returned handle),
// Journal.startTransaction() (receiver handle), ProgressReporter (begin/commit but no rollback:
// not a transaction). Leaks: return on a stop flag inside the loop, finally that only commits on
// success, switch default that returns without rollback, same-file begin wrapper followed by an
// unprotected log call, narrow retry catch, early return inside a forEach lambda.
// Clean: chunked begin/commit with catch rollback, stream pipeline in a protected try,
// isActive() guard, begin/end wrappers with a success flag, hand-off by lambda capture, a
// begin()/commit() type without rollback().
package cases.realistic;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class LegacyUnitOfWorkBatch {

  private static final Logger log = LoggerFactory.getLogger(LegacyUnitOfWorkBatch.class);

  enum Mode {
    UPSERT,
    DELETE,
    MERGE
  }

  static class Record {
    String key;
    boolean valid;
    String payload;
  }

  static class TransientSinkException extends RuntimeException {
    TransientSinkException(String message) {
      super(message);
    }
  }

  static class UnitOfWork {
    void begin() {}

    void commit() {}

    void rollback() {}

    boolean isActive() {
      return false;
    }

    void register(Object o) {}
  }

  interface Tx {
    void commit();

    void rollback();
  }

  interface TxSession {
    Tx beginTransaction();
  }

  interface Journal {
    void startTransaction();

    void commit();

    void rollback();

    boolean isActive();

    void append(String line);
  }

  static class ProgressReporter {
    void begin() {}

    void commit() {}

    void report(int done) {}
  }

  interface Sink {
    void write(Object o);

    void delete(String key);
  }

  private final UnitOfWork uow;
  private final TxSession txSession;
  private final Journal journal;
  private final ProgressReporter progress;
  private final Sink sink;
  private final Executor executor;
  private volatile boolean stopRequested;
  private boolean chunkOpen;

  public LegacyUnitOfWorkBatch(
      UnitOfWork uow, TxSession txSession, Journal journal, ProgressReporter progress, Sink sink, Executor executor) {
    this.uow = uow;
    this.txSession = txSession;
    this.journal = journal;
    this.progress = progress;
    this.sink = sink;
    this.executor = executor;
  }

  public void requestStop() {
    stopRequested = true;
  }

  private Object transform(Record r) {
    return r.key + "=" + r.payload;
  }

  private void openChunk() {
    uow.begin();
    chunkOpen = true;
  }

  private void closeChunk(boolean success) {
    if (success) {
      uow.commit();
    } else {
      uow.rollback();
    }
    chunkOpen = false;
  }

  public int runNightlyIsClean(List<Record> records, int chunk) {
    int processed = 0;
    for (int from = 0; from < records.size(); from += chunk) {
      List<Record> slice = records.subList(from, Math.min(records.size(), from + chunk));
      uow.begin();
      try {
        for (Record r : slice) {
          uow.register(transform(r));
          processed++;
        }
        uow.commit();
      } catch (RuntimeException e) {
        uow.rollback();
        log.error("chunk starting at {} failed", from, e);
        throw e;
      }
    }
    return processed;
  }

  public int runUntilStoppedLeaks(Iterator<Record> source) {
    int n = 0;
    uow.begin();
    try {
      while (source.hasNext()) {
        if (stopRequested) {
          log.info("stop requested after {} records", n);
          // BUG: Diagnostic contains: [UncommittedTransaction]
          return n;
        }
        uow.register(transform(source.next()));
        n++;
      }
      uow.commit();
    } catch (RuntimeException e) {
      uow.rollback();
      throw e;
    }
    return n;
  }

  public void exportIsClean(List<Record> records) {
    Tx tx = txSession.beginTransaction();
    try {
      records.stream().filter(r -> r.valid).map(this::transform).forEach(sink::write);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  public void reconcileLeaks(List<Record> records) {
    Tx tx = txSession.beginTransaction();
    boolean ok = false;
    try {
      for (Record r : records) {
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        sink.write(transform(r));
      }
      ok = true;
    } finally {
      if (ok) {
        tx.commit();
      }
    }
  }

  public void journalIsClean(List<String> lines) {
    journal.startTransaction();
    try {
      for (String line : lines) {
        journal.append(line);
      }
      journal.commit();
    } finally {
      if (journal.isActive()) {
        journal.rollback();
      }
    }
  }

  public void applyLeaks(Mode mode, Record r) {
    Tx tx = txSession.beginTransaction();
    try {
      switch (mode) {
        case UPSERT -> sink.write(transform(r));
        case DELETE -> sink.delete(r.key);
        default -> {
          log.warn("unsupported mode {} for {}", mode, r.key);
          // BUG: Diagnostic contains: [UncommittedTransaction]
          return;
        }
      }
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  public void processChunkIsClean(List<Record> chunk) {
    openChunk();
    boolean success = false;
    try {
      for (Record r : chunk) {
        uow.register(transform(r));
      }
      success = true;
    } finally {
      closeChunk(success);
    }
  }

  public void processChunkLeaks(List<Record> chunk) {
    openChunk();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    log.debug("processing chunk of {}", chunk.size());
    for (Record r : chunk) {
      uow.register(transform(r));
    }
    closeChunk(true);
  }

  public void commitLaterIsClean(Record r) {
    Tx tx = txSession.beginTransaction();
    sink.write(transform(r));
    executor.execute(() -> tx.commit());
  }

  public void reportProgressIsSilent(List<Record> records) {
    progress.begin();
    if (records.isEmpty()) {
      return;
    }
    progress.report(records.size());
    progress.commit();
  }

  public void pushWithRetryLeaks(Record r) {
    int attempts = 0;
    while (true) {
      Tx tx = txSession.beginTransaction();
      try {
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        sink.write(transform(r));
        tx.commit();
        return;
      } catch (TransientSinkException e) {
        tx.rollback();
        if (++attempts >= 3) {
          throw e;
        }
        log.warn("transient failure pushing {}, attempt {}", r.key, attempts);
      }
    }
  }

  public void perTenantLeaks(List<String> tenants) {
    tenants.forEach(
        tenant -> {
          Tx tx = txSession.beginTransaction();
          if (tenant == null) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            return;
          }
          try {
            sink.write(tenant);
            tx.commit();
          } catch (RuntimeException e) {
            tx.rollback();
            throw e;
          }
        });
  }
}
