// Covers: the home-grown queries of the contract's zero-config row besides isActive():
// isTransactionActive(), inTransaction(), isInTransaction() and hasActiveTransaction(). Each guards a
// rollback in finally (clean: without the query the exception path would look open) and each type
// still reports a real leak.
package cases.homegrown;

public class HomegrownQueryCases {

  static class Session {
    void begin() {}

    void commit() {}

    void rollback() {}

    boolean isTransactionActive() {
      return false;
    }
  }

  static class Conn {
    void beginTransaction() {}

    void commit() {}

    void rollback() {}

    boolean inTransaction() {
      return false;
    }
  }

  static class Unit {
    void startTransaction() {}

    void commit() {}

    void rollback() {}

    boolean isInTransaction() {
      return false;
    }
  }

  static class Store {
    void begin() {}

    void commit() {}

    void rollback() {}

    boolean hasActiveTransaction() {
      return false;
    }
  }

  interface Dao {
    void save(Object o);
  }

  private final Session session;
  private final Conn conn;
  private final Unit unit;
  private final Store store;
  private final Dao dao;

  public HomegrownQueryCases(Session session, Conn conn, Unit unit, Store store, Dao dao) {
    this.session = session;
    this.conn = conn;
    this.unit = unit;
    this.store = store;
    this.dao = dao;
  }

  public void isTransactionActiveGuardInFinallyIsClean(Object o) {
    session.begin();
    try {
      dao.save(o);
      session.commit();
    } finally {
      if (session.isTransactionActive()) {
        session.rollback();
      }
    }
  }

  public void inTransactionGuardInFinallyIsClean(Object o) {
    conn.beginTransaction();
    try {
      dao.save(o);
      conn.commit();
    } finally {
      if (conn.inTransaction()) {
        conn.rollback();
      }
    }
  }

  public void isInTransactionGuardInFinallyIsClean(Object o) {
    unit.startTransaction();
    try {
      dao.save(o);
      unit.commit();
    } finally {
      if (unit.isInTransaction()) {
        unit.rollback();
      }
    }
  }

  public void hasActiveTransactionGuardInFinallyIsClean(Object o) {
    store.begin();
    try {
      dao.save(o);
      store.commit();
    } finally {
      if (store.hasActiveTransaction()) {
        store.rollback();
      }
    }
  }

  /** The guard is inverted: on the exception path the transaction is active, so nothing rolls it back. */
  public void invertedGuardLeaks(Object o) {
    session.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      dao.save(o);
      session.commit();
    } finally {
      if (!session.isTransactionActive()) {
        session.rollback();
      }
    }
  }

  public void earlyReturnLeaks(Object o) {
    store.begin();
    if (o == null) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.save(o);
    store.commit();
  }
}
