package nxhelper;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Callers of TransactionHelper in another file: its summaries decide every verdict here. */
public class DocumentWorker {
  private static final Logger LOG = Logger.getLogger(DocumentWorker.class.getName());

  private final CoreSession session;

  public DocumentWorker(CoreSession session) {
    this.session = session;
  }

  /** The idiom: remember whether this call started it, mark on failure, end in finally. */
  public void saveAll(List<String> paths) {
    boolean txStarted = TransactionHelper.startTransaction();
    try {
      for (String p : paths) {
        session.saveDocument(p);
      }
      session.save();
    } catch (RuntimeException e) {
      TransactionHelper.setTransactionRollbackOnly();
      throw e;
    } finally {
      if (txStarted) {
        TransactionHelper.commitOrRollbackTransaction();
      }
    }
  }

  /** Joins a running transaction, or starts its own and ends only that one. */
  public void touchAll(List<String> paths) {
    boolean started = false;
    if (!TransactionHelper.isTransactionActiveOrMarkedRollback()) {
      started = TransactionHelper.startTransaction();
    }
    try {
      for (String p : paths) {
        session.saveDocument(p);
      }
    } finally {
      if (started) {
        TransactionHelper.commitOrRollbackTransaction();
      }
    }
  }

  /** The helper owns the transaction; the lambda begins nothing. */
  public void copyAll(List<String> paths, String target) {
    TransactionHelper.runInTransaction(() -> {
      for (String p : paths) {
        session.moveDocument(p, target);
      }
    });
  }

  /** Through the second-level helper, flag passed back. */
  public void migrate(List<String> paths) {
    boolean started = TxScope.enter("migrate");
    try {
      for (String p : paths) {
        session.saveDocument(p);
      }
    } finally {
      TxScope.exit(started);
    }
  }

  /** A leak: the dry run returns with the transaction this call started still open. */
  public void reindex(List<String> paths, boolean dryRun) {
    boolean txStarted = TransactionHelper.startTransaction(300);
    if (dryRun) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    try {
      for (String p : paths) {
        session.saveDocument(p);
      }
    } finally {
      if (txStarted) {
        TransactionHelper.commitOrRollbackTransaction();
      }
    }
  }

  /** A leak on exception: the end is not in a finally. */
  public void removeAll(List<String> paths) {
    boolean txStarted = TransactionHelper.startTransaction();
    for (String p : paths) {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      session.removeDocument(p);
    }
    if (txStarted) {
      TransactionHelper.commitOrRollbackTransaction();
    }
  }

  /** A leak: the failure is logged and swallowed, and the transaction is never ended. */
  public int importDocuments(List<String> paths) {
    int imported = 0;
    TransactionHelper.startTransaction();
    try {
      for (String p : paths) {
        session.saveDocument(p);
        imported++;
      }
      TransactionHelper.commitOrRollbackTransaction();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Import failed after " + imported + " documents", e);
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
    return imported;
  }

  /**
   * A leak on exception: after a failure the transaction may be marked rollback-only, which
   * isTransactionActive() (STATUS_ACTIVE only) does not count, so the finally skips the end.
   */
  public void moveAll(List<String> paths, String target) {
    TransactionHelper.startTransaction();
    try {
      for (String p : paths) {
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        session.moveDocument(p, target);
      }
    } finally {
      if (TransactionHelper.isTransactionActive()) {
        TransactionHelper.commitOrRollbackTransaction();
      }
    }
  }

  /** Leaks through the second-level helper: the query may throw, and the early return skips exit. */
  public void purge(String nxql) {
    boolean started = TxScope.enter("purge");
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    List<String> stale = session.query(nxql);
    if (stale.isEmpty()) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    try {
      for (String p : stale) {
        session.removeDocument(p);
      }
    } finally {
      TxScope.exit(started);
    }
  }
}
