// Covers: exceptional paths with the home-grown receiver type Orm. Leaks: throw statement after
// begin, catch of a narrower unchecked type (IllegalStateException) letting others escape,
// catch (Exception) that swallows (normal exit at the end), a catch that calls a method declaring
// a checked exception before rolling back, a checked-exception call after the try, wrapping and
// rethrowing without rollback, exceptions escaping through nested finally blocks, return in
// finally discarding the exception (normal exit at that return), finally without an end.
// Clean: catch RuntimeException/Exception/Throwable with rollback, multi-catch with rollback,
// nested try/finally with an isActive() guard, logging in catch before rollback, wrap-and-rethrow
// after rollback, return in finally after a guard.
//
// returnInFinallyDiscardsTheExceptionLeaks: the exception from save() is discarded by the return
// in finally, so that path is a NORMAL exit at `return 1` (UncommittedTransaction), not an
// exceptional one.
// Reading chosen: when an exception is caught and a different (or the same) exception is thrown
// from the catch, the finding is at that `throw` statement, which is where it leaves the method.
package cases.exceptions;

import java.io.IOException;

public class ExceptionPathCases {

  static class Orm {
    void begin() {}

    void commit() {}

    void rollback() {}

    boolean isActive() {
      return false;
    }
  }

  interface Dao {
    void save(Object o);

    void log(String message);

    void send(String message) throws IOException;
  }

  private final Orm orm = new Orm();
  private final Dao dao;

  public ExceptionPathCases(Dao dao) {
    this.dao = dao;
  }

  public void throwStatementAfterBeginLeaks(int x) {
    orm.begin();
    if (x < 0) {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw new IllegalArgumentException("negative");
    }
    orm.commit();
  }

  public void throwAfterRollbackIsClean(int x) {
    orm.begin();
    if (x < 0) {
      orm.rollback();
      throw new IllegalArgumentException("negative");
    }
    orm.commit();
  }

  public void catchNarrowerUncheckedTypeLetsOthersEscape(Object o) {
    orm.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      dao.save(o);
      orm.commit();
    } catch (IllegalStateException e) {
      orm.rollback();
      throw e;
    }
  }

  public void catchRuntimeExceptionIsClean(Object o) {
    orm.begin();
    try {
      dao.save(o);
      orm.commit();
    } catch (RuntimeException e) {
      orm.rollback();
      throw e;
    }
  }

  public void catchThrowableIsClean(Object o) {
    orm.begin();
    try {
      dao.save(o);
      orm.commit();
    } catch (Throwable t) {
      orm.rollback();
      throw t;
    }
  }

  public void catchExceptionSwallowsLeaks(Object o) {
    orm.begin();
    try {
      dao.save(o);
      orm.commit();
    } catch (Exception e) {
      dao.log("ignored: " + e);
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void catchExceptionSwallowsAfterRollbackIsClean(Object o) {
    orm.begin();
    try {
      dao.save(o);
      orm.commit();
    } catch (Exception e) {
      orm.rollback();
      dao.log("rolled back: " + e);
    }
  }

  public void catchLogsBeforeRollbackIsClean(Object o) {
    orm.begin();
    try {
      dao.save(o);
      orm.commit();
    } catch (RuntimeException e) {
      dao.log("failed, rolling back");
      orm.rollback();
      throw e;
    }
  }

  public void catchCallsCheckedThrowerBeforeRollbackLeaks(Object o) throws IOException {
    orm.begin();
    try {
      dao.save(o);
      orm.commit();
    } catch (RuntimeException e) {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      dao.send("failed");
      orm.rollback();
      throw e;
    }
  }

  public void multiCatchWithCheckedExceptionIsClean(Object o) throws IOException {
    orm.begin();
    try {
      dao.save(o);
      dao.send("saved");
      orm.commit();
    } catch (IOException | RuntimeException e) {
      orm.rollback();
      throw e;
    }
  }

  public void checkedCallAfterTheTryLeaks(Object o) throws IOException {
    orm.begin();
    try {
      dao.save(o);
    } catch (RuntimeException e) {
      orm.rollback();
      throw e;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.send("saved");
    orm.commit();
  }

  public void wrapAndRethrowWithoutRollbackLeaks(Object o) {
    orm.begin();
    try {
      dao.save(o);
      orm.commit();
    } catch (RuntimeException e) {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw new IllegalStateException("save failed", e);
    }
  }

  public void wrapAndRethrowAfterRollbackIsClean(Object o) {
    orm.begin();
    try {
      dao.save(o);
      orm.commit();
    } catch (RuntimeException e) {
      orm.rollback();
      throw new IllegalStateException("save failed", e);
    }
  }

  public void exceptionEscapesThroughNestedFinallyLeaks(Object o) {
    orm.begin();
    try {
      try {
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        dao.save(o);
      } finally {
        dao.log("inner");
      }
      orm.commit();
    } finally {
      dao.log("outer");
    }
  }

  public void nestedTryFinallyWithGuardIsClean(Object o) {
    orm.begin();
    try {
      try {
        dao.save(o);
      } finally {
        dao.log("inner");
      }
      orm.commit();
    } finally {
      if (orm.isActive()) {
        orm.rollback();
      }
    }
  }

  public void finallyWithoutEndLeaks(Object o) {
    orm.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      dao.save(o);
      orm.commit();
    } finally {
      dao.log("done");
    }
  }

  public int returnInFinallyDiscardsTheExceptionLeaks(Object o) {
    orm.begin();
    try {
      dao.save(o);
      orm.commit();
    } finally {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return 1;
    }
  }

  public int returnInFinallyAfterGuardIsClean(Object o) {
    orm.begin();
    try {
      dao.save(o);
      orm.commit();
    } finally {
      if (orm.isActive()) {
        orm.rollback();
      }
      return 1;
    }
  }

  public void throwCheckedExceptionCaughtByExceptionIsClean(boolean fail) throws Exception {
    IOException failure = new IOException("boom");
    orm.begin();
    try {
      if (fail) {
        throw failure;
      }
      orm.commit();
    } catch (Exception e) {
      orm.rollback();
      throw e;
    }
  }

  public void throwCheckedExceptionNotCaughtLeaks(boolean fail) throws IOException {
    IOException failure = new IOException("boom");
    orm.begin();
    try {
      if (fail) {
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        throw failure;
      }
      orm.commit();
    } catch (RuntimeException e) {
      orm.rollback();
      throw e;
    }
  }

  public void throwBeforeBeginIsClean(Object o) {
    if (o == null) {
      throw new IllegalArgumentException("null");
    }
    orm.begin();
    try {
      dao.save(o);
      orm.commit();
    } catch (RuntimeException e) {
      orm.rollback();
      throw e;
    }
  }

  public void finallyWithCommittedFlagAndLoggingIsClean(Object o) {
    boolean committed = false;
    orm.begin();
    try {
      dao.save(o);
      orm.commit();
      committed = true;
    } finally {
      dao.log("finishing");
      if (!committed) {
        orm.rollback();
      }
    }
  }

  public void catchRollbackThenSwallowAndReturnIsClean(Object o) {
    orm.begin();
    try {
      dao.save(o);
    } catch (RuntimeException e) {
      orm.rollback();
      dao.log("swallowed");
      return;
    }
    orm.commit();
  }
}
