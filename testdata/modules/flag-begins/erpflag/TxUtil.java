package erpflag;

import javax.transaction.HeuristicMixedException;
import javax.transaction.HeuristicRollbackException;
import javax.transaction.NotSupportedException;
import javax.transaction.RollbackException;
import javax.transaction.Status;
import javax.transaction.SystemException;
import javax.transaction.UserTransaction;

/** Begins only when no transaction is in place, and says whether it did; callers pass the flag back. */
public final class TxUtil {
  private TxUtil() {}

  public static boolean begin() throws TxException {
    return begin(0);
  }

  public static boolean begin(int timeout) throws TxException {
    UserTransaction ut = TxFactoryLoader.getInstance().getUserTransaction();
    if (ut != null) {
      try {
        int status = ut.getStatus();
        if (status == Status.STATUS_ACTIVE) {
          return false;
        } else if (status == Status.STATUS_MARKED_ROLLBACK) {
          return false;
        }
        internalBegin(ut, timeout);
        return true;
      } catch (NotSupportedException e) {
        throw new TxException("nested", e);
      } catch (SystemException e) {
        throw new TxException("system", e);
      }
    }
    return false;
  }

  static void internalBegin(UserTransaction ut, int timeout) throws SystemException, NotSupportedException {
    if (timeout > 0) {
      ut.setTransactionTimeout(timeout);
    }
    ut.begin();
    if (timeout > 0) {
      ut.setTransactionTimeout(0);
    }
  }

  public static void commit(boolean beganTransaction) throws TxException {
    if (beganTransaction) {
      commit();
    }
  }

  public static void commit() throws TxException {
    UserTransaction ut = TxFactoryLoader.getInstance().getUserTransaction();
    if (ut != null) {
      try {
        int status = ut.getStatus();
        if (status != Status.STATUS_NO_TRANSACTION && status != Status.STATUS_COMMITTING
            && status != Status.STATUS_COMMITTED && status != Status.STATUS_ROLLING_BACK
            && status != Status.STATUS_ROLLEDBACK) {
          ut.commit();
        }
      } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException | SystemException e) {
        throw new TxException("commit", e);
      }
    }
  }

  public static void rollback(boolean beganTransaction, String message, Throwable cause) throws TxException {
    if (beganTransaction) {
      rollback(cause);
    } else {
      setRollbackOnly(message, cause);
    }
  }

  public static void rollback(Throwable cause) throws TxException {
    UserTransaction ut = TxFactoryLoader.getInstance().getUserTransaction();
    if (ut != null) {
      try {
        int status = ut.getStatus();
        if (status != Status.STATUS_NO_TRANSACTION) {
          ut.rollback();
        }
      } catch (SystemException e) {
        throw new TxException("rollback", e);
      }
    }
  }

  public static void setRollbackOnly(String message, Throwable cause) throws TxException {
    UserTransaction ut = TxFactoryLoader.getInstance().getUserTransaction();
    if (ut != null) {
      try {
        if (ut.getStatus() == Status.STATUS_ACTIVE) {
          ut.setRollbackOnly();
        }
      } catch (SystemException e) {
        throw new TxException("rollback only", e);
      }
    }
  }
}
