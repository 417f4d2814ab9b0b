package nxstatus;

import javax.transaction.Status;
import javax.transaction.SystemException;
import javax.transaction.UserTransaction;

/**
 * After Nuxeo's TransactionHelper: the status is read once, by getTransactionStatus(), and the queries compare what it
 * returns. getTransactionStatus() is a status getter; isTransactionActive() and isTransactionActiveOrMarkedRollback()
 * are query wrappers through it.
 */
public final class TxHelper {
  private TxHelper() {}

  /** The status of the container's transaction, or -1 without a transaction manager. */
  public static int getTransactionStatus() {
    UserTransaction ut = Container.getUserTransaction();
    if (ut == null) {
      return -1;
    }
    try {
      return ut.getStatus();
    } catch (SystemException e) {
      throw new IllegalStateException("Cannot get transaction status", e);
    }
  }

  public static boolean isTransactionActive() {
    int status = getTransactionStatus();
    return status == Status.STATUS_ACTIVE;
  }

  public static boolean isTransactionActiveOrMarkedRollback() {
    int status = getTransactionStatus();
    return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
  }

  /** Begins when there is a transaction manager; says whether it began. */
  public static boolean startTransaction() {
    UserTransaction ut = Container.getUserTransaction();
    if (ut == null) {
      return false;
    }
    try {
      ut.begin();
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** Commits an active transaction, rolls back one marked rollback-only: an end wrapper. */
  public static void commitOrRollbackTransaction() {
    UserTransaction ut = Container.getUserTransaction();
    if (ut == null) {
      return;
    }
    try {
      int status = ut.getStatus();
      if (status == Status.STATUS_ACTIVE) {
        ut.commit();
      } else if (status == Status.STATUS_MARKED_ROLLBACK) {
        ut.rollback();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads the status getter directly, in its own file: correct. */
  public static void runInTransaction(Runnable work) {
    startTransaction();
    try {
      work.run();
    } finally {
      int status = getTransactionStatus();
      if (status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK) {
        commitOrRollbackTransaction();
      }
    }
  }

  /** The same with the getter tested inline, and only for the active status: a failed run may leave it open. */
  public static void runActiveOnly(Runnable work) {
    startTransaction();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      work.run();
    } finally {
      if (getTransactionStatus() == Status.STATUS_ACTIVE) {
        commitOrRollbackTransaction();
      }
    }
  }

  public static void setTransactionRollbackOnly() {
    if (getTransactionStatus() == Status.STATUS_ACTIVE) {
      try {
        Container.getUserTransaction().setRollbackOnly();
      } catch (SystemException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
