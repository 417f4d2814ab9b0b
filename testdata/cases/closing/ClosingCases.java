// Covers: closing the object (semantics version 2, "Closing the object"). A JDBC Connection.close()
// or a Hibernate Session/StatelessSession.close() ends the transaction for the two default rules;
// a path that only such a close ends is a TransactionEndedByClose finding, at the close (off by
// default; these tests turn it on). Also: try-with-resources on a Connection or Session, a
// library or interface method named close/release (settled detail 7: the object's own close()),
// a same-file closer (a static closeQuietly, or a home-grown type whose close() closes its JDBC
// connection), a restored auto-commit before the close (settled detail 8), EntityManager.close()
// (no end), a home-grown close() whose body is not visible or closes nothing (no end), and the
// table's own close ends (MyBatis), which are ordinary ends.
package cases.closing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;

public class ClosingCases {
  private final DataSource ds;
  private final SessionFactory sf;
  private final EntityManagerFactory emf;
  private final SqlSessionFactory factory;
  private final Pool pool;

  public ClosingCases(DataSource ds, SessionFactory sf, EntityManagerFactory emf, SqlSessionFactory factory, Pool pool) {
    this.ds = ds;
    this.sf = sf;
    this.emf = emf;
    this.factory = factory;
    this.pool = pool;
  }

  /** A pool interface of the module: its methods have no body, so their names decide. */
  interface Pool {
    void releaseConnection(Connection c);

    void rollbackAndRelease(Connection c);
  }

  /** A home-grown unit of work whose close() closes the JDBC connection it wraps: a closer. */
  static final class Db implements AutoCloseable {
    private final Connection conn;

    Db(Connection conn) {
      this.conn = conn;
    }

    void begin() throws SQLException {
      conn.setAutoCommit(false);
    }

    void commit() throws SQLException {
      conn.commit();
    }

    void rollback() throws SQLException {
      conn.rollback();
    }

    void save(String sql) throws SQLException {
      try (Statement st = conn.createStatement()) {
        st.executeUpdate(sql);
      }
    }

    @Override
    public void close() throws SQLException {
      conn.close();
    }
  }

  /** A home-grown type whose close() is empty: closing it ends nothing. */
  static final class Scratch implements AutoCloseable {
    void begin() {}

    void commit() {}

    void rollback() {}

    @Override
    public void close() {}
  }

  /** A home-grown type known only by its interface: its close() has no visible body and ends nothing. */
  interface Store extends AutoCloseable {
    void begin();

    void commit();

    void rollback();

    @Override
    void close();
  }

  static void closeQuietly(Connection c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (SQLException e) {
      // nothing to do
    }
  }

  static void work() {}

  // ---- JDBC ----

  public boolean jdbcEarlyReturnClosedInFinallyEndedByClose(boolean bad) throws SQLException {
    Connection conn = ds.getConnection();
    try {
      conn.setAutoCommit(false);
      work();
      if (bad) {
        return false;
      }
      conn.commit();
      return true;
    } catch (SQLException e) {
      conn.rollback();
      throw e;
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      conn.close();
    }
  }

  public void jdbcCommitRollbackCloseIsClean(String sql) throws SQLException {
    Connection conn = ds.getConnection();
    try {
      conn.setAutoCommit(false);
      try (Statement st = conn.createStatement()) {
        st.executeUpdate(sql);
      }
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    } finally {
      conn.close();
    }
  }

  public void jdbcTryWithResourcesWithoutCommitEndedByClose(String sql) throws SQLException {
    // BUG: Diagnostic contains: [TransactionEndedByClose]
    try (Connection conn = ds.getConnection()) {
      conn.setAutoCommit(false);
      try (Statement st = conn.createStatement()) {
        st.executeUpdate(sql);
      }
    }
  }

