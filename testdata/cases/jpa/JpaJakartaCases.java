// Covers: JPA (jakarta.persistence) EntityTransaction. Leaks: early return, missing end on a
// local EntityManager, exception escaping with no catch, narrower catch, begun again while
// active, passing the owner (em) to another method. Clean idioms: catch-rollback-rethrow,
// begin inside try, finally with isActive() guard, em.getTransaction() called repeatedly is the
// same handle, committed flag, isActive() on the normal path, returning/storing the handle,
// commit per loop iteration, commit then begin again.
//
// Reading chosen: an EntityManager obtained from emf.createEntityManager() into a local is a
// local owner, so a method that begins on it and never ends it is responsible (not a begin
// wrapper).
package cases.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.List;

public class JpaJakartaCases {

  interface Repo {
    void fill(EntityManager em);

    void log(String message);
  }

  private final EntityManagerFactory emf;
  private final EntityManager em;
  private final Repo repo;
  private EntityTransaction current;

  public JpaJakartaCases(EntityManagerFactory emf, EntityManager em, Repo repo) {
    this.emf = emf;
    this.em = em;
    this.repo = repo;
  }

  public void earlyReturnLeaks(boolean skip) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    tx.commit();
  }

  public void earlyReturnAfterRollbackIsClean(boolean skip) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    if (skip) {
      tx.rollback();
      return;
    }
    tx.commit();
  }

  public void exceptionEscapesWithoutCatchLeaks(Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    em.persist(entity);
    tx.commit();
  }

  public void missingEndOnLocalEntityManagerLeaks(Object entity) {
    EntityManager local = emf.createEntityManager();
    local.getTransaction().begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    local.persist(entity);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void closingTheEntityManagerEndsNothingLeaks() {
    EntityManager local = emf.createEntityManager();
    local.getTransaction().begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    local.close();
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void tryCatchRollbackRethrowIsClean(Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      em.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  public void beginInsideTryIsClean(Object entity) {
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      em.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  public void finallyIsActiveGuardIsClean(Object entity) {
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      em.persist(entity);
      em.flush();
      tx.commit();
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
    }
  }

  public void getTransactionTwiceIsTheSameHandleIsClean(Object entity) {
    em.getTransaction().begin();
    try {
      em.persist(entity);
      em.getTransaction().commit();
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
    }
  }

  public void getTransactionTwiceEarlyReturnLeaks(boolean skip) {
    em.getTransaction().begin();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    em.getTransaction().commit();
  }

  public void catchLogsThenRollsBackIsClean(Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      em.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      repo.log("persist failed: " + e);
      tx.rollback();
      throw e;
    }
  }

  public void catchNarrowerExceptionLeaks(Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(entity);
      tx.commit();
    } catch (IllegalArgumentException e) {
      tx.rollback();
      throw e;
    }
  }

  public void committedFlagInFinallyIsClean(Object entity) {
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

  public void isActiveOnTheNormalPathIsClean() {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    if (tx.isActive()) {
      tx.commit();
    }
  }

  public void notActiveReturnIsInfeasibleIsClean() {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    if (!tx.isActive()) {
      return;
    }
    tx.commit();
  }

  public void passingTheOwnerIsNotAHandOffLeaks() {
    EntityManager local = emf.createEntityManager();
    local.getTransaction().begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    repo.fill(local);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void passingTheOwnerWithRollbackIsClean() {
    EntityManager local = emf.createEntityManager();
    EntityTransaction tx = local.getTransaction();
    tx.begin();
    try {
      repo.fill(local);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    } finally {
      local.close();
    }
  }

  public EntityTransaction returningTheHandleIsClean() {
    EntityManager local = emf.createEntityManager();
    EntityTransaction tx = local.getTransaction();
    tx.begin();
    return tx;
  }

  public void storingTheHandleInAFieldIsClean(Object entity) {
    EntityManager local = emf.createEntityManager();
    EntityTransaction tx = local.getTransaction();
    tx.begin();
    local.persist(entity);
    this.current = tx;
  }

  public void commitPerIterationIsClean(List<Object> entities) {
    EntityTransaction tx = em.getTransaction();
    for (Object entity : entities) {
      tx.begin();
      try {
        em.persist(entity);
        tx.commit();
      } catch (RuntimeException e) {
        tx.rollback();
        throw e;
      }
    }
  }

  public void begunAgainInLoop(int batches) {
    EntityTransaction tx = em.getTransaction();
    for (int i = 0; i < batches; i++) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      tx.begin();
    }
    tx.commit();
  }

  public void begunTwiceInStraightLine() {
    em.getTransaction().begin();
    // BUG: Diagnostic contains: [UncommittedTransaction]
    em.getTransaction().begin();
    em.getTransaction().commit();
  }

  public void commitThenBeginAgainIsClean() {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    tx.commit();
    tx.begin();
    tx.rollback();
  }

  public void twoEntityManagersSecondLeaks(EntityManager first, EntityManager second, boolean b) {
    first.getTransaction().begin();
    second.getTransaction().begin();
    first.getTransaction().commit();
    if (b) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    second.getTransaction().commit();
  }

  public void workBeforeBeginIsClean(Object entity) {
    repo.log("about to persist");
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      em.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  public void twoCatchClausesBothRollBackIsClean(Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      em.persist(entity);
      tx.commit();
    } catch (IllegalArgumentException e) {
      tx.rollback();
      throw e;
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  public void endInBothBranchesIsClean(boolean ok) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    if (ok) {
      tx.commit();
    } else {
      tx.rollback();
    }
  }

  public int returnAfterCommitIsClean(Object entity, int code) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      em.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
    if (code < 0) {
      return -1;
    }
    return code;
  }

  public void localEntityManagerGuardAndCloseInFinallyIsClean(Object entity) {
    EntityManager local = emf.createEntityManager();
    EntityTransaction tx = local.getTransaction();
    try {
      tx.begin();
      local.persist(entity);
      tx.commit();
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      local.close();
    }
  }
}
