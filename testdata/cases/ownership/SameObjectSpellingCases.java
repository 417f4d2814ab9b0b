// Version 2 (semantics.md "Same object, different spellings"): within one method, repeated no-argument getter calls
// on the same receiver are the same object as long as nothing assigns the receiver in between, so
// getEntityManager().getTransaction().begin() ... getEntityManager().getTransaction().commit() is one transaction,
// exactly like the same code through a local; so is X.INSTANCE.getTransactionManager().begin(). A begin on a call
// chain returns a handle like any other begin.
package cases.ownership;

import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionManager;
import org.hibernate.Session;
import org.hibernate.Transaction;

public class SameObjectSpellingCases {
  interface Registry {
    TransactionManager getTransactionManager();
  }

  enum Locator {
    INSTANCE;

    private Registry registry;

    TransactionManager getTransactionManager() {
      return registry.getTransactionManager();
    }
  }

  interface Conn {
    Session getSession();
  }

  private EntityManager em;
  private Conn conn;

  EntityManager getEntityManager() {
    return em;
  }

  static Conn instance() {
    return null;
  }

  void repeatedGetterLeaks(Object o) {
    getEntityManager().getTransaction().begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    getEntityManager().persist(o);
    getEntityManager().getTransaction().commit();
  }

  void repeatedGetterIsClean(Object o) {
    getEntityManager().getTransaction().begin();
    try {
      getEntityManager().persist(o);
      getEntityManager().getTransaction().commit();
    } catch (RuntimeException e) {
      getEntityManager().getTransaction().rollback();
      throw e;
    }
  }

  void repeatedGetterEarlyReturnLeaks(Object o) {
    getEntityManager().getTransaction().begin();
    if (o == null) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    // the getter itself may throw (an unchecked exception of any call)
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    getEntityManager().getTransaction().commit();
  }

  void thisQualifiedGetterIsTheSameObjectLeaks(Object o) {
    this.getEntityManager().getTransaction().begin();
    if (o == null) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    getEntityManager().getTransaction().commit();
  }

  void instanceGetterLeaks(Runnable work) throws Exception {
    Locator.INSTANCE.getTransactionManager().begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    work.run();
    Locator.INSTANCE.getTransactionManager().commit();
  }

  void instanceGetterIsClean(Runnable work) throws Exception {
    Locator.INSTANCE.getTransactionManager().begin();
    try {
      work.run();
      Locator.INSTANCE.getTransactionManager().commit();
    } catch (RuntimeException e) {
      Locator.INSTANCE.getTransactionManager().rollback();
      throw e;
    }
  }

  void callChainBeginLeaks(Object o, boolean skip) {
    Transaction tx = instance().getSession().beginTransaction();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    tx.commit();
  }

  void callChainBeginIsClean(Object o) {
    Transaction tx = conn.getSession().beginTransaction();
    try {
      conn.getSession().persist(o);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }
}
