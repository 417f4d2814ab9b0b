// Adversarial: nested try/catch/finally (3 levels), finally that returns or throws, rethrow as a
// different type, multi-catch, catch of Error/Throwable, try-with-resources with several resources.
package cases.adversarial;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.resource.transaction.spi.TransactionStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionDefinition;

public class NestedTryCases {

  static class StoreException extends Exception {
    StoreException(Throwable cause) {
      super(cause);
    }
  }

  static class WrappedException extends RuntimeException {
    WrappedException(Throwable cause) {
      super(cause);
    }
  }

  interface Work {
    void run();
  }

  interface CheckedWork {
    void run() throws StoreException;
  }

  private final EntityManagerFactory emf;
  private final DataSource ds;
  private final SessionFactory sf;

  public NestedTryCases(EntityManagerFactory emf, DataSource ds, SessionFactory sf) {
    this.emf = emf;
    this.ds = ds;
    this.sf = sf;
  }

  static void log(Object o) {}

  public void threeLevelsRollbackInOuterFinallyIsClean(EntityManager em, Object a, Object b) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      try {
        try {
          em.persist(a);
        } finally {
          log("inner");
        }
        em.persist(b);
      } catch (IllegalStateException e) {
        log(e);
        throw e;
      }
      tx.commit();
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
    }
  }

  public void threeLevelsInnerCatchReturnsLeaks(EntityManager em, Object a) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      try {
        try {
          em.persist(a);
        } catch (IllegalArgumentException e) {
          log(e);
          // BUG: Diagnostic contains: [UncommittedTransaction]
          return;
        }
        em.flush();
      } finally {
        log("mid");
      }
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  public void threeLevelsMiddleFinallyRollsBackIsClean(EntityManager em, Object a) {
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      try {
        try {
          em.persist(a);
        } catch (IllegalArgumentException e) {
          log(e);
          return;
        }
        tx.commit();
      } finally {
        if (tx.isActive()) {
          tx.rollback();
        }
      }
    } finally {
      log("outer");
    }
  }

  public void jdbcCatchOnlySqlExceptionEndedByClose(String sql) throws SQLException {
    Connection c = ds.getConnection();
    try {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.executeUpdate();
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      c.close();
    }
  }

  public void jdbcMultiCatchRollbackIsClean(String sql) throws SQLException {
    Connection c = ds.getConnection();
    try {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.executeUpdate();
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.close();
    }
  }

  public void multiCatchNarrowUncheckedLeaks(EntityManager em, Object a) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(a);
      tx.commit();
    } catch (IllegalArgumentException | IllegalStateException e) {
      tx.rollback();
      throw e;
    }
  }

  public void rethrowWrappedAfterRollbackIsClean(EntityManager em, CheckedWork w)
      throws StoreException {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      w.run();
      tx.commit();
    } catch (StoreException e) {
      tx.rollback();
      throw new WrappedException(e);
    } catch (RuntimeException e) {
      tx.rollback();
      throw new StoreException(e);
    }
  }

  public void rethrowWrappedWithoutRollbackLeaks(EntityManager em, CheckedWork w) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      w.run();
      tx.commit();
    } catch (StoreException | RuntimeException e) {
      log(e);
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw new WrappedException(e);
    }
  }

  public void catchErrorOnlyLeaks(EntityManager em, Work w) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      w.run();
      tx.commit();
    } catch (Error e) {
      tx.rollback();
      throw e;
    }
  }

  public void catchThrowableRollbackIsClean(EntityManager em, Work w) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      w.run();
      tx.commit();
    } catch (Throwable t) {
      tx.rollback();
      throw t;
    }
  }

  public boolean catchThrowableSwallowLeaks(EntityManager em, Work w) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      w.run();
      tx.commit();
      return true;
    } catch (Throwable t) {
      log(t);
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
  }

  public int finallyReturnsSwallowingLeaks(EntityManager em, Work w) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      w.run();
      tx.commit();
    } finally {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return 1;
    }
  }

  public int finallyReturnsAfterGuardIsClean(EntityManager em, Work w) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      w.run();
      tx.commit();
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      return 1;
    }
  }

  public void finallyThrowsWhileActiveLeaks(EntityManager em, Work w) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      w.run();
      tx.commit();
    } finally {
      if (tx.isActive()) {
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        throw new IllegalStateException("still active");
      }
    }
  }

  public void finallyThrowsAfterRollbackIsClean(EntityManager em, Work w) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      w.run();
      tx.commit();
    } finally {
      if (tx.isActive()) {
        tx.rollback();
        throw new IllegalStateException("rolled back");
      }
    }
  }

  public void hibernateActiveOnlyStatusInCatchEndedByClose(Object entity) {
    Session s = sf.openSession();
    Transaction tx = null;
    try {
      tx = s.beginTransaction();
      s.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      if (tx != null && tx.getStatus() == TransactionStatus.ACTIVE) {
        tx.rollback();
      }
      throw e;
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      s.close();
    }
  }

  public void hibernateActiveOrMarkedStatusInCatchIsClean(Object entity) {
    Session s = sf.openSession();
    Transaction tx = null;
    try {
      tx = s.beginTransaction();
      s.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      if (tx != null
          && (tx.getStatus() == TransactionStatus.ACTIVE
              || tx.getStatus() == TransactionStatus.MARKED_ROLLBACK)) {
        tx.rollback();
      }
      throw e;
    } finally {
      s.close();
    }
  }

  public void hibernateNullInitNarrowCatchLeaks(Object entity) {
    Session s = sf.openSession();
    Transaction tx = null;
    try {
      tx = s.beginTransaction();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      s.persist(entity);
      tx.commit();
    } catch (PersistenceException e) {
      if (tx != null) {
        tx.rollback();
      }
      throw e;
    }
  }

  public void twoResourcesInnerCatchRollbackIsClean(String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      c.setAutoCommit(false);
      try {
        ps.executeUpdate();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } finally {
      log("done");
    }
  }

  public void resourcesClosedButNotCommittedEndedByClose(String sql) {
    // BUG: Diagnostic contains: [TransactionEndedByClose]
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      c.setAutoCommit(false);
      ps.executeUpdate();
      c.commit();
    } catch (SQLException e) {
      log(e);
    }
  }

  public void entityManagerResourceCloseDoesNotEndLeaks(Object a) {
    try (EntityManager em = emf.createEntityManager()) {
      em.getTransaction().begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(a);
      em.getTransaction().commit();
    }
  }

  public void closeInFinallyThrowsCheckedLeaks(String sql) throws SQLException {
    Connection c = ds.getConnection();
    PreparedStatement ps = null;
    try {
      c.setAutoCommit(false);
      ps = c.prepareStatement(sql);
      ps.executeUpdate();
      c.commit();
    } finally {
      if (ps != null) {
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        ps.close();
      }
      c.rollback();
    }
  }

  public void springNestedRethrowDifferentTypeIsClean(PlatformTransactionManager tm, Work w)
      throws StoreException {
    var st = tm.getTransaction(new DefaultTransactionDefinition());
    try {
      try {
        w.run();
      } catch (IllegalStateException e) {
        throw new StoreException(e);
      }
      tm.commit(st);
    } catch (StoreException | RuntimeException e) {
      tm.rollback(st);
      throw e;
    }
  }

  public void springWrappedIntoUncaughtCheckedLeaks(PlatformTransactionManager tm, Work w)
      throws StoreException {
    var st = tm.getTransaction(new DefaultTransactionDefinition());
    try {
      try {
        w.run();
      } catch (IllegalStateException e) {
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        throw new StoreException(e);
      }
      tm.commit(st);
    } catch (RuntimeException e) {
      tm.rollback(st);
      throw e;
    }
  }
}
