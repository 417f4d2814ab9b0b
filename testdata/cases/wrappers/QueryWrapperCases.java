package cases.wrappers;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import org.hibernate.Session;
import org.hibernate.Transaction;

/**
 * Query wrappers (semantics, "Ownership": "a method that returns the result of a query on its parameter or a field
 * (`isActive(em)`) is a query wrapper, used in conditions like the query itself"). A condition that calls one is
 * that query on the caller's argument, field or accessor: {@code finally { if (isActive(em)) rollback(); }} ends
 * every path the way {@code if (em.getTransaction().isActive())} does. Any other boolean method decides nothing.
 */
public class QueryWrapperCases {
  private final EntityManager em;
  private final Session session;
  private Transaction tx;

  QueryWrapperCases(EntityManager em, Session session) {
    this.em = em;
    this.session = session;
  }

  void work() {}

  // ---------------------------------------------------------------- the wrappers

  static boolean isActive(EntityManager em) {
    return em.getTransaction().isActive();
  }

  boolean inTx() {
    return em.getTransaction().isActive();
  }

  /** A wrapper of a wrapper. */
  boolean inTransaction() {
    return isActive(em);
  }

  boolean txActive() {
    return tx != null && tx.isActive();
  }

  static boolean active(Session s) {
    Transaction t = s.getTransaction();
    return t != null && t.isActive();
  }

  static boolean notActive(EntityManager em) {
    return !em.getTransaction().isActive();
  }

  static boolean inTransaction(UserTransaction ut) throws SystemException {
    return ut.getStatus() != Status.STATUS_NO_TRANSACTION;
  }

  /** Incomplete: a transaction marked rollback-only is not "active", and stays open. */
  static boolean isActive(UserTransaction ut) throws SystemException {
    return ut.getStatus() == Status.STATUS_ACTIVE;
  }

  /** Not a query wrapper: it returns something else. */
  boolean isReady() {
    return em.isOpen() && session.isOpen();
  }

  // ---------------------------------------------------------------- must not flag

  void staticParameterWrapperIsClean() {
    try {
      em.getTransaction().begin();
      work();
      em.getTransaction().commit();
    } finally {
      if (isActive(em)) {
        em.getTransaction().rollback();
      }
    }
  }

  void fieldWrapperIsClean() {
    em.getTransaction().begin();
    try {
      work();
      em.getTransaction().commit();
    } finally {
      if (inTx()) {
        em.getTransaction().rollback();
      }
    }
  }

  void wrapperOfWrapperIsClean() {
    em.getTransaction().begin();
    try {
      work();
      em.getTransaction().commit();
    } catch (RuntimeException e) {
      if (inTransaction()) {
        em.getTransaction().rollback();
      }
      throw e;
    }
  }

  void nullGuardedFieldHandleIsClean() {
    tx = session.beginTransaction();
    try {
      work();
      tx.commit();
    } finally {
      if (txActive()) {
        tx.rollback();
      }
    }
  }

  void localCopyWrapperIsClean() {
    session.beginTransaction();
    try {
      work();
      session.getTransaction().commit();
    } catch (RuntimeException e) {
      if (active(session)) {
        session.getTransaction().rollback();
      }
      throw e;
    }
  }

  void negatedWrapperIsClean() {
    em.getTransaction().begin();
    try {
      work();
      em.getTransaction().commit();
    } finally {
      if (notActive(em)) {
        return;
      }
      em.getTransaction().rollback();
    }
  }

  void jtaStatusWrapperIsClean(UserTransaction ut) throws Exception {
    ut.begin();
    try {
      work();
      ut.commit();
    } finally {
      if (inTransaction(ut)) {
        ut.rollback();
      }
    }
  }

  void wrapperInConjunctionIsClean(boolean cleanUp) {
    em.getTransaction().begin();
    try {
      work();
      em.getTransaction().commit();
    } finally {
      if (cleanUp || isActive(em)) {
        if (isActive(em)) {
          em.getTransaction().rollback();
        }
      }
    }
  }

  void wrapperResultInLocalIsClean() {
    em.getTransaction().begin();
    try {
      work();
      em.getTransaction().commit();
    } finally {
      boolean active = isActive(em);
      if (active) {
        em.getTransaction().rollback();
      }
    }
  }

  // ---------------------------------------------------------------- must flag

  void invertedWrapperLeaks() {
    em.getTransaction().begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      work();
      em.getTransaction().commit();
    } finally {
      if (!isActive(em)) {
        em.getTransaction().rollback();
      }
    }
  }

  void otherBooleanMethodLeaks() {
    em.getTransaction().begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      work();
      em.getTransaction().commit();
    } finally {
      if (isReady()) {
        em.getTransaction().rollback();
      }
    }
  }

  void wrapperOnAnotherObjectLeaks(EntityManager other) {
    em.getTransaction().begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      work();
      em.getTransaction().commit();
    } finally {
      if (isActive(other)) {
        em.getTransaction().rollback();
      }
    }
  }

  /** The same finding as {@code if (ut.getStatus() == Status.STATUS_ACTIVE)} written inline. */
  void jtaActiveOnlyWrapperLeaks(UserTransaction ut) throws Exception {
    ut.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      work();
      ut.commit();
    } finally {
      if (isActive(ut)) {
        ut.rollback();
      }
    }
  }

  void jtaActiveOnlyInlineLeaks(UserTransaction ut) throws Exception {
    ut.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      work();
      ut.commit();
    } finally {
      if (ut.getStatus() == Status.STATUS_ACTIVE) {
        ut.rollback();
      }
    }
  }

  void earlyReturnWhileWrapperSaysActiveLeaks(boolean skip) {
    em.getTransaction().begin();
    if (skip && inTx()) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    em.getTransaction().commit();
  }
}
