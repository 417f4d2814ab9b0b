package cases.blind;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.resource.transaction.spi.TransactionStatus;

/**
 * try/catch/finally shapes: rollback-and-rethrow, narrow catches, isActive guards, committed and
 * failure flags, rollback-only status tests (Hibernate TransactionStatus, JTA Status).
 *
 * <p>Readings: sessions from getCurrentSession(), the field EntityManager and parameters are
 * borrowed; every method here commits on some path (rule 1). An exception caught and rethrown
 * from a catch leaves the method at that throw.
 */
public class BlindTryCatchShapeCases {
  private static final Logger LOG = Logger.getLogger("svc");

  static class ServiceException extends RuntimeException {
    ServiceException(Throwable cause) {
      super(cause);
    }
  }

  private final EntityManagerFactory emf;
  private final EntityManager em;
  private final SessionFactory sessionFactory;
  private final DataSource dataSource;

  public BlindTryCatchShapeCases(
      EntityManagerFactory emf, EntityManager em, SessionFactory sf, DataSource ds) {
    this.emf = emf;
    this.em = em;
    this.sessionFactory = sf;
    this.dataSource = ds;
  }

  void catchLogRollbackRethrowIsClean(Object entity) {
    EntityManager local = emf.createEntityManager();
    EntityTransaction tx = local.getTransaction();
    try {
      tx.begin();
      local.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      // clean-up code that logs before it rolls back is not a leak
      LOG.log(Level.SEVERE, "persist failed", e);
      tx.rollback();
      throw e;
    } finally {
      local.close();
    }
  }

  void narrowCheckedCatchLeaks(Connection c, long from, long to, long cents) throws SQLException {
    c.setAutoCommit(false);
    try {
      // unchecked exceptions pass catch (SQLException)
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      move(c, from, -cents);
      move(c, to, cents);
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    }
  }

  void narrowUncheckedCatchLeaks(Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      // an unchecked exception of unknown type may pass catch (PersistenceException)
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(entity);
      em.flush();
      tx.commit();
    } catch (PersistenceException e) {
      tx.rollback();
      throw e;
    }
  }

  void finallyIsActiveGuardIsClean(Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      em.persist(entity);
      em.flush();
      tx.commit();
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
    }
  }

  void committedFlagIsClean(Object entity) {
    EntityTransaction tx = em.getTransaction();
    boolean committed = false;
    tx.begin();
    try {
      em.persist(entity);
      tx.commit();
      committed = true;
    } finally {
      if (!committed) {
        tx.rollback();
      }
    }
  }

  void committedFlagSetTooEarlyLeaks(Object entity) {
    EntityTransaction tx = em.getTransaction();
    boolean committed = false;
    tx.begin();
    try {
      em.persist(entity);
      committed = true;
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.flush();
      tx.commit();
    } finally {
      if (!committed) {
        tx.rollback();
      }
    }
  }

  void failureFlagIsClean(Object entity) {
    EntityTransaction tx = em.getTransaction();
    RuntimeException failure = null;
    tx.begin();
    try {
      em.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      // a local assigned from a catch parameter is non-null
      if (failure != null) {
        tx.rollback();
      }
    }
  }

  void failureFlagNarrowCatchLeaks(Object entity) {
    EntityTransaction tx = em.getTransaction();
    PersistenceException failure = null;
    tx.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(entity);
      tx.commit();
    } catch (PersistenceException e) {
      failure = e;
      throw e;
    } finally {
      if (failure != null) {
        tx.rollback();
      }
    }
  }

  boolean swallowAndReturnLeaks(Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      em.persist(entity);
      tx.commit();
      return true;
    } catch (RuntimeException e) {
      LOG.warning("could not save: " + e);
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
  }

  void sleepInCatchBeforeRollbackLeaks(Object entity) throws InterruptedException {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      em.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      // inside a catch, declared checked exceptions are still followed
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      Thread.sleep(50);
      tx.rollback();
      throw e;
    }
  }

  void wrapWithoutRollbackLeaks(Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      em.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      LOG.warning("wrapping " + e);
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw new ServiceException(e);
    }
  }

  void hibernateActiveOnlyInCatchLeaks(Object entity) {
    Session session = sessionFactory.getCurrentSession();
    Transaction tx = session.beginTransaction();
    try {
      session.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      // after a failure the transaction may be MARKED_ROLLBACK: this test is not a full guard
      if (tx.getStatus() == TransactionStatus.ACTIVE) {
        tx.rollback();
      }
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw e;
    }
  }

  void hibernateActiveOrMarkedIsClean(Object entity) {
    Session session = sessionFactory.getCurrentSession();
    Transaction tx = session.beginTransaction();
    try {
      session.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      if (tx.getStatus() == TransactionStatus.ACTIVE
          || tx.getStatus() == TransactionStatus.MARKED_ROLLBACK) {
        tx.rollback();
      }
      throw e;
    }
  }

  void hibernateCanRollbackIsClean(Object entity) {
    Session session = sessionFactory.getCurrentSession();
    Transaction tx = session.beginTransaction();
    try {
      session.persist(entity);
      tx.commit();
    } finally {
      if (tx.getStatus().canRollback()) {
        tx.rollback();
      }
    }
  }

  void hibernateActiveOnlyOnNormalPathIsClean(Object entity) {
    Session session = sessionFactory.getCurrentSession();
    Transaction tx = session.beginTransaction();
    try {
      session.persist(entity);
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
    // no exception on this path: an active transaction's status is ACTIVE
    if (tx.getStatus() == TransactionStatus.ACTIVE) {
      tx.commit();
    }
  }

  void jtaActiveOnlyInFinallyLeaks(UserTransaction utx, Runnable work) throws Exception {
    utx.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      work.run();
      utx.commit();
    } finally {
      // STATUS_ACTIVE alone misses STATUS_MARKED_ROLLBACK on the exceptional path
      if (utx.getStatus() == Status.STATUS_ACTIVE) {
        utx.rollback();
      }
    }
  }

  void jtaNoTransactionGuardIsClean(UserTransaction utx, Runnable work) throws Exception {
    utx.begin();
    try {
      work.run();
      utx.commit();
    } finally {
      if (utx.getStatus() != Status.STATUS_NO_TRANSACTION) {
        utx.rollback();
      }
    }
  }

  void jdbcNullReceiverGuardIsClean(long id) throws SQLException {
    Connection conn = null;
    try {
      conn = dataSource.getConnection();
      conn.setAutoCommit(false);
      move(conn, id, 1);
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      // conn is non-null on every path on which setAutoCommit(false) completed
      if (conn != null) {
        conn.rollback();
      }
      throw e;
    } finally {
      if (conn != null) {
        conn.close();
      }
    }
  }

  private static void move(Connection c, long account, long cents) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("update account set balance = balance + ? where id = ?")) {
      ps.setLong(1, cents);
      ps.setLong(2, account);
      ps.executeUpdate();
    }
  }
}
