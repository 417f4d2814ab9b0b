// Covers: lambdas and anonymous-class methods as their own units. Leaks reported inside the
// lambda/anonymous body: early return, exception escaping, falling off the end of a block lambda
// (reported at the lambda body's closing brace). Clean: try/catch inside the lambda, a handle
// captured by a lambda (hand-off), a lambda returning the handle it began (hand-off), the
// enclosing method's own leak is reported in the enclosing method, not in the lambda.
//
// Reading chosen: falling off the end of a block lambda is reported on the line of the lambda
// body's closing brace (the `};` line).
package cases.lambdas;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

public class LambdaCases {

  static class Orm {
    void begin() {}

    void commit() {}

    void rollback() {}

    boolean isActive() {
      return false;
    }
  }

  static class Tx {
    void commit() {}

    void rollback() {}
  }

  static class Db {
    Tx begin() {
      return new Tx();
    }
  }

  interface Dao {
    void save(Object o);

    void log(String message);
  }

  private final Orm orm = new Orm();
  private final Db db = new Db();
  private final Dao dao;

  public LambdaCases(Dao dao) {
    this.dao = dao;
  }

  public Runnable lambdaEarlyReturnLeaks(boolean skip) {
    return () -> {
      orm.begin();
      if (skip) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      orm.commit();
    };
  }

  public Runnable lambdaExceptionLeaks(Object o) {
    return () -> {
      Tx tx = db.begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      dao.save(o);
      tx.commit();
    };
  }

  public Consumer<Object> lambdaFallsOffTheEndLeaks() {
    return o -> {
      Tx tx = new Db().begin();
      if (o == null) {
        tx.commit();
      }
      // BUG: Diagnostic contains: [UncommittedTransaction]
    };
  }

  public Runnable lambdaWithTryCatchIsClean(Object o) {
    return () -> {
      Tx tx = db.begin();
      try {
        dao.save(o);
        tx.commit();
      } catch (RuntimeException e) {
        tx.rollback();
        throw e;
      }
    };
  }

  public Runnable anonymousClassExceptionLeaks(Object o) {
    return new Runnable() {
      @Override
      public void run() {
        orm.begin();
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        dao.save(o);
        orm.commit();
      }
    };
  }

  public Runnable anonymousClassEarlyReturnLeaks(boolean skip) {
    return new Runnable() {
      @Override
      public void run() {
        Tx tx = db.begin();
        if (skip) {
          // BUG: Diagnostic contains: [UncommittedTransaction]
          return;
        }
        tx.rollback();
      }
    };
  }

  public Runnable anonymousClassIsClean(Object o) {
    return new Runnable() {
      @Override
      public void run() {
        orm.begin();
        try {
          dao.save(o);
          orm.commit();
        } finally {
          if (orm.isActive()) {
            orm.rollback();
          }
        }
      }
    };
  }

  public void capturedHandleIsAHandOffIsClean(Executor executor, Object o) {
    Tx tx = new Db().begin();
    dao.save(o);
    executor.execute(() -> tx.commit());
  }

  public Supplier<Tx> lambdaReturningTheHandleIsClean() {
    return () -> new Db().begin();
  }

  public void enclosingLeakIsReportedInTheEnclosingMethod(boolean skip) {
    orm.begin();
    Runnable r = () -> dao.log("created, not called");
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    orm.commit();
  }

  public void lambdaLeaksInsideAnotherwiseCorrectMethod(boolean skip, Object o) {
    orm.begin();
    try {
      Consumer<Object> c =
          x -> {
            Tx tx = db.begin();
            if (skip) {
              // BUG: Diagnostic contains: [UncommittedTransaction]
              return;
            }
            tx.commit();
          };
      dao.save(o);
      orm.commit();
    } catch (RuntimeException e) {
      orm.rollback();
      throw e;
    }
  }

  public Runnable lambdaWithCommittedFlagIsClean(Object o) {
    return () -> {
      boolean ok = false;
      orm.begin();
      try {
        dao.save(o);
        orm.commit();
        ok = true;
      } finally {
        if (!ok) {
          orm.rollback();
        }
      }
    };
  }
}
