// Covers: JPA (javax.persistence 2.2) EntityTransaction, same protocol as jakarta: early return,
// exception escaping, missing end on a local EntityManager, begun again; clean catch-rollback,
// finally isActive() guard, committed flag, em.getTransaction() as the same handle.
package cases.jpajavax;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

public class JpaJavaxCases {

  interface Auditor {
    void record(Object entity);
  }

  private final EntityManagerFactory emf;
  private final EntityManager em;
  private final Auditor auditor;

  public JpaJavaxCases(EntityManagerFactory emf, EntityManager em, Auditor auditor) {
    this.emf = emf;
    this.em = em;
    this.auditor = auditor;
  }

  public void earlyReturnLeaks(boolean dryRun) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    if (dryRun) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    tx.commit();
  }

  public void exceptionEscapesLeaks(Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    em.merge(entity);
    auditor.record(entity);
    tx.commit();
  }

  public void missingEndLeaks(Object entity) {
    EntityManager local = emf.createEntityManager();
    EntityTransaction tx = local.getTransaction();
    tx.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    local.persist(entity);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void catchRollbackRethrowIsClean(Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      em.merge(entity);
      auditor.record(entity);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  public void finallyIsActiveGuardIsClean(Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      em.persist(entity);
      tx.commit();
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
    }
  }

  public void committedFlagIsClean(Object entity) {
    boolean ok = false;
    em.getTransaction().begin();
    try {
      em.persist(entity);
      em.getTransaction().commit();
      ok = true;
    } finally {
      if (!ok) {
        em.getTransaction().rollback();
      }
    }
  }

  public void finallyWithoutGuardOrEndLeaks(Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(entity);
      tx.commit();
    } finally {
      auditor.record(entity);
    }
  }

  public void begunAgainWhileActive() {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    // BUG: Diagnostic contains: [UncommittedTransaction]
    em.getTransaction().begin();
    tx.commit();
  }

  public int returnValueLeaks(int value) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    if (value < 0) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return -1;
    }
    tx.commit();
    return value;
  }
}
