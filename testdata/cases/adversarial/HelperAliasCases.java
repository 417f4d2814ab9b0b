// Adversarial: same-file helpers (end wrappers with null checks and isActive guards, a helper that
// ends only conditionally, begin wrappers on fields, helpers that return a begun handle, helpers that
// only use the handle, a same-file helper whose name says "finish" but does not end), aliases,
// em.getTransaction() twice, reassigning the handle variable, `if (tx != null)` after begin, the
// `tx = null; try { tx = begin } catch { if (tx != null) rollback; throw }` idiom, two transactions.
package cases.adversarial;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

public class HelperAliasCases {

  private final EntityTransaction fieldTx;

  public HelperAliasCases(EntityTransaction fieldTx) {
    this.fieldTx = fieldTx;
  }

  static void log(Object o) {}

  static void rollbackQuietly(EntityTransaction tx) {
    if (tx != null && tx.isActive()) {
      tx.rollback();
    }
  }

  static void endQuietly(Transaction tx) {
    if (tx == null) {
      return;
    }
    if (tx.isActive()) {
      tx.rollback();
    }
  }

  static void maybeRollback(EntityTransaction tx, boolean really) {
    if (really) {
      tx.rollback();
    }
  }

  static void finishLater(EntityTransaction tx) {
    log(tx);
  }

  static void audit(EntityTransaction tx) {
    log(tx.isActive());
  }

  static Transaction open(Session s) {
    return s.beginTransaction();
  }

  void beginField() {
    fieldTx.begin();
  }

  void rollbackField() {
    if (fieldTx.isActive()) {
      fieldTx.rollback();
    }
  }

