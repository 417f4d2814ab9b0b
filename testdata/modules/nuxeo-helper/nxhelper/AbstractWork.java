package nxhelper;

import java.util.logging.Level;
import java.util.logging.Logger;

/** A work item run by the work manager: the transaction is started and ended around work(). */
public abstract class AbstractWork {
  private static final Logger LOG = Logger.getLogger(AbstractWork.class.getName());

  private volatile boolean suspending;

  protected abstract void work() throws Exception;

  public void suspend() {
    suspending = true;
  }

  /** The idiom: start, remember success in a flag, mark rollback-only on failure, always end. */
  public void runWorkWithTransaction() {
    TransactionHelper.startTransaction();
    boolean ok = false;
    Exception err = null;
    try {
      if (!suspending) {
        work();
      }
      ok = true;
    } catch (Exception e) {
      err = e;
      if (e instanceof RuntimeException) {
        throw (RuntimeException) e;
      }
      throw new TransactionRuntimeException("Work failed", e);
    } finally {
      try {
        if (!ok) {
          TransactionHelper.setTransactionRollbackOnly();
        }
        TransactionHelper.commitOrRollbackTransaction();
      } finally {
        cleanUp(ok, err);
      }
    }
  }

  protected void cleanUp(boolean ok, Exception err) {
    if (!ok) {
      LOG.log(Level.WARNING, "Work failed", err);
    }
  }
}
