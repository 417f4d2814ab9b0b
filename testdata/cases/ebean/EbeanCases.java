// Covers: Ebean static DB.beginTransaction() and Database#beginTransaction(); the returned
// io.ebean.Transaction ends with commit(), rollback(), end() or close(); isActive() is the query.
// Leaks: early return, exception escaping, commit only on one branch, Database instance variants.
// Clean: end() in finally, try-with-resources, rollback in catch, isActive() guard,
// DB.execute(runnable) / database.execute(runnable), returning the transaction.
package cases.ebean;

import io.ebean.DB;
import io.ebean.Database;
import io.ebean.Transaction;

public class EbeanCases {

  private final Database database;

  public EbeanCases(Database database) {
    this.database = database;
  }

  public void staticEarlyReturnLeaks(boolean skip) {
    Transaction t = DB.beginTransaction();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    t.commit();
  }

  public void staticExceptionEscapesLeaks(Object bean) {
    Transaction t = DB.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    DB.save(bean);
    t.commit();
  }

  public void staticCommitOnlyWhenValidLeaks(boolean valid) {
    Transaction t = DB.beginTransaction();
    if (valid) {
      t.commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void staticEndInFinallyIsClean(Object bean) {
    Transaction t = DB.beginTransaction();
    try {
      DB.save(bean);
      t.commit();
    } finally {
      t.end();
    }
  }

  public void staticTryWithResourcesIsClean(Object bean) {
    try (Transaction t = DB.beginTransaction()) {
      DB.save(bean);
      t.commit();
    }
  }

  public void staticTryWithResourcesWithoutCommitIsClean(Object bean) {
    try (Transaction t = DB.beginTransaction()) {
      DB.save(bean);
    }
  }

  public void staticRollbackInCatchIsClean(Object bean) {
    Transaction t = DB.beginTransaction();
    try {
      DB.save(bean);
      t.commit();
    } catch (RuntimeException e) {
      t.rollback();
      throw e;
    }
  }

  public void staticIsActiveGuardInFinallyIsClean(Object bean) {
    Transaction t = DB.beginTransaction();
    try {
      DB.save(bean);
      t.commit();
    } finally {
      if (t.isActive()) {
        t.rollback();
      }
    }
  }

  public void staticExecuteRunnableIsClean(Object bean) {
    DB.execute(() -> DB.save(bean));
  }

  public void databaseEarlyReturnLeaks(int count) {
    Transaction t = database.beginTransaction();
    if (count == 0) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    t.commit();
  }

  public void databaseExceptionEscapesLeaks(Object bean) {
    Transaction t = database.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    database.save(bean);
    t.commit();
  }

  public void databaseEndInFinallyIsClean(Object bean) {
    Transaction t = database.beginTransaction();
    try {
      database.save(bean);
      t.commit();
    } finally {
      t.end();
    }
  }

  public void databaseTryWithResourcesIsClean(Object bean) {
    try (Transaction t = database.beginTransaction()) {
      database.save(bean);
      t.commit();
    }
  }

  public void databaseCloseInFinallyIsClean(Object bean) {
    Transaction t = database.beginTransaction();
    try {
      database.save(bean);
      t.commit();
    } finally {
      t.close();
    }
  }

  public void databaseExecuteRunnableIsClean(Object bean) {
    database.execute(() -> database.save(bean));
  }

  public Transaction returningTheTransactionIsClean() {
    Transaction t = database.beginTransaction();
    return t;
  }

  public void tryWithResourcesEarlyReturnIsClean(Object bean, boolean skip) {
    try (Transaction t = DB.beginTransaction()) {
      DB.save(bean);
      if (skip) {
        return;
      }
      t.commit();
    }
  }
}
