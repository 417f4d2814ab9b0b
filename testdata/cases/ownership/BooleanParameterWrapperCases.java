// Version 2 (semantics.md, settled detail 17): a wrapper's summary may depend on the boolean parameter that guards its
// begin. getEntityManager(false) begins nothing; getEntityManager(true) begins a transaction on the entity manager it
// acquired and returns (a fresh handle for the caller); with a boolean local or parameter of the caller, the begin
// happens on the caller's paths where that value is true.
package cases.ownership;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

public class BooleanParameterWrapperCases {
  private final EntityManagerFactory emf;

  BooleanParameterWrapperCases(EntityManagerFactory emf) {
    this.emf = emf;
  }

  private EntityManager getEntityManager(boolean needTx) {
    EntityManager em = emf.createEntityManager();
    if (needTx) {
      em.getTransaction().begin();
    }
    return em;
  }

  void calledWithFalseIsSilent(Object o) {
    EntityManager em = getEntityManager(false);
    em.persist(o);
  }

  void calledWithTrueLeaks(Object o) {
    EntityManager em = getEntityManager(true);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    em.persist(o);
    em.getTransaction().commit();
  }

  void calledWithTrueIsClean(Object o) {
    EntityManager em = getEntityManager(true);
    try {
      em.persist(o);
      em.getTransaction().commit();
    } catch (RuntimeException e) {
      em.getTransaction().rollback();
      throw e;
    }
  }

  void correlatedFlagIsClean(Object o, boolean transactional) {
    EntityManager em = getEntityManager(transactional);
    try {
      em.persist(o);
      if (transactional) {
        em.getTransaction().commit();
      }
    } catch (RuntimeException e) {
      if (transactional) {
        em.getTransaction().rollback();
      }
      throw e;
    }
  }

  void correlatedFlagForgottenLeaks(Object o, boolean transactional) {
    EntityManager em = getEntityManager(transactional);
    try {
      em.persist(o);
    } catch (RuntimeException e) {
      if (transactional) {
        em.getTransaction().rollback();
      }
      throw e;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  // A wrapper that passes its flag on to a wrapper depending on it depends on it too (design.md, "Wrapper summaries").
  private EntityManager open(boolean write) {
    return getEntityManager(write);
  }

  void passedOnFlagIsClean(Object o, boolean write) {
    EntityManager em = open(write);
    try {
      em.persist(o);
      if (write) {
        em.getTransaction().commit();
      }
    } catch (RuntimeException e) {
      if (write) {
        em.getTransaction().rollback();
      }
      throw e;
    }
  }

  void passedOnFlagForgottenLeaks(Object o, boolean write) {
    EntityManager em = open(write);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    em.persist(o);
    if (write) {
      em.getTransaction().commit();
    }
  }
}
