// Covers: JDBI 3 Handle: begin() on the receiver, commit()/rollback() end, isInTransaction() is
// the query; close() with an open transaction is an error, NOT an end. Leaks: early return,
// exception escaping, try-with-resources on the Handle without commit, begun twice. Clean:
// rollback in catch, finally isInTransaction() guard, Jdbi.inTransaction / useTransaction,
// Handle.useTransaction.
package cases.jdbi;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

public class JdbiCases {

  private final Jdbi jdbi;
  private final Handle handle;

  public JdbiCases(Jdbi jdbi, Handle handle) {
    this.jdbi = jdbi;
    this.handle = handle;
  }

  public void earlyReturnLeaks(boolean skip) {
    handle.begin();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    handle.commit();
  }

  public void exceptionEscapesLeaks() {
    handle.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    handle.execute("insert into t values (1)");
    handle.commit();
  }

  public void rollbackInCatchIsClean() {
    handle.begin();
    try {
      handle.execute("insert into t values (1)");
      handle.commit();
    } catch (RuntimeException e) {
      handle.rollback();
      throw e;
    }
  }

  public void finallyIsInTransactionGuardIsClean() {
    Handle h = jdbi.open();
    try {
      h.begin();
      h.execute("insert into t values (1)");
      h.commit();
    } finally {
      if (h.isInTransaction()) {
        h.rollback();
      }
      h.close();
    }
  }

  public void tryWithResourcesCloseIsNotAnEndLeaks() {
    try (Handle h = jdbi.open()) {
      h.begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      h.execute("insert into t values (1)");
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void tryWithResourcesWithCommitAndRollbackIsClean() {
    try (Handle h = jdbi.open()) {
      h.begin();
      try {
        h.execute("insert into t values (1)");
        h.commit();
      } catch (RuntimeException e) {
        h.rollback();
        throw e;
      }
    }
  }

  public void begunTwiceWhileActive() {
    handle.begin();
    // BUG: Diagnostic contains: [UncommittedTransaction]
    handle.begin();
    handle.commit();
  }

  public int inTransactionCallbackIsClean() {
    return jdbi.inTransaction(h -> h.execute("insert into t values (1)"));
  }

  public void useTransactionCallbackIsClean() {
    jdbi.useTransaction(h -> h.execute("insert into t values (2)"));
  }

  public void handleUseTransactionIsClean() {
    handle.useTransaction(h -> h.execute("insert into t values (3)"));
  }

  public void commitOnlyWhenNonEmptyLeaks(int rows) {
    handle.begin();
    if (rows > 0) {
      handle.commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void commitInBothBranchesIsClean(boolean ok) {
    handle.begin();
    if (ok) {
      handle.commit();
    } else {
      handle.rollback();
    }
  }
}