  public void endWrapperInFinallyIsClean(EntityManager em, Object a) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      em.persist(a);
      tx.commit();
    } finally {
      rollbackQuietly(tx);
    }
  }

  public void nullTolerantEndWrapperInFinallyIsClean(SessionFactory sf, Object a) {
    Session s = sf.openSession();
    Transaction tx = null;
    try {
      tx = s.beginTransaction();
      s.persist(a);
      tx.commit();
    } finally {
      endQuietly(tx);
    }
  }

  public void conditionalHelperIsNotEndWrapperLeaks(EntityManager em, Object a) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(a);
      tx.commit();
    } finally {
      maybeRollback(tx, false);
    }
  }

  public void beginWrapperOnFieldThenReturnLeaks(boolean bail) {
    beginField();
    if (bail) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    fieldTx.commit();
  }

  public void beginAndEndWrappersOnFieldIsClean(boolean bail) {
    beginField();
    if (bail) {
      rollbackField();
      return;
    }
    fieldTx.commit();
  }

  public void beginWrapperOnFieldWithCatchIsClean(EntityManager em, Object a) {
    beginField();
    try {
      em.persist(a);
      fieldTx.commit();
    } catch (RuntimeException e) {
      rollbackField();
      throw e;
    }
  }

  public void returnedHandleFromHelperLeaks(SessionFactory sf, Object e) {
    Session s = sf.openSession();
    Transaction tx = open(s);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    s.persist(e);
    tx.commit();
  }

  public void returnedHandleFromHelperIsClean(SessionFactory sf, Object e) {
    Session s = sf.openSession();
    Transaction tx = open(s);
    try {
      s.persist(e);
      tx.commit();
    } catch (RuntimeException ex) {
      tx.rollback();
      throw ex;
    }
  }

  public void useOnlyHelperIsNotHandOffLeaks(EntityManager em, boolean ok) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    audit(tx);
    if (ok) {
      tx.commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void sameFileFinishNamedHelperLeaks(EntityManagerFactory emf) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    finishLater(tx);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void aliasCommitIsClean(EntityManager em, Object a) {
    EntityTransaction tx = em.getTransaction();
    EntityTransaction alias = tx;
    tx.begin();
    try {
      em.persist(a);
      alias.commit();
    } catch (RuntimeException e) {
      alias.rollback();
      throw e;
    }
  }

  public void aliasAssignedAfterBeginLeaks(EntityManager em, boolean ok) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    EntityTransaction alias = tx;
    if (ok) {
      alias.commit();
      return;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void getTransactionTwiceBegunAgainLeaks(EntityManager em) {
    EntityTransaction a = em.getTransaction();
    EntityTransaction b = em.getTransaction();
    a.begin();
    // BUG: Diagnostic contains: [UncommittedTransaction]
    b.begin();
    a.commit();
  }

  public void getTransactionChainIsClean(EntityManager em, Object x) {
    em.getTransaction().begin();
    try {
      em.persist(x);
      em.getTransaction().commit();
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
    }
  }

  public void commitOnOtherEntityManagerLeaks(EntityManager em, EntityManager other, boolean same) {
    em.getTransaction().begin();
    if (same) {
      em.getTransaction().commit();
      return;
    }
    other.getTransaction().commit();
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void reassignedHandleLeaksFirst(SessionFactory sf) {
    Session s1 = sf.openSession();
    Session s2 = sf.openSession();
    Transaction tx = s1.beginTransaction();
    tx = s2.beginTransaction();
    tx.commit();
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void reassignedAfterCommitIsClean(Session s) {
    Transaction tx = s.beginTransaction();
    tx.commit();
    tx = s.beginTransaction();
    tx.rollback();
  }

  public void sessionGetTransactionCommitsSameHandleIsClean(Session s) {
    Transaction tx = s.beginTransaction();
    s.getTransaction().commit();
    if (tx.isActive()) {
      tx.rollback();
    }
  }

  public void nullCheckAfterBeginIsClean(Session s, Object e) {
    Transaction tx = s.beginTransaction();
    if (tx != null) {
      try {
        s.persist(e);
        tx.commit();
      } catch (RuntimeException ex) {
        tx.rollback();
        throw ex;
      }
    }
  }

  public void nullReturnAfterBeginInfeasibleIsClean(Session s) {
    Transaction tx = s.beginTransaction();
    if (tx == null) {
      return;
    }
    tx.commit();
  }

  public void nullInitRollbackInCatchIsClean(SessionFactory sf, Object e) {
    Session s = sf.openSession();
    Transaction tx = null;
    try {
      tx = s.beginTransaction();
      s.persist(e);
      tx.commit();
    } catch (RuntimeException ex) {
      if (tx != null) {
        tx.rollback();
      }
      throw ex;
    } finally {
      s.close();
    }
  }

  public void nullInitJpaMissingRollbackInCatchLeaks(EntityManager em, Object a) {
    EntityTransaction tx = null;
    try {
      tx = em.getTransaction();
      tx.begin();
      em.persist(a);
      tx.commit();
    } catch (RuntimeException ex) {
      if (tx == null) {
        tx.rollback();
      }
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw ex;
    }
  }

  public void twoTransactionsSecondLeaks(EntityManager em, SessionFactory sf, Object a) {
    EntityTransaction jpa = em.getTransaction();
    jpa.begin();
    try {
      em.persist(a);
      jpa.commit();
    } finally {
      if (jpa.isActive()) {
        jpa.rollback();
      }
    }
    Session s = sf.openSession();
    Transaction h = s.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    s.persist(a);
    h.commit();
  }

  public void twoInterleavedOneRolledBackOnlyOnSqlExceptionLeaks(
      EntityManager em, DataSource ds, Object a) throws SQLException {
    Connection c = ds.getConnection();
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      c.setAutoCommit(false);
      c.createStatement().executeUpdate("update t set x = 1");
      em.persist(a);
      c.commit();
      tx.commit();
    } catch (SQLException e) {
      c.rollback();
      tx.rollback();
      throw e;
    } catch (RuntimeException e) {
      tx.rollback();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw e;
    }
  }
}
