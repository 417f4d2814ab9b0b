package cases.blind;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.bson.Document;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Failure flags and rethrow idioms: a Throwable failure local decided in finally, ok/committed
 * booleans set before or after the commit, flags reassigned (or not) per loop iteration, a
 * narrower catch that unknown unchecked exceptions pass, Hibernate's TransactionUtil.doInJPA
 * shape, Spring's PlatformTransactionManager with an ok flag, and wrap-and-rethrow.
 *
 * Readings used: module helpers such as {@link #log} called from a catch are not throwing points
 * (they declare no checked exception); an end call that throws has still ended the transaction.
 */
public class BlindR3FailureFlagCases {

  private static final String DEBIT = "update account set balance = balance - ? where id = ?";
  private static final String CREDIT = "update account set balance = balance + ? where id = ?";
  private static final String RENAME = "update account set name = ? where id = ?";

  private DataSource ds;
  private EntityManager em;
  private EntityManagerFactory emf;
  private PlatformTransactionManager txManager;
  private RowDao dao;

  /** Home-grown DAO without any transaction methods. */
  static final class RowDao {
    void upsert(Object[] row) {
      if (row.length == 0) {
        throw new IllegalArgumentException("empty row");
      }
    }
  }

  static void log(String message, Throwable t) {
    System.err.println(message + ": " + t);
  }

  static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // nothing more to do
    }
  }

  // ---------------------------------------------------------------- Throwable failure local

  public void transferIsClean(long from, long to, long cents) throws SQLException {
    Connection c = ds.getConnection();
    Throwable failure = null;
    try {
      c.setAutoCommit(false);
      try (PreparedStatement debit = c.prepareStatement(DEBIT)) {
        debit.setLong(1, cents);
        debit.setLong(2, from);
        debit.executeUpdate();
      }
      try (PreparedStatement credit = c.prepareStatement(CREDIT)) {
        credit.setLong(1, cents);
        credit.setLong(2, to);
        credit.executeUpdate();
      }
    } catch (SQLException | RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      if (failure != null) {
        c.rollback();
      } else {
        c.commit();
      }
      c.close();
    }
  }

  public void narrowCatchFailureFlagLeaks(Object entity) {
    EntityTransaction tx = em.getTransaction();
    Exception failure = null;
    tx.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(entity);
      tx.commit();
    } catch (PersistenceException e) {
      failure = e;
      throw e;
    } finally {
      if (failure != null && tx.isActive()) {
        tx.rollback();
      }
    }
  }

  public boolean failureSwallowedThenReturnLeaks(Object entity) {
    EntityTransaction tx = em.getTransaction();
    RuntimeException failure = null;
    tx.begin();
    try {
      em.persist(entity);
    } catch (RuntimeException e) {
      failure = e;
    }
    if (failure == null) {
      tx.commit();
      return true;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
    return false;
  }

  // ---------------------------------------------------------------- ok / committed flags

  public void okFlagSetAfterCommitIsClean(Object entity) {
    EntityTransaction tx = em.getTransaction();
    boolean ok = false;
    tx.begin();
    try {
      em.persist(entity);
      em.flush();
      tx.commit();
      ok = true;
    } finally {
      if (!ok) {
        tx.rollback();
      }
    }
  }

  public void committedFlagSetJustBeforeCommitIsClean(Object entity) {
    EntityTransaction tx = em.getTransaction();
    boolean committed = false;
    tx.begin();
    try {
      em.persist(entity);
      committed = true;
      tx.commit();
    } finally {
      if (!committed) {
        tx.rollback();
      }
    }
  }

  public void committedFlagSetBeforeLastWriteLeaks(Object order, Object auditEntry) {
    EntityTransaction tx = em.getTransaction();
    boolean committed = false;
    tx.begin();
    try {
      em.persist(order);
      committed = true;
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(auditEntry);
      tx.commit();
    } finally {
      if (!committed) {
        tx.rollback();
      }
    }
  }

  // ---------------------------------------------------------------- flags in loops

  public void loopFlagResetEachIterationIsClean(List<Object> items) {
    EntityTransaction tx = em.getTransaction();
    boolean ok;
    for (Object item : items) {
      ok = false;
      tx.begin();
      try {
        em.persist(item);
        tx.commit();
        ok = true;
      } finally {
        if (!ok) {
          tx.rollback();
        }
      }
    }
  }

  public void loopFlagNeverResetLeaks(List<Object> items) {
    EntityTransaction tx = em.getTransaction();
    boolean ok = false;
    for (Object item : items) {
      tx.begin();
      try {
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        em.persist(item);
        tx.commit();
        ok = true;
      } finally {
        if (!ok) {
          tx.rollback();
        }
      }
    }
  }

  public void lazyBeginFlagIsClean(List<Object> items) {
    EntityTransaction tx = em.getTransaction();
    boolean begun = false;
    try {
      for (Object item : items) {
        if (item == null) {
          continue;
        }
        if (!begun) {
          tx.begin();
          begun = true;
        }
        em.persist(item);
      }
      if (begun) {
        tx.commit();
      }
    } catch (RuntimeException e) {
      if (begun) {
        tx.rollback();
      }
      throw e;
    }
  }

  // ---------------------------------------------------------------- Hibernate TransactionUtil.doInJPA

  public void doInJpaIsClean(Consumer<EntityManager> work) {
    EntityManager entityManager = null;
    EntityTransaction txn = null;
    try {
      entityManager = emf.createEntityManager();
      txn = entityManager.getTransaction();
      txn.begin();
      work.accept(entityManager);
      if (!txn.getRollbackOnly()) {
        txn.commit();
      } else {
        try {
          txn.rollback();
        } catch (Exception e) {
          log("rollback failure", e);
        }
      }
    } catch (Throwable t) {
      if (txn != null && txn.isActive()) {
        try {
          txn.rollback();
        } catch (Exception e) {
          log("rollback failure", e);
        }
      }
      throw t;
    } finally {
      if (entityManager != null) {
        entityManager.close();
      }
    }
  }

  public void doInJpaRollbackOnlyLeaks(Consumer<EntityManager> work) {
    EntityManager entityManager = null;
    EntityTransaction txn = null;
    try {
      entityManager = emf.createEntityManager();
      txn = entityManager.getTransaction();
      txn.begin();
      work.accept(entityManager);
      if (!txn.getRollbackOnly()) {
        txn.commit();
      }
    } catch (Throwable t) {
      if (txn != null && txn.isActive()) {
        try {
          txn.rollback();
        } catch (Exception e) {
          log("rollback failure", e);
        }
      }
      throw t;
    } finally {
      if (entityManager != null) {
        entityManager.close();
      }
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  // ---------------------------------------------------------------- Spring PlatformTransactionManager

  public void springOkFlagIsClean(List<Object[]> rows) {
    TransactionStatus status = txManager.getTransaction(new DefaultTransactionDefinition());
    boolean ok = false;
    try {
      for (Object[] row : rows) {
        dao.upsert(row);
      }
      ok = true;
    } finally {
      if (ok) {
        txManager.commit(status);
      } else {
        txManager.rollback(status);
      }
    }
  }

  public void springDryRunLeaks(List<Object[]> rows, boolean dryRun) {
    TransactionStatus status = txManager.getTransaction(new DefaultTransactionDefinition());
    boolean ok = false;
    try {
      for (Object[] row : rows) {
        dao.upsert(row);
      }
      ok = true;
    } finally {
      if (!ok) {
        txManager.rollback(status);
      }
    }
    if (dryRun) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    txManager.commit(status);
  }

  // ---------------------------------------------------------------- wrap and rethrow

  public void renameWrapAndRethrowIsClean(Connection c, long id, String name) throws SQLException {
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(RENAME)) {
      ps.setString(1, name);
      ps.setLong(2, id);
      ps.executeUpdate();
      c.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c);
      throw new IllegalStateException("rename failed", e);
    }
  }

  public void renameWrapAndRethrowLeaks(Connection c, long id, String name) throws SQLException {
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(RENAME)) {
      ps.setString(1, name);
      ps.setLong(2, id);
      ps.executeUpdate();
      c.commit();
    } catch (SQLException | RuntimeException e) {
      log("rename failed", e);
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw new IllegalStateException("rename failed", e);
    }
  }

  // ---------------------------------------------------------------- MongoDB

  public void mongoDoneFlagIsClean(
      ClientSession session, MongoCollection<Document> orders, Document order) {
    session.startTransaction();
    boolean done = false;
    try {
      orders.insertOne(session, order);
      session.commitTransaction();
      done = true;
    } finally {
      if (!done && session.hasActiveTransaction()) {
        session.abortTransaction();
      }
    }
  }
}
