// Covers: home-grown zero-config protocol where the RECEIVER's type declares no-arg commit() and
// rollback(): begin() (Orm, with isActive()), beginTransaction() (Store, no query) and
// startTransaction() (Ledger). Leaks: early return, exception escaping, missing end on a local
// object, receiver passed as a parameter. Clean: catch-rollback-rethrow, isActive() guard in
// finally, committed flag, begin wrapper on a parameter.
package cases.homegrown;

public class HomegrownReceiverCases {

  static class Orm {
    void begin() {}

    void commit() {}

    void rollback() {}

    boolean isActive() {
      return false;
    }
  }

  static class Store {
    void beginTransaction() {}

    void commit() {}

    void rollback() {}
  }

  static class Ledger {
    void startTransaction() {}

    void commit() {}

    void rollback() {}
  }

  interface Dao {
    void save(Object o);

    void log(String message);
  }

  private final Orm orm = new Orm();
  private final Store store = new Store();
  private final Ledger ledger = new Ledger();
  private final Dao dao;

  public HomegrownReceiverCases(Dao dao) {
    this.dao = dao;
  }

  public void ormEarlyReturnLeaks(boolean skip) {
    orm.begin();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    orm.commit();
  }

  public void ormExceptionEscapesLeaks(Object o) {
    orm.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.save(o);
    orm.commit();
  }

  public void ormMissingEndOnLocalLeaks(Object o) {
    Orm local = new Orm();
    local.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.save(o);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void ormCatchRollbackRethrowIsClean(Object o) {
    orm.begin();
    try {
      dao.save(o);
      orm.commit();
    } catch (RuntimeException e) {
      dao.log("rollback");
      orm.rollback();
      throw e;
    }
  }

  public void ormIsActiveGuardInFinallyIsClean(Object o) {
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

  public void storeBeginTransactionEarlyReturnLeaks(int n) {
    store.beginTransaction();
    if (n < 0) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    store.commit();
  }

  public void storeBeginTransactionCatchRollbackIsClean(Object o) {
    store.beginTransaction();
    try {
      dao.save(o);
      store.commit();
    } catch (RuntimeException e) {
      store.rollback();
      throw e;
    }
  }

  public void ledgerStartTransactionExceptionEscapesLeaks(Object o) {
    ledger.startTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.save(o);
    ledger.commit();
  }

  public void ledgerCommittedFlagIsClean(Object o) {
    boolean done = false;
    ledger.startTransaction();
    try {
      dao.save(o);
      ledger.commit();
      done = true;
    } finally {
      if (!done) {
        ledger.rollback();
      }
    }
  }

  public void receiverParameterEarlyReturnLeaks(Orm o, boolean skip) {
    o.begin();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    o.commit();
  }

  /** Begin wrapper: begins on a parameter and never ends it. */
  public void beginWrapperOnParameterIsClean(Orm o) {
    o.begin();
  }
}
