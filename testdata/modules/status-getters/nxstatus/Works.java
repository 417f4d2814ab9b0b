package nxstatus;

/** Callers in another file, after Nuxeo's AbstractWork and its listeners. */
public abstract class Works {
  protected abstract void work();

  protected abstract void cleanUp(boolean ok);

  /**
   * AbstractWork.runWorkWithTransaction: commits or rolls back in the innermost finally, under the status test that
   * goes through getTransactionStatus(). Correct: no finding on the path where the test is false, since then no
   * transaction is active.
   */
  protected void runWorkWithTransaction() {
    TxHelper.startTransaction();
    boolean ok = false;
    try {
      work();
      ok = true;
    } finally {
      try {
        cleanUp(ok);
      } finally {
        if (TxHelper.isTransactionActiveOrMarkedRollback()) {
          if (!ok) {
            TxHelper.setTransactionRollbackOnly();
          }
          TxHelper.commitOrRollbackTransaction();
        }
      }
    }
  }

  /**
   * Guarded by the active-only query: when work() fails, the transaction may be marked rollback-only, the test is
   * false, and the exception leaves it open.
   */
  protected void runActiveOnly() {
    TxHelper.startTransaction();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      work();
    } finally {
      if (TxHelper.isTransactionActive()) {
        TxHelper.commitOrRollbackTransaction();
      }
    }
  }

  /** Returns before it ends what it began. */
  protected void runUnlessEmpty(boolean empty) {
    TxHelper.startTransaction();
    if (empty) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    try {
      work();
    } finally {
      TxHelper.commitOrRollbackTransaction();
    }
  }
}
