package cases.blind;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.resource.transaction.spi.TransactionStatus;

/**
 * Closing rules: Connection.close() and Session.close() end the transaction for the two default
 * rules and are reported by [TransactionEndedByClose] at the close; EntityManager.close() does
 * not end; a home-grown close() ends only when its visible body closes the connection. JDBC
 * auto-commit: literal false begins, literal true ends, a non-constant argument begins nothing
 * but ends an active transaction (settled detail 8).
 */
public class BlindCloseRuleCases {
  private final DataSource dataSource;
  private final SessionFactory sessionFactory;
  private final EntityManagerFactory emf;

  public BlindCloseRuleCases(DataSource ds, SessionFactory sf, EntityManagerFactory emf) {
    this.dataSource = ds;
    this.sessionFactory = sf;
    this.emf = emf;
  }

  /** Home-grown unit of work whose close() closes the underlying connection: a closer. */
  static final class JdbcUnit implements AutoCloseable {
    private final Connection conn;

    JdbcUnit(Connection conn) {
      this.conn = conn;
    }

    void begin() {
      try {
        conn.setAutoCommit(false);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    void commit() {
      try {
        conn.commit();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    void rollback() {
      try {
        conn.rollback();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    void update(String sql) {
      try (PreparedStatement ps = conn.prepareStatement(sql)) {
        ps.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      try {
        conn.close();
      } catch (SQLException e) {
        // ignored
      }
    }
  }

  /** Home-grown pooled unit whose close() only marks it free: not a closer. */
  static final class PooledUnit implements AutoCloseable {
    private boolean inUse = true;
    private int depth;

    void begin() {
      depth++;
    }

    void commit() {
      depth = 0;
    }

    void rollback() {
      depth = 0;
    }

    void update(String sql) {
      if (sql.isEmpty()) {
        throw new IllegalArgumentException("empty statement");
      }
    }

    @Override
    public void close() {
      inUse = false;
    }
  }

  void jdbcFinallyCloseEndedByClose(String sql) throws SQLException {
    Connection conn = dataSource.getConnection();
    try {
      conn.setAutoCommit(false);
      execute(conn, sql);
      conn.commit();
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      conn.close();
    }
  }

  void jdbcTryWithResourcesEndedByClose(String sql) throws SQLException {
    // BUG: Diagnostic contains: [TransactionEndedByClose]
    try (Connection conn = dataSource.getConnection()) {
      conn.setAutoCommit(false);
      execute(conn, sql);
      conn.commit();
    }
  }

  void jdbcRollbackThenCloseIsClean(String sql) throws SQLException {
    try (Connection conn = dataSource.getConnection()) {
      conn.setAutoCommit(false);
      try {
        execute(conn, sql);
        conn.commit();
      } catch (SQLException | RuntimeException e) {
        conn.rollback();
        throw e;
      }
    }
  }

  void jdbcCloseQuietlyEndedByClose(String sql) throws SQLException {
    Connection conn = dataSource.getConnection();
    try {
      conn.setAutoCommit(false);
      execute(conn, sql);
      conn.commit();
    } finally {
      // a same-file closer
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      closeQuietly(conn);
    }
  }

  void jdbcResetAutoCommitFalseThenCloseEndedByClose(String ddl) throws SQLException {
    Connection conn = dataSource.getConnection();
    try {
      conn.setAutoCommit(true);
      execute(conn, ddl);
    } finally {
      // a literal setAutoCommit(false) directly followed by the close ends by close
      conn.setAutoCommit(false);
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      conn.close();
    }
  }

  void setAutoCommitTrueInFinallyIsClean(Connection conn, String sql) throws SQLException {
    conn.setAutoCommit(false);
    try {
      execute(conn, sql);
      execute(conn, sql + " -- again");
    } finally {
      // setAutoCommit(true) commits
      conn.setAutoCommit(true);
    }
  }

  void restoreOriginalAutoCommitIsClean(Connection conn, String sql) throws SQLException {
    boolean original = conn.getAutoCommit();
    conn.setAutoCommit(false);
    try {
      execute(conn, sql);
      conn.commit();
    } catch (SQLException e) {
      conn.rollback();
      throw e;
    } finally {
      // settled detail 8: a non-constant setAutoCommit(x) ends an active transaction
      conn.setAutoCommit(original);
    }
  }

  void nonConstantAutoCommitIsNoBeginIsClean(Connection conn, boolean autoCommit, String sql)
      throws SQLException {
    // a non-constant argument begins nothing
    conn.setAutoCommit(autoCommit);
    execute(conn, sql);
  }

  void hibernateFinallyCloseEndedByClose(Object entity) {
    Session session = sessionFactory.openSession();
    try {
      Transaction tx = session.beginTransaction();
      session.persist(entity);
      tx.commit();
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      session.close();
    }
  }

  void hibernateRollbackThenCloseIsClean(Object entity) {
    Session session = sessionFactory.openSession();
    Transaction tx = null;
    try {
      tx = session.beginTransaction();
      session.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      if (tx != null && tx.isActive()) {
        tx.rollback();
      }
      throw e;
    } finally {
      session.close();
    }
  }

  void hibernateTryWithResourcesEndedByClose(Object entity) {
    // BUG: Diagnostic contains: [TransactionEndedByClose]
    try (Session session = sessionFactory.openSession()) {
      session.beginTransaction();
      session.persist(entity);
      session.getTransaction().commit();
    }
  }

  void hibernateActiveOnlyGuardThenCloseEndedByClose(Object entity) {
    Session session = sessionFactory.openSession();
    Transaction tx = session.beginTransaction();
    try {
      session.persist(entity);
      tx.commit();
    } finally {
      // on the exceptional path the status may be MARKED_ROLLBACK: only the close ends it
      if (tx.getStatus() == TransactionStatus.ACTIVE) {
        tx.rollback();
      }
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      session.close();
    }
  }

  void entityManagerCloseDoesNotEndLeaks(Object entity) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(entity);
      em.getTransaction().commit();
    } finally {
      em.close();
    }
  }

  void entityManagerTryWithResourcesLeaks(Object entity) {
    try (EntityManager em = emf.createEntityManager()) {
      em.getTransaction().begin();
      // EntityManager.close() does not end a resource-local transaction
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(entity);
      em.getTransaction().commit();
    }
  }

  void homeGrownCloserEndedByClose(String sql) throws SQLException {
    JdbcUnit unit = new JdbcUnit(dataSource.getConnection());
    try {
      unit.begin();
      unit.update(sql);
      unit.commit();
    } finally {
      // JdbcUnit.close() closes the underlying connection: a closer
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      unit.close();
    }
  }

  void homeGrownNonCloserLeaks(PooledUnit unit, String sql) {
    try {
      unit.begin();
      // PooledUnit.close() closes nothing: the transaction stays open
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      unit.update(sql);
      unit.commit();
    } finally {
      unit.close();
    }
  }

  static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // ignored
      }
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeUpdate();
    }
  }
}