  public void autoCommitRestoredBeforeCloseIsSilent(String sql) throws SQLException {
    Connection conn = ds.getConnection();
    boolean original = conn.getAutoCommit();
    try {
      conn.setAutoCommit(false);
      try (Statement st = conn.createStatement()) {
        st.executeUpdate(sql);
      }
      conn.commit();
    } finally {
      conn.setAutoCommit(original);
      conn.close();
    }
  }

  public void literalFalseDirectlyBeforeCloseEndedByClose() throws SQLException {
    Connection conn = ds.getConnection();
    conn.setAutoCommit(false);
    // BUG: Diagnostic contains: [TransactionEndedByClose]
    conn.close();
  }

  public void interfaceReleaseEndedByClose(boolean bad) throws SQLException {
    Connection conn = ds.getConnection();
    try {
      conn.setAutoCommit(false);
      if (bad) {
        return;
      }
      conn.commit();
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      pool.releaseConnection(conn);
    }
  }

  public void interfaceRollbackAndReleaseIsAnEndIsClean() throws SQLException {
    Connection conn = ds.getConnection();
    try {
      conn.setAutoCommit(false);
      work();
      conn.commit();
    } finally {
      pool.rollbackAndRelease(conn);
    }
  }

  public void sameFileCloserEndedByClose(boolean bad) throws SQLException {
    Connection conn = ds.getConnection();
    try {
      conn.setAutoCommit(false);
      if (bad) {
        return;
      }
      conn.commit();
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      closeQuietly(conn);
    }
  }

  // ---- home-grown ----

  public void homeGrownCloserEndedByClose(String sql, boolean bad) throws SQLException {
    Db db = new Db(ds.getConnection());
    db.begin();
    try {
      db.save(sql);
      if (bad) {
        return;
      }
      db.commit();
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      db.close();
    }
  }

  public void homeGrownCloserCommittedIsClean(String sql) throws SQLException {
    Db db = new Db(ds.getConnection());
    db.begin();
    try {
      db.save(sql);
      db.commit();
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.close();
    }
  }

  public void homeGrownEmptyCloseLeaks(boolean bad) {
    Scratch s = new Scratch();
    s.begin();
    try {
      if (bad) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      s.commit();
    } finally {
      s.close();
    }
  }

  public void homeGrownInvisibleCloseLeaks(Store store, boolean bad) {
    store.begin();
    try {
      if (bad) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      store.commit();
    } finally {
      store.close();
    }
  }

  // ---- Hibernate ----

  public void hibernateSessionClosedInFinallyEndedByClose(Object entity, boolean bad) {
    Session session = sf.openSession();
    Transaction tx = session.beginTransaction();
    try {
      session.persist(entity);
      if (bad) {
        return;
      }
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      session.close();
    }
  }

  public void hibernateSessionCommittedOrRolledBackIsClean(Object entity) {
    Session session = sf.openSession();
    Transaction tx = session.beginTransaction();
    try {
      session.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    } finally {
      session.close();
    }
  }

  public void statelessSessionEndedByClose(Object entity) {
    StatelessSession session = sf.openStatelessSession();
    try {
      Transaction tx = session.beginTransaction();
      session.insert(entity);
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      session.close();
    }
  }

  @SuppressWarnings("TransactionEndedByClose")
  public void suppressedByNameIsSilent(Object entity) {
    Session session = sf.openSession();
    try {
      session.beginTransaction();
      session.persist(entity);
    } finally {
      session.close();
    }
  }

  // ---- JPA: EntityManager.close() is no end ----

  public void entityManagerCloseIsNoEndLeaks(Object entity, boolean bad) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      em.persist(entity);
      if (bad) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      em.getTransaction().commit();
    } catch (RuntimeException e) {
      em.getTransaction().rollback();
      throw e;
    } finally {
      em.close();
    }
  }

  // ---- the table's own close ends: ordinary ends ----

  public void myBatisCloseIsAnOrdinaryEndIsClean(Object row, boolean bad) {
    SqlSession s = factory.openSession();
    try {
      s.insert("rows.insert", row);
      if (bad) {
        return;
      }
      s.commit();
    } finally {
      s.close();
    }
  }
}
