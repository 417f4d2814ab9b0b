package cases.blind;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.resource.transaction.spi.TransactionStatus;

/**
 * Guards written through same-file query wrappers (a JPA/Hibernate/JTA DAO in the style of
 * generic "BaseDao" classes): static and instance wrappers, a null-safe wrapper, negations at
 * the call site, wrappers of wrappers (three levels), and JTA / Hibernate status helpers that
 * accept only the active status (incomplete) or also the rollback-only status (complete).
 *
 * Readings used: a call of a query wrapper is used in conditions like the query itself and is
 * not a throwing point (the JTA wrappers declare SystemException only because getStatus() does).
 * Every method that begins here also commits on some path from that begin, so it is responsible
 * (rule 1) even where the object is a field.
 */
public class BlindR3GuardHelperCases {

  private EntityManager em;
  private UserTransaction ut;
  private SessionFactory sessionFactory;
  private RuntimeException lastError;

  // ---------------------------------------------------------------- query wrappers

  static boolean isActive(EntityManager em) {
    return em.getTransaction().isActive();
  }

  static boolean needsRollback(EntityManager em) {
    return isActive(em);
  }

  static boolean shouldRollback(EntityManager em) {
    return needsRollback(em);
  }

  static boolean txActive(EntityTransaction tx) {
    return tx != null && tx.isActive();
  }

  boolean inTx() {
    return em.getTransaction().isActive();
  }

  /** Complete: counts STATUS_MARKED_ROLLBACK as open. */
  static boolean jtaOpen(UserTransaction ut) throws SystemException {
    return ut.getStatus() != Status.STATUS_NO_TRANSACTION;
  }

  /** Incomplete: false for a rollback-only transaction. */
  static boolean jtaActive(UserTransaction ut) throws SystemException {
    return ut.getStatus() == Status.STATUS_ACTIVE;
  }

  /** Complete. */
  static boolean canRollback(Transaction tx) {
    return tx.getStatus().canRollback();
  }

  /** Complete. */
  static boolean activeOrMarked(Transaction tx) {
    return tx.getStatus() == TransactionStatus.ACTIVE
        || tx.getStatus() == TransactionStatus.MARKED_ROLLBACK;
  }

  /** Incomplete: false for MARKED_ROLLBACK. */
  static boolean running(Transaction tx) {
    return tx.getStatus() == TransactionStatus.ACTIVE;
  }

  // ---------------------------------------------------------------- JPA

  public void staticHelperInFinallyIsClean(Object entity) {
    em.getTransaction().begin();
    try {
      em.persist(entity);
      em.getTransaction().commit();
    } finally {
      if (isActive(em)) {
        em.getTransaction().rollback();
      }
    }
  }

  public void negatedHelperInCatchIsClean(Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      em.merge(entity);
      tx.commit();
    } catch (RuntimeException e) {
      if (!isActive(em)) {
        throw e;
      }
      tx.rollback();
      throw e;
    }
  }

  public void invertedHelperInCatchLeaks(Object entity) {
    em.getTransaction().begin();
    try {
      em.persist(entity);
      em.getTransaction().commit();
    } catch (RuntimeException e) {
      if (!needsRollback(em)) {
        em.getTransaction().rollback();
      }
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw e;
    }
  }

  public void threeLevelWrapperInCatchIsClean(Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      em.persist(entity);
      em.flush();
      tx.commit();
    } catch (RuntimeException e) {
      if (shouldRollback(em)) {
        tx.rollback();
      }
      throw e;
    }
  }

  public void joinOrBeginIsClean(Object entity) {
    boolean owner = !inTx();
    if (owner) {
      em.getTransaction().begin();
    }
    try {
      em.persist(entity);
      if (owner) {
        em.getTransaction().commit();
      }
    } catch (RuntimeException e) {
      if (owner && inTx()) {
        em.getTransaction().rollback();
      }
      throw e;
    }
  }

  public void joinOrBeginLeaks(Object entity, boolean flushOnly) {
    boolean owner = !inTx();
    if (owner) {
      em.getTransaction().begin();
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    em.persist(entity);
    if (flushOnly) {
      em.flush();
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    if (owner) {
      em.getTransaction().commit();
    }
  }

  public void instanceHelperRightAfterBeginIsClean(Object entity) {
    em.getTransaction().begin();
    if (!inTx()) {
      return;
    }
    try {
      em.persist(entity);
      em.getTransaction().commit();
    } catch (RuntimeException e) {
      if (inTx()) {
        em.getTransaction().rollback();
      }
      throw e;
    }
  }

  public void nullSafeHelperInFinallyIsClean(Object entity) {
    EntityTransaction tx = null;
    try {
      tx = em.getTransaction();
      tx.begin();
      em.persist(entity);
      tx.commit();
    } finally {
      if (txActive(tx)) {
        tx.rollback();
      }
    }
  }

  public void nullSafeHelperOwnEntityManagerIsClean(EntityManagerFactory emf, Object entity) {
    EntityManager own = emf.createEntityManager();
    EntityTransaction tx = own.getTransaction();
    try {
      tx.begin();
      own.persist(entity);
      tx.commit();
    } finally {
      if (txActive(tx)) {
        tx.rollback();
      }
      own.close();
    }
  }

  public void nullSafeHelperOnlyForPersistenceExceptionLeaks(Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(entity);
      tx.commit();
    } catch (PersistenceException e) {
      if (txActive(tx)) {
        tx.rollback();
      }
      throw e;
    }
  }

  public String tryPersistLeaks(Object entity) {
    em.getTransaction().begin();
    try {
      em.persist(entity);
      em.getTransaction().commit();
      return "ok";
    } catch (RuntimeException e) {
      lastError = e;
      if (isActive(em)) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return "retry";
      }
      return "failed";
    }
  }

  public int importBatchLeaks(List<Object> batch) {
    if (isActive(em)) {
      return 0;
    }
    em.getTransaction().begin();
    int n = 0;
    for (Object o : batch) {
      if (o == null) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return n;
      }
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(o);
      n++;
    }
    em.getTransaction().commit();
    return n;
  }

  // ---------------------------------------------------------------- JTA

  public void jtaCompleteHelperInFinallyIsClean(Object entity) throws Exception {
    ut.begin();
    try {
      em.persist(entity);
      ut.commit();
    } finally {
      if (jtaOpen(ut)) {
        ut.rollback();
      }
    }
  }

  public void jtaIncompleteHelperInFinallyLeaks(Object entity) throws Exception {
    ut.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(entity);
      ut.commit();
    } finally {
      if (jtaActive(ut)) {
        ut.rollback();
      }
    }
  }

  // ---------------------------------------------------------------- Hibernate

  public void hibernateCanRollbackHelperInCatchIsClean(Object entity) {
    Session session = sessionFactory.getCurrentSession();
    Transaction tx = session.beginTransaction();
    try {
      session.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      if (canRollback(tx)) {
        tx.rollback();
      }
      throw e;
    }
  }

  public void hibernateActiveOrMarkedHelperInFinallyIsClean(Object entity) {
    Session session = sessionFactory.getCurrentSession();
    Transaction tx = session.beginTransaction();
    try {
      session.merge(entity);
      tx.commit();
    } finally {
      if (activeOrMarked(tx)) {
        tx.rollback();
      }
    }
  }

  public void hibernateActiveOnlyHelperInCatchLeaks(Object entity) {
    Session session = sessionFactory.getCurrentSession();
    Transaction tx = session.beginTransaction();
    try {
      session.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      if (running(tx)) {
        tx.rollback();
      }
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw e;
    }
  }
}
