package nxhelper;

import java.util.List;

class Reindexer {
  private final List<String> index;

  Reindexer(List<String> index) {
    this.index = index;
  }

  /** Commits every 100 documents and starts the next transaction; the finally ends the last one. */
  void reindex(List<String> docs) {
    TransactionHelper.startTransaction();
    try {
      int n = 0;
      for (String d : docs) {
        index.add(d);
        if (++n % 100 == 0) {
          TransactionHelper.commitOrRollbackTransaction();
          TransactionHelper.startTransaction();
        }
      }
    } finally {
      TransactionHelper.commitOrRollbackTransaction();
    }
  }

  /** The same with the flag kept. */
  void reindexFlag(List<String> docs) {
    boolean started = TransactionHelper.startTransaction();
    try {
      int n = 0;
      for (String d : docs) {
        index.add(d);
        if (started && ++n % 100 == 0) {
          TransactionHelper.commitOrRollbackTransaction();
          started = TransactionHelper.startTransaction();
        }
      }
    } finally {
      if (started) {
        TransactionHelper.commitOrRollbackTransaction();
      }
    }
  }

  /** Ends the caller's transaction and starts a fresh one for the caller to end: a checkpoint helper. */
  void checkpoint() {
    TransactionHelper.commitOrRollbackTransaction();
    TransactionHelper.startTransaction();
  }
}
