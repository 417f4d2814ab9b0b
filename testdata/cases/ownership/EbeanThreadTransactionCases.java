// Settled detail 2: Ebean's thread transaction is one object. DB.commitTransaction(), DB.rollbackTransaction(),
// DB.endTransaction() and calls on DB.currentTransaction() or Transaction.current() end the Ebean transaction most
// recently begun in the method, directly and through end wrappers of the module. A path on which none of them runs
// leaks like any other.
package cases.ownership;

import io.ebean.DB;
import io.ebean.Transaction;

@SuppressWarnings("removal") // DB.commitTransaction() and friends are deprecated in Ebean 13, and still used
public class EbeanThreadTransactionCases {
  /** End wrappers of the module over the thread transaction. */
  static final class Tx {
    static void commit() {
      DB.commitTransaction();
    }

    static void end() {
      DB.endTransaction();
    }

    static void commitCurrent() {
      DB.currentTransaction().commit();
    }
  }

  void currentTransactionCommitIsClean(Object bean) {
    DB.beginTransaction();
    try {
      DB.save(bean);
      DB.currentTransaction().commit();
    } finally {
      DB.endTransaction();
    }
  }

  void transactionCurrentCommitIsClean(Object bean) {
    Transaction t = DB.beginTransaction();
    try {
      DB.save(bean);
      Transaction.current().commit();
    } finally {
      t.end();
    }
  }

  void currentThroughLocalIsClean(Object bean) {
    DB.beginTransaction();
    Transaction current = DB.currentTransaction();
    try {
      DB.save(bean);
      current.commit();
    } finally {
      current.end();
    }
  }

  void currentCommitOnlyWhenValidLeaks(Object bean, boolean valid) {
    DB.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    DB.save(bean);
    if (valid) {
      DB.currentTransaction().commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void transactionCurrentEarlyReturnLeaks(boolean skip) {
    Transaction t = DB.beginTransaction();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    Transaction.current().commit();
  }

  void rollbackTransactionInCatchIsClean(Object bean) {
    DB.beginTransaction();
    try {
      DB.save(bean);
      DB.commitTransaction();
    } catch (RuntimeException e) {
      DB.rollbackTransaction();
      throw e;
    }
  }

  void endWrapperInFinallyIsClean(Object bean) {
    DB.beginTransaction();
    try {
      DB.save(bean);
      Tx.commit();
    } finally {
      Tx.end();
    }
  }

  void endWrapperOnOneBranchLeaks(Object bean, boolean valid) {
    DB.beginTransaction();
    if (!valid) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    DB.save(bean);
    Tx.commitCurrent();
  }

  void currentWrapperIsClean(Object bean) {
    Transaction t = DB.beginTransaction();
    try {
      DB.save(bean);
      Tx.commitCurrent();
    } finally {
      t.end();
    }
  }
}
