// Covers: home-grown zero-config protocol where the RETURNED type declares no-arg commit() and
// rollback(): Db.begin() -> Tx (with isActive()), Factory.beginTransaction() -> Unit,
// Pool.startTransaction() -> Work. The handle is the returned object. Leaks: early return,
// exception escaping, missing end, two handles from one owner. Clean: catch-rollback-rethrow, isActive()
// guard, committed flag, `if (tx != null)` after begin, returning the handle.
//
// Reading chosen: the owner objects (Db, Factory, Pool) are locals or fields; the handle is the
// returned local, so a method that never ends it is responsible unless it hands it off. For the
// never-ended cases the owner is also a local, to stay clear of the begin-wrapper rule.
package cases.homegrown;

public class HomegrownReturnedCases {

  static class Tx {
    void commit() {}

    void rollback() {}

    boolean isActive() {
      return true;
    }
  }

  static class Db {
    Tx begin() {
      return new Tx();
    }
  }

  static class Unit {
    void commit() {}

    void rollback() {}
  }

  static class Factory {
    Unit beginTransaction() {
      return new Unit();
    }
  }

  static class Work {
    void commit() {}

    void rollback() {}
  }

  static class Pool {
    Work startTransaction() {
      return new Work();
    }
  }

  interface Dao {
    void save(Object o);
  }

  private final Db db = new Db();
  private final Factory factory = new Factory();
  private final Pool pool = new Pool();
  private final Dao dao;

  public HomegrownReturnedCases(Dao dao) {
    this.dao = dao;
  }

  public void earlyReturnLeaks(boolean skip) {
    Tx tx = db.begin();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    tx.commit();
  }

  public void exceptionEscapesLeaks(Object o) {
    Tx tx = db.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.save(o);
    tx.commit();
  }

  public void missingEndLeaks(Object o) {
    Db local = new Db();
    Tx tx = local.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.save(o);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void catchRollbackRethrowIsClean(Object o) {
    Tx tx = db.begin();
    try {
      dao.save(o);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  public void isActiveGuardInFinallyIsClean(Object o) {
    Tx tx = db.begin();
    try {
      dao.save(o);
      tx.commit();
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
    }
  }

  public void nullCheckAfterBeginIsClean(Object o) {
    Tx tx = db.begin();
    try {
      dao.save(o);
      tx.commit();
    } catch (RuntimeException e) {
      if (tx != null) {
        tx.rollback();
      }
      throw e;
    }
  }

  public void nullReturnAfterBeginIsInfeasibleIsClean() {
    Tx tx = db.begin();
    if (tx == null) {
      return;
    }
    tx.rollback();
  }

  public void beginTransactionNameEarlyReturnLeaks(boolean skip) {
    Unit unit = factory.beginTransaction();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    unit.commit();
  }

  public void beginTransactionNameCatchRollbackIsClean(Object o) {
    Unit unit = factory.beginTransaction();
    try {
      dao.save(o);
      unit.commit();
    } catch (RuntimeException e) {
      unit.rollback();
      throw e;
    }
  }

  public void startTransactionNameExceptionEscapesLeaks(Object o) {
    Work work = pool.startTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.save(o);
    work.commit();
  }

  public void startTransactionNameCommittedFlagIsClean(Object o) {
    Work work = pool.startTransaction();
    boolean ok = false;
    try {
      dao.save(o);
      work.commit();
      ok = true;
    } finally {
      if (!ok) {
        work.rollback();
      }
    }
  }

  public void twoHandlesFromOneOwnerSecondLeaks(boolean b) {
    Tx first = db.begin();
    // Settled detail 11: beginning again on the same object (db) while its first transaction is active.
    // BUG: Diagnostic contains: [UncommittedTransaction]
    Tx second = db.begin();
    first.commit();
    if (b) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    second.commit();
  }

  public Tx returningTheHandleIsClean(Object o) {
    Tx tx = db.begin();
    dao.save(o);
    return tx;
  }

  public void endInBothBranchesIsClean(boolean ok) {
    Tx tx = db.begin();
    if (ok) {
      tx.commit();
    } else {
      tx.rollback();
    }
  }

  public void guardInFinallyWithEarlyReturnIsClean(Object o, boolean skip) {
    Tx tx = db.begin();
    try {
      if (skip) {
        return;
      }
      dao.save(o);
      tx.commit();
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
    }
  }
}
