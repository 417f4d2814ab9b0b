// Covers: a fluent home-grown API (issue 12), `interface Db<T> { Db<T> begin(); Db<T> commit(); Db<T> rollback(); }`.
// The contract's home-grown row: a begin whose result is discarded, or whose returned type is the receiver's own
// type, begins on the receiver; a result assigned to a local is that same object (`Db<T> t = db.begin(); ...
// t.commit()`), and a chain `db.begin().commit()` ends what it began. A begin returning another transactional type
// (`Tx begin()`) whose result is discarded begins on the receiver when the receiver's type declares the ends too.
package cases.homegrown;

public class FluentBeginCases {
  interface Db<T> {
    Db<T> begin();

    Db<T> commit();

    Db<T> rollback();
  }

  interface Dao {
    void save(Object o);
  }

  /** A receiver that declares the ends and whose begin returns a separate handle type. */
  interface Store {
    Tx begin();

    void commit();

    void rollback();
  }

  interface Tx {
    void commit();

    void rollback();
  }

  /** An implementation whose begin is declared to return the interface: still its receiver's own type. */
  abstract static class SqlDb implements Db<String> {}

  private final Db<String> db;
  private final Dao dao;
  private final Store store;
  private final SqlDb sqlDb;

  FluentBeginCases(Db<String> db, Dao dao, Store store, SqlDb sqlDb) {
    this.db = db;
    this.dao = dao;
    this.store = store;
    this.sqlDb = sqlDb;
  }

  /** The issue's code: the exception leaves with the transaction open. */
  void issueShapeLeaks(Object v) {
    db.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    if (v == null) throw new IllegalStateException();
    db.commit();
  }

  void discardedResultEarlyReturnLeaks(Object v) {
    db.begin();
    if (v == null) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    db.commit();
  }

  void discardedResultRollbackOnFailureIsClean(Object v) {
    db.begin();
    try {
      dao.save(v);
      db.commit();
    } catch (RuntimeException e) {
      db.rollback();
      throw e;
    }
  }

  void resultInALocalEndedThroughTheLocalIsClean(Object v) {
    Db<String> t = db.begin();
    try {
      dao.save(v);
      t.commit();
    } catch (RuntimeException e) {
      t.rollback();
      throw e;
    }
  }

  void resultInALocalEndedThroughTheReceiverIsClean(Object v) {
    Db<String> t = db.begin();
    if (v == null) {
      db.rollback();
      return;
    }
    t.commit();
  }

  void resultInALocalEarlyReturnLeaks(Object v) {
    Db<String> t = db.begin();
    if (v == null) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    t.commit();
  }

  void beginCommitChainIsClean() {
    db.begin().commit();
  }

  void beginCommitChainAfterWorkIsClean(Object v) {
    db.begin();
    try {
      dao.save(v);
    } finally {
      db.commit().rollback();
    }
  }

  void separateHandleDiscardedBeginsOnTheReceiverLeaks(Object v) {
    store.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.save(v);
    store.commit();
  }

  void separateHandleDiscardedIsClean(Object v) {
    store.begin();
    try {
      dao.save(v);
      store.commit();
    } catch (RuntimeException e) {
      store.rollback();
      throw e;
    }
  }

  void separateHandleUsedIsTheHandleIsClean(Object v) {
    Tx tx = store.begin();
    try {
      dao.save(v);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  void separateHandleUsedEarlyReturnLeaks(Object v) {
    Tx tx = store.begin();
    if (v == null) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    tx.commit();
  }

  void subtypeReceiverLeaks(Object v) {
    sqlDb.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.save(v);
    sqlDb.commit();
  }

  void subtypeReceiverIsClean(Object v) {
    Db<String> t = sqlDb.begin();
    try {
      dao.save(v);
      sqlDb.commit();
    } catch (RuntimeException e) {
      t.rollback();
      throw e;
    }
  }

  /** A begin wrapper on the field: it ends nothing, so it is not responsible. */
  void beginWrapperIsSilent() {
    db.begin();
  }
}
