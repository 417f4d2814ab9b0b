package nxhelper;

import java.util.logging.Logger;

/** A second-level helper: joins a running transaction, or starts one and says so. */
final class TxScope {
  private static final Logger LOG = Logger.getLogger(TxScope.class.getName());

  private TxScope() {}

  static boolean enter(String name) {
    if (TransactionHelper.isTransactionActiveOrMarkedRollback()) {
      LOG.fine("Joining the running transaction for " + name);
      return false;
    }
    return TransactionHelper.startTransaction();
  }

  static void exit(boolean started) {
    if (started) {
      TransactionHelper.commitOrRollbackTransaction();
    }
  }

  /** Test-style helper: ends what is running, then starts the next one (a begin wrapper). */
  static void nextTransaction() {
    if (TransactionHelper.isTransactionActiveOrMarkedRollback()) {
      TransactionHelper.commitOrRollbackTransaction();
    }
    TransactionHelper.startTransaction();
  }
}
