package ofbutil;

import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.HeuristicMixedException;
import javax.transaction.HeuristicRollbackException;
import javax.transaction.InvalidTransactionException;
import javax.transaction.NotSupportedException;
import javax.transaction.RollbackException;
import javax.transaction.Status;
import javax.transaction.SystemException;
import javax.transaction.Transaction;
import javax.transaction.TransactionManager;
import javax.transaction.UserTransaction;

/**
 * Begins only when no transaction is in place and says whether it did; commit(boolean) and
 * rollback(boolean, ..) end only what the caller's own begin() started.
 */
public final class TransactionUtil {
  private static final Logger LOG = Logger.getLogger(TransactionUtil.class.getName());
  private static final int DEFAULT_TIMEOUT = 60;

  private TransactionUtil() {}

  public static boolean begin() throws GenericTransactionException {
    return begin(DEFAULT_TIMEOUT);
  }

  public static boolean begin(int timeout) throws GenericTransactionException {
    UserTransaction ut = TransactionFactoryLoader.getInstance().getUserTransaction();
    if (ut == null) {
      LOG.fine("No user transaction, so no transaction begun");
      return false;
    }
    try {
      int currentStatus = ut.getStatus();
      if (currentStatus == Status.STATUS_ACTIVE) {
        LOG.fine("Active transaction in place, so no transaction begun");
        return false;
      } else if (currentStatus == Status.STATUS_MARKED_ROLLBACK) {
        LOG.warning("Active transaction marked for rollback in place, so no transaction begun");
        return false;
      }
      if (timeout > 0) {
        ut.setTransactionTimeout(timeout);
      }
      ut.begin();
      return true;
    } catch (NotSupportedException e) {
      throw new GenericTransactionException("Not Supported error, could not begin transaction", e);
    } catch (SystemException e) {
      throw new GenericTransactionException("System error, could not begin transaction", e);
    }
  }

  public static void commit(boolean beganTransaction) throws GenericTransactionException {
    if (beganTransaction) {
      commit();
    }
  }

  public static void commit() throws GenericTransactionException {
    UserTransaction ut = TransactionFactoryLoader.getInstance().getUserTransaction();
    if (ut != null) {
      try {
        int status = ut.getStatus();
        if (status != Status.STATUS_NO_TRANSACTION && status != Status.STATUS_COMMITTING
            && status != Status.STATUS_COMMITTED && status != Status.STATUS_ROLLING_BACK
            && status != Status.STATUS_ROLLEDBACK) {
          ut.commit();
        } else {
          LOG.warning("Transaction is not in a state that can be committed: " + status);
        }
      } catch (RollbackException e) {
        throw new GenericTransactionException("Roll back error, could not commit transaction", e);
      } catch (HeuristicMixedException | HeuristicRollbackException e) {
        throw new GenericTransactionException("Heuristic error, could not commit transaction", e);
      } catch (SystemException e) {
        throw new GenericTransactionException("System error, could not commit transaction", e);
      }
    }
  }

  public static void rollback(boolean beganTransaction, String causeMessage, Throwable causeThrowable)
      throws GenericTransactionException {
    if (beganTransaction) {
      rollback(causeThrowable);
    } else {
      setRollbackOnly(causeMessage, causeThrowable);
    }
  }

  public static void rollback(Throwable causeThrowable) throws GenericTransactionException {
    UserTransaction ut = TransactionFactoryLoader.getInstance().getUserTransaction();
    if (ut != null) {
      try {
        int status = ut.getStatus();
        if (status != Status.STATUS_NO_TRANSACTION) {
          ut.rollback();
          if (causeThrowable != null) {
            LOG.log(Level.WARNING, "Transaction rolled back because of", causeThrowable);
          }
        } else {
          LOG.warning("No transaction in place, not rolling back");
        }
      } catch (SystemException e) {
        throw new GenericTransactionException("System error, could not roll back transaction", e);
      }
    }
  }

  /** Marks the outer transaction: it stays active, whoever began it must still end it. */
  public static void setRollbackOnly(String causeMessage, Throwable causeThrowable)
      throws GenericTransactionException {
    UserTransaction ut = TransactionFactoryLoader.getInstance().getUserTransaction();
    if (ut != null) {
      try {
        int status = ut.getStatus();
        if (status != Status.STATUS_NO_TRANSACTION && status != Status.STATUS_MARKED_ROLLBACK) {
          LOG.log(Level.WARNING, "Setting rollback only: " + causeMessage, causeThrowable);
          ut.setRollbackOnly();
        }
      } catch (SystemException e) {
        throw new GenericTransactionException("System error, could not set rollback only", e);
      }
    }
  }

  public static Transaction suspend() throws GenericTransactionException {
    try {
      TransactionManager txMgr = TransactionFactoryLoader.getInstance().getTransactionManager();
      if (txMgr != null && txMgr.getStatus() != Status.STATUS_NO_TRANSACTION) {
        return txMgr.suspend();
      }
      return null;
    } catch (SystemException e) {
      throw new GenericTransactionException("System error, could not suspend transaction", e);
    }
  }

  public static void resume(Transaction parentTx) throws GenericTransactionException {
    if (parentTx == null) {
      return;
    }
    try {
      TransactionManager txMgr = TransactionFactoryLoader.getInstance().getTransactionManager();
      txMgr.resume(parentTx);
    } catch (InvalidTransactionException | SystemException e) {
      throw new GenericTransactionException("Could not resume transaction", e);
    }
  }

  /** Runs the callable in a transaction of its own, suspending the caller's. */
  public static <V> V doNewTransaction(Callable<V> callable, String ifErrorMessage) throws GenericEntityException {
    Transaction parent = suspend();
    try {
      boolean beganTransaction = begin();
      try {
        V result = callable.call();
        commit(beganTransaction);
        return result;
      } catch (Exception e) {
        rollback(beganTransaction, ifErrorMessage, e);
        throw new GenericEntityException(ifErrorMessage, e);
      }
    } finally {
      resume(parent);
    }
  }
}
