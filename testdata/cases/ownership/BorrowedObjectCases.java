// Version 2 ownership (semantics.md "Ownership, responsibility and hand-off"): a method is responsible for a
// transaction only when it ends it on a path from that begin, acquired its object (new, a factory of the table, a
// module factory wrapper, try-with-resources) and the object does not escape, or got a fresh handle. A borrowed object
// (a getter's result, a field, a ThreadLocal, a parameter) stays borrowed when copied into a local: such a method is a
// begin wrapper, not a leak. `commit(); begin();` is a begin wrapper too: an end before the begin does not count.
package cases.ownership;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

public class BorrowedObjectCases {
  interface ConnectionHolder {
    Connection getConnection();

    EntityManager entityManager();
  }

  /** A home-grown transactional database (zero-config: begin, commit, rollback). */
  static class Db {
    void begin() {}

    void commit() {}

    void rollback() {}
  }

  private static final ThreadLocal<Connection> CURRENT = new ThreadLocal<>();

  private final DataSource ds;
  private final EntityManagerFactory emf;
  private final SessionFactory sf;
  private final Db db = new Db();
  private Connection conn;

  BorrowedObjectCases(DataSource ds, EntityManagerFactory emf, SessionFactory sf) {
    this.ds = ds;
    this.emf = emf;
    this.sf = sf;
  }

  // ---------------------------------------------------------------- borrowed: begin wrappers, silent

  void borrowedThroughLocalIsSilent(ConnectionHolder h) throws SQLException {
    Connection c = h.getConnection();
    c.setAutoCommit(false);
  }

  void borrowedInlineIsSilent(ConnectionHolder h) throws SQLException {
    h.getConnection().setAutoCommit(false);
  }

  void borrowedFromFieldIsSilent() throws SQLException {
    Connection c = this.conn;
    c.setAutoCommit(false);
  }

  void borrowedFromThreadLocalIsSilent() throws SQLException {
    Connection c = CURRENT.get();
    c.setAutoCommit(false);
    c.createStatement();
  }

  void borrowedEntityManagerIsSilent(ConnectionHolder h) {
    EntityManager em = h.entityManager();
    em.getTransaction().begin();
    em.persist("x");
  }

  void currentSessionIsSilent() {
    Session s = sf.getCurrentSession();
    Transaction tx = s.beginTransaction();
    s.persist("x");
  }

  Connection current() {
    return conn;
  }

  void accessorWrapperIsSilent() throws SQLException {
    Connection c = current();
    c.setAutoCommit(false);
  }

  void acquiredThenStoredIsSilent() throws SQLException {
    Connection c = ds.getConnection();
    this.conn = c;
    c.setAutoCommit(false);
  }

  void checkpointCommitThenBeginIsSilent() {
    db.commit();
    db.begin();
  }

  // ---------------------------------------------------------------- borrowed, but ended on a path: responsible

  void borrowedEndedOnOnePathLeaks(ConnectionHolder h, boolean skip) throws SQLException {
    Connection c = h.getConnection();
    c.setAutoCommit(false);
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    c.commit();
  }

  void checkpointThenCommitOnOnePathLeaks(boolean skip) {
    db.commit();
    db.begin();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    db.commit();
  }

  // ---------------------------------------------------------------- acquired: responsible

  void dataSourceConnectionLeaks() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void driverManagerConnectionLeaks(String url) throws SQLException {
    Connection c = DriverManager.getConnection(url);
    c.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void createdEntityManagerLeaks() {
    EntityManager em = emf.createEntityManager();
    em.getTransaction().begin();
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void openedSessionLeaks() {
    Session s = sf.openSession();
    s.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void newObjectLeaks() {
    Db local = new Db();
    local.begin();
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  private Connection open() throws SQLException {
    return ds.getConnection();
  }

  void factoryWrapperLeaks() throws SQLException {
    Connection c = open();
    c.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void resourceEntityManagerLeaks(ConnectionHolder h) {
    try (EntityManager em = h.entityManager()) {
      em.getTransaction().begin();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void acquiredCopiedLeaks() throws SQLException {
    Connection acquired = ds.getConnection();
    Connection c = acquired;
    c.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void acquiredAndCommittedIsClean() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    try {
      c.createStatement().execute("update t set x = 1");
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }
}
