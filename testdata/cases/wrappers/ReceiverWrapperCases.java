package cases.wrappers;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Begin and end wrappers called on another object: {@code db.beginWork()} begins on {@code db}'s connection field, and
 * {@code db.commitWork()} / {@code db.rollbackWork()} end it. The callee's field slot falls on the caller's receiver
 * (design.md, "Wrappers called on another object"): the begin and the ends called on the same receiver are one
 * transaction. The connection is the wrapper object's, not acquired by the caller: rule 1 decides (the caller is
 * responsible when it ends the transaction on a path from the begin), as for any borrowed object.
 */
public class ReceiverWrapperCases {

  /** A home-grown database helper without begin()/commit()/rollback() names: only its bodies say what it does. */
  static class Db {
    private final Connection conn;

    Db(Connection conn) {
      this.conn = conn;
    }

    void beginWork() throws SQLException {
      conn.setAutoCommit(false);
    }

    void commitWork() throws SQLException {
      conn.commit();
    }

    void rollbackWork() {
      try {
        conn.rollback();
      } catch (SQLException e) {
        // nothing to do
      }
    }

    void close() {
      try {
        conn.close();
      } catch (SQLException e) {
        // nothing to do
      }
    }
  }

  private final Db db;

  ReceiverWrapperCases(Db db) {
    this.db = db;
  }

  void work() {}

  void fieldReceiverEarlyReturnLeaks(boolean skip) throws SQLException {
    db.beginWork();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    work();
    db.commitWork();
  }

  void fieldReceiverRollbackOnFailureIsClean() throws SQLException {
    db.beginWork();
    try {
      work();
      db.commitWork();
    } catch (RuntimeException | SQLException e) {
      db.rollbackWork();
      throw e;
    }
  }

  void committedFlagIsClean() throws SQLException {
    db.beginWork();
    boolean committed = false;
    try {
      work();
      db.commitWork();
      committed = true;
    } finally {
      if (!committed) {
        db.rollbackWork();
      }
    }
  }

  void parameterReceiverLeaks(Db other, boolean skip) throws SQLException {
    other.beginWork();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    other.commitWork();
  }

  void newReceiverLeaks(Connection c) throws SQLException {
    Db local = new Db(c);
    local.beginWork();
    try {
      work();
    } catch (RuntimeException e) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    local.commitWork();
  }

  void beginOnlyIsSilent() throws SQLException {
    db.beginWork(); // a begin wrapper itself: nothing ends it here (rule 1)
  }

  Db returnedReceiverIsSilent(Connection c) throws SQLException {
    Db local = new Db(c);
    local.beginWork();
    try {
      work();
    } catch (RuntimeException e) {
      local.rollbackWork();
      throw e;
    }
    return local; // handed off with the transaction it began on it
  }

  void otherReceiverEndsNothingIsSilent(Db a, Db b) throws SQLException {
    a.beginWork();
    b.commitWork(); // another object: no end of a's transaction, so this method is a begin wrapper of a
  }

  void closedByCloserEndedByClose() throws SQLException {
    db.beginWork();
    try {
      work();
      db.commitWork();
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      db.close();
    }
  }

  /** Wrappers of those wrappers, called on this: the slot is the field db's connection. */
  static class Dao {
    private final Db db;

    Dao(Db db) {
      this.db = db;
    }

    void begin() throws SQLException {
      db.beginWork();
    }

    void commit() throws SQLException {
      db.commitWork();
    }

    void abort() {
      db.rollbackWork();
    }

    void work() {}

    void saveLeaks(boolean skip) throws SQLException {
      begin();
      if (skip) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      commit();
    }

    void saveIsClean() throws SQLException {
      begin();
      try {
        work();
        commit();
      } catch (RuntimeException | SQLException e) {
        abort();
        throw e;
      }
    }
  }

  /** A zero-config transaction type with a begin wrapper of its own: start() begins on this. */
  static class Unit {
    void begin() {}

    void commit() {}

    void rollback() {}

    void start() {
      begin();
    }
  }

  void startOnAnotherObjectLeaks(Unit u, boolean skip) {
    u.start();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    u.commit();
  }

  void startOnAnotherObjectIsClean(Unit u) {
    u.start();
    try {
      work();
      u.commit();
    } catch (RuntimeException e) {
      u.rollback();
      throw e;
    }
  }

  /**
   * A home-grown transaction whose own method registers {@code this} (h2's {@code Transaction.openMap()} keeps the
   * transaction in the map it returns): its implementation, not a hand-off by the caller, which still ends it.
   */
  static class MapTx {
    private final java.util.List<Object> maps = new java.util.ArrayList<>();

    void commit() {}

    void rollback() {}

    Object openMap(String name) {
      Object view = new MapView(this);
      maps.add(view);
      return view;
    }
  }

  static class MapView {
    private final MapTx tx;

    MapView(MapTx tx) {
      this.tx = tx;
    }
  }

  static class MapStore {
    MapTx begin() {
      return new MapTx();
    }
  }

  private final MapStore mapStore = new MapStore();
  private Object dataMap;

  void registeringMethodLeaks() {
    MapTx t = mapStore.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dataMap = t.openMap("data");
    t.commit();
  }

  void registeringMethodIsClean() {
    MapTx t = mapStore.begin();
    try {
      dataMap = t.openMap("data");
      t.commit();
    } catch (RuntimeException e) {
      t.rollback();
      throw e;
    }
  }
}
