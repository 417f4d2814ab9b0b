package cases.blind;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Lambdas whose parameter type is inferred, and captures that run now (forEach) or are handed
 * off (executor). Readings: a lambda body is its own unit and its parameter is borrowed; a capture
 * hands off where the escaping lambda is created (settled 9), so the executor's own call is after
 * the hand-off; a path that returns before the hand-off keeps rule 2 (settled 10).
 */
public class BlindR2LambdaTxCases {

  interface InsertHooks {
    void onInsert(Consumer<EntityManager> action);
  }

  void onInsertCommitIsClean(InsertHooks session, Object entity) {
    session.onInsert(em -> {
      em.getTransaction().begin();
      try {
        em.persist(entity);
        em.getTransaction().commit();
      } catch (RuntimeException e) {
        em.getTransaction().rollback();
        throw e;
      }
    });
  }

  void onInsertSkipLeaks(InsertHooks session, Object entity, boolean skip) {
    session.onInsert(em -> {
      em.getTransaction().begin();
      if (skip) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(entity);
      em.getTransaction().commit();
    });
  }

  void onInsertBeginOnlyIsClean(InsertHooks session) {
    session.onInsert(em -> em.getTransaction().begin());
  }

  void consumerLocalLeaks(InsertHooks session, List<Object> batch) {
    Consumer<EntityManager> writer = em -> {
      EntityTransaction tx = em.getTransaction();
      tx.begin();
      for (Object o : batch) {
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        em.persist(o);
      }
      tx.commit();
    };
    session.onInsert(writer);
  }

  void consumerLocalIsClean(InsertHooks session, List<Object> batch) {
    Consumer<EntityManager> writer = em -> {
      EntityTransaction tx = em.getTransaction();
      tx.begin();
      try {
        for (Object o : batch) {
          em.persist(o);
        }
        tx.commit();
      } finally {
        if (tx.isActive()) {
          tx.rollback();
        }
      }
    };
    session.onInsert(writer);
  }

  void forEachRunsNowLeaks(EntityManagerFactory emf, List<Object> rows) {
    EntityManager em = emf.createEntityManager();
    em.getTransaction().begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    rows.forEach(r -> em.persist(r));
    em.getTransaction().commit();
    em.close();
  }

  void forEachRunsNowIsClean(EntityManagerFactory emf, List<Object> rows) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      rows.forEach(r -> em.persist(r));
      tx.commit();
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      throw e;
    } finally {
      em.close();
    }
  }

  void executorHandOffIsClean(EntityManagerFactory emf, Executor pool, Object entity) {
    EntityManager em = emf.createEntityManager();
    em.getTransaction().begin();
    pool.execute(() -> {
      try {
        em.persist(entity);
        em.getTransaction().commit();
      } finally {
        if (em.getTransaction().isActive()) {
          em.getTransaction().rollback();
        }
        em.close();
      }
    });
  }

  void executorSkippedLeaks(EntityManagerFactory emf, Executor pool, Object entity, boolean dryRun) {
    EntityManager em = emf.createEntityManager();
    em.getTransaction().begin();
    if (dryRun) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    pool.execute(() -> {
      try {
        em.persist(entity);
        em.getTransaction().commit();
      } finally {
        if (em.getTransaction().isActive()) {
          em.getTransaction().rollback();
        }
        em.close();
      }
    });
  }

  void executorTaskLeaks(EntityManagerFactory emf, Executor pool, Object entity) {
    pool.execute(() -> {
      EntityManager em = emf.createEntityManager();
      try {
        em.getTransaction().begin();
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        em.persist(entity);
        em.getTransaction().commit();
      } finally {
        em.close();
      }
    });
  }
}
