// Settled detail 17 with an enum parameter: a wrapper's summary may depend on the one enum parameter that guards its
// begin, as on a boolean one. getEntityManager(TxMode.NONE) begins nothing; getEntityManager(TxMode.REQUIRED) begins
// on the entity manager it acquired and returns (a fresh handle for the caller). Contexts exist only for constant
// arguments: with a variable of the caller the plain summary applies (a begin on some path), so a caller that ends
// nothing is not responsible for it. Within one method, two tests of the same unassigned enum parameter agree.
package cases.ownership;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

public class EnumParameterWrapperCases {
  enum TxMode {
    REQUIRED,
    NONE
  }

  private final EntityManagerFactory emf;

  EnumParameterWrapperCases(EntityManagerFactory emf) {
    this.emf = emf;
  }

  private EntityManager getEntityManager(TxMode mode) {
    EntityManager em = emf.createEntityManager();
    if (mode == TxMode.REQUIRED) {
      em.getTransaction().begin();
    }
    return em;
  }

  void calledWithNoneIsSilent(Object o) {
    EntityManager em = getEntityManager(TxMode.NONE);
    em.persist(o);
  }

  void calledWithRequiredLeaks(Object o) {
    EntityManager em = getEntityManager(TxMode.REQUIRED);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    em.persist(o);
    em.getTransaction().commit();
  }

  void calledWithRequiredIsClean(Object o) {
    EntityManager em = getEntityManager(TxMode.REQUIRED);
    try {
      em.persist(o);
      em.getTransaction().commit();
    } catch (RuntimeException e) {
      em.getTransaction().rollback();
      throw e;
    }
  }

  /** The same test twice on an unassigned parameter: the commit happens exactly where the begin did. */
  void correlatedTestsIsClean(TxMode mode) {
    EntityManager em = emf.createEntityManager();
    if (mode == TxMode.REQUIRED) {
      em.getTransaction().begin();
    }
    if (mode == TxMode.REQUIRED) {
      em.getTransaction().commit();
    }
  }

  void correlatedTestsForgottenOnOnePathLeaks(TxMode mode, boolean skip) {
    EntityManager em = emf.createEntityManager();
    if (mode == TxMode.REQUIRED) {
      em.getTransaction().begin();
    }
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    if (mode == TxMode.REQUIRED) {
      em.getTransaction().commit();
    }
  }
}
