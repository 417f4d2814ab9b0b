package nxhelper;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Static transaction helpers over the container's UserTransaction: start reports whether it
 * started, commitOrRollback ends whatever is on the thread according to its status.
 */
public final class TransactionHelper {
  private static final Logger LOG = Logger.getLogger(TransactionHelper.class.getName());

  private TransactionHelper() {}

  /** True only when the status is exactly STATUS_ACTIVE (a transaction marked rollback-only is not). */
  public static boolean isTransactionActive() {
    UserTransaction ut = TxContainer.getUserTransaction();
    if (ut == null) {
      return false;
    }
    try {
      return ut.getStatus() == Status.STATUS_ACTIVE;
    } catch (SystemException e) {
      return false;
    }
  }

  public static boolean isTransactionActiveOrMarkedRollback() {
    UserTransaction ut = TxContainer.getUserTransaction();
    if (ut == null) {
      return false;
    }
    try {
      int status = ut.getStatus();
      return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    } catch (SystemException e) {
      return false;
    }
  }

  /** Starts a transaction; returns false (and starts nothing) when there is no container or begin fails. */
  public static boolean startTransaction() {
    UserTransaction ut = TxContainer.getUserTransaction();
    if (ut == null) {
      return false;
    }
    try {
      LOG.fine("Starting transaction");
      ut.begin();
      return true;
    } catch (NotSupportedException | SystemException e) {
      LOG.log(Level.SEVERE, "Unable to start transaction", e);
    }
    return false;
  }

  /** Same, with a timeout for this transaction. */
  public static boolean startTransaction(int timeout) {
    UserTransaction ut = TxContainer.getUserTransaction();
    if (ut == null) {
      return false;
    }
    try {
      ut.setTransactionTimeout(timeout);
    } catch (SystemException e) {
      LOG.log(Level.SEVERE, "Unable to set transaction timeout: " + timeout, e);
      return false;
    }
    return startTransaction();
  }

  /** Commits an active transaction, rolls back one marked rollback-only. */
  public static void commitOrRollbackTransaction() {
    UserTransaction ut = TxContainer.getUserTransaction();
    if (ut == null) {
      return;
    }
    try {
      int status = ut.getStatus();
      if (status == Status.STATUS_ACTIVE) {
        LOG.fine("Committing transaction");
        ut.commit();
      } else if (status == Status.STATUS_MARKED_ROLLBACK) {
        LOG.fine("Cannot commit transaction because it is marked rollback only");
        ut.rollback();
      } else {
        LOG.warning("Cannot commit transaction with unknown status: " + status);
      }
    } catch (SystemException | RollbackException | HeuristicMixedException | HeuristicRollbackException e) {
      throw new TransactionRuntimeException("Unable to commit/rollback", e);
    }
  }

  /** Marks the thread's transaction rollback-only: it stays active until commitOrRollbackTransaction. */
  public static void setTransactionRollbackOnly() {
    UserTransaction ut = TxContainer.getUserTransaction();
    if (ut == null) {
      return;
    }
    try {
      ut.setRollbackOnly();
    } catch (IllegalStateException | SystemException e) {
      LOG.log(Level.WARNING, "Failed to set rollback only", e);
    }
  }

  /** Runs the work in the current transaction, or in a new one it starts and ends itself. */
  public static void runInTransaction(Runnable runnable) {
    boolean startTransaction = !isTransactionActiveOrMarkedRollback();
    if (startTransaction) {
      if (!startTransaction()) {
        throw new TransactionRuntimeException("Cannot start transaction");
      }
    }
    boolean completedAbruptly = true;
    try {
      runnable.run();
      completedAbruptly = false;
    } finally {
      try {
        if (completedAbruptly) {
          setTransactionRollbackOnly();
        }
      } finally {
        if (startTransaction) {
          commitOrRollbackTransaction();
        }
      }
    }
  }
}
