// Covers: JTA javax.transaction.UserTransaction, jakarta.transaction.TransactionManager and
// javax.transaction.TransactionManager (begin on the receiver, commit/rollback, getStatus()).
// Leaks: early return, exception escaping, ACTIVE-only status guard on exception paths, begin
// while active. Clean: catch-rollback-rethrow, full status guards in finally.
// As in JtaUserTransactionCases, a leak through `throw e` in a catch is reported at the throw.
package cases.jta;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;

public class JtaTransactionManagerCases {

  interface Worker {
    void run();
  }

  private final TransactionManager tm;
  private final javax.transaction.TransactionManager legacyTm;
  private final javax.transaction.UserTransaction legacyUtx;
  private final Worker worker;

  public JtaTransactionManagerCases(
      TransactionManager tm,
      javax.transaction.TransactionManager legacyTm,
      javax.transaction.UserTransaction legacyUtx,
      Worker worker) {
    this.tm = tm;
    this.legacyTm = legacyTm;
    this.legacyUtx = legacyUtx;
    this.worker = worker;
  }

  public void jakartaTmEarlyReturnLeaks(boolean skip) throws Exception {
    tm.begin();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    tm.commit();
  }

  public void jakartaTmExceptionEscapesLeaks() throws Exception {
    tm.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    worker.run();
    tm.commit();
  }

  public void jakartaTmCatchRollbackRethrowIsClean() throws Exception {
    tm.begin();
    try {
      worker.run();
      tm.commit();
    } catch (Exception e) {
      tm.rollback();
      throw e;
    }
  }

  public void jakartaTmFinallyFullGuardIsClean() throws Exception {
    tm.begin();
    try {
      worker.run();
      tm.commit();
    } finally {
      if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
        tm.rollback();
      }
    }
  }

  public void jakartaTmFinallyActiveOnlyLeaks() throws Exception {
    tm.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      worker.run();
      tm.commit();
    } finally {
      if (tm.getStatus() == Status.STATUS_ACTIVE) {
        tm.rollback();
      }
    }
  }

  public void jakartaTmBegunAgainWhileActive() throws Exception {
    tm.begin();
    // BUG: Diagnostic contains: [UncommittedTransaction]
    tm.begin();
    tm.rollback();
  }

  public void javaxTmEarlyReturnLeaks(int attempts) throws Exception {
    legacyTm.begin();
    if (attempts > 3) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    legacyTm.commit();
  }

  public void javaxTmCatchStatusActiveOnlyLeaksAtRethrow() throws Exception {
    legacyTm.begin();
    try {
      worker.run();
      legacyTm.commit();
    } catch (Exception e) {
      if (legacyTm.getStatus() == javax.transaction.Status.STATUS_ACTIVE) {
        legacyTm.rollback();
      }
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw e;
    }
  }

  public void javaxTmFinallyActiveOrMarkedIsClean() throws Exception {
    legacyTm.begin();
    try {
      worker.run();
      legacyTm.commit();
    } finally {
      if (legacyTm.getStatus() == javax.transaction.Status.STATUS_ACTIVE
          || legacyTm.getStatus() == javax.transaction.Status.STATUS_MARKED_ROLLBACK) {
        legacyTm.rollback();
      }
    }
  }

  public void javaxUtxExceptionEscapesLeaks() throws Exception {
    legacyUtx.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    worker.run();
    legacyUtx.commit();
  }

  public void javaxUtxCatchRollbackRethrowIsClean() throws Exception {
    legacyUtx.begin();
    try {
      worker.run();
      legacyUtx.commit();
    } catch (RuntimeException e) {
      legacyUtx.rollback();
      throw e;
    }
  }

  public void javaxUtxCatchRuntimeOnlyLetsCheckedCommitFailurePassIsClean() throws Exception {
    // commit() may throw checked RollbackException etc., which pass the RuntimeException catch,
    // but an end call ends the transaction even if it throws: clean.
    legacyUtx.begin();
    try {
      worker.run();
    } catch (RuntimeException e) {
      legacyUtx.rollback();
      throw e;
    }
    legacyUtx.commit();
  }

  public void javaxUtxFinallyNotNoTransactionIsClean() throws Exception {
    legacyUtx.begin();
    try {
      worker.run();
      legacyUtx.commit();
    } finally {
      if (legacyUtx.getStatus() != javax.transaction.Status.STATUS_NO_TRANSACTION) {
        legacyUtx.rollback();
      }
    }
  }

  public void javaxUtxEarlyReturnLeaks(boolean skip) throws Exception {
    legacyUtx.begin();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    legacyUtx.rollback();
  }
}
