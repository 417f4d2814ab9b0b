// Covers: Hibernate 6 Session/Transaction. Leaks: early return, exception escaping, missing end
// on a local session (closing the session ends nothing), getStatus() == ACTIVE as the only guard
// in finally/catch (rollback-only subtlety), try-with-resources on the Session (not an end),
// tx.begin() twice. Clean: catch-rollback-rethrow, `Transaction tx = null; try { tx =
// s.beginTransaction(); ... } catch { if (tx != null) tx.rollback(); throw }`, `if (tx != null)`
// after begin, session.getTransaction().commit() after session.beginTransaction(), full status
// guards (ACTIVE || MARKED_ROLLBACK, canRollback(), isActive()), status on the normal path,
// SessionFactory.inTransaction.
//
// Ambiguity noted: in catchStatusActiveOnlyLeaksAtRethrow the exception thrown by persist is
// caught; the exception that leaves the method is thrown by `throw ex` in the catch, so the
// finding is placed at that throw statement (the first point from which an exception leaves).
package cases.hibernate;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.resource.transaction.spi.TransactionStatus;

public class HibernateCases {

  interface Audit {
    void log(String message);
  }

  private final SessionFactory sf;
  private final Session session;
  private final Audit audit;

  public HibernateCases(SessionFactory sf, Session session, Audit audit) {
    this.sf = sf;
    this.session = session;
    this.audit = audit;
  }

  public void earlyReturnLeaks(boolean skip) {
    Transaction tx = session.beginTransaction();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    tx.commit();
  }

  public void exceptionEscapesLeaks(Object entity) {
    Transaction tx = session.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    session.persist(entity);
    tx.commit();
  }

  public void missingEndOnLocalSessionLeaks(Object entity) {
    Session s = sf.openSession();
    s.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    s.persist(entity);
    // BUG: Diagnostic contains: [TransactionEndedByClose]
    s.close();
  }

  public void tryCatchRollbackRethrowIsClean(Object entity) {
    Transaction tx = session.beginTransaction();
    try {
      session.persist(entity);
      tx.commit();
    } catch (RuntimeException ex) {
      tx.rollback();
      throw ex;
    }
  }

  public void nullInitializedHandleIsClean(Object entity) {
    Transaction tx = null;
    try {
      tx = session.beginTransaction();
      session.persist(entity);
      tx.commit();
    } catch (RuntimeException ex) {
      if (tx != null) {
        tx.rollback();
      }
      throw ex;
    }
  }

  public void nullCheckAfterBeginIsClean(Object entity) {
    Transaction tx = session.beginTransaction();
    try {
      session.persist(entity);
      tx.commit();
    } catch (RuntimeException ex) {
      if (tx != null) {
        tx.rollback();
      }
      throw ex;
    }
  }

  public void nullReturnAfterBeginIsInfeasibleIsClean() {
    Transaction tx = session.beginTransaction();
    if (tx == null) {
      return;
    }
    tx.commit();
  }

  public void getTransactionCommitAfterBeginTransactionIsClean(Object entity) {
    session.beginTransaction();
    try {
      session.persist(entity);
      session.getTransaction().commit();
    } catch (RuntimeException ex) {
      session.getTransaction().rollback();
      throw ex;
    }
  }

  public void getTransactionCommitButEarlyReturnLeaks(boolean skip) {
    session.beginTransaction();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    session.getTransaction().commit();
  }

  public void finallyStatusActiveOnlyLeaksOnException(Object entity) {
    Transaction tx = session.beginTransaction();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      session.persist(entity);
      tx.commit();
    } finally {
      if (tx.getStatus() == TransactionStatus.ACTIVE) {
        tx.rollback();
      }
    }
  }

  public void finallyStatusActiveOrMarkedRollbackIsClean(Object entity) {
    Transaction tx = session.beginTransaction();
    try {
      session.persist(entity);
      tx.commit();
    } finally {
      if (tx.getStatus() == TransactionStatus.ACTIVE
          || tx.getStatus() == TransactionStatus.MARKED_ROLLBACK) {
        tx.rollback();
      }
    }
  }

  public void finallyCanRollbackIsClean(Object entity) {
    Transaction tx = session.beginTransaction();
    try {
      session.persist(entity);
      tx.commit();
    } finally {
      if (tx.getStatus().canRollback()) {
        tx.rollback();
      }
    }
  }

  public void finallyIsActiveIsClean(Object entity) {
    Transaction tx = session.beginTransaction();
    try {
      session.persist(entity);
      tx.commit();
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
    }
  }

  public void catchStatusActiveOnlyLeaksAtRethrow(Object entity) {
    Transaction tx = session.beginTransaction();
    try {
      session.persist(entity);
      tx.commit();
    } catch (RuntimeException ex) {
      audit.log("failed");
      if (tx.getStatus() == TransactionStatus.ACTIVE) {
        tx.rollback();
      }
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw ex;
    }
  }

  public void statusActiveOnTheNormalPathIsClean() {
    Transaction tx = session.beginTransaction();
    if (tx.getStatus() == TransactionStatus.ACTIVE) {
      tx.commit();
    }
  }

  public void beginOnGetTransactionIsClean(Object entity) {
    Transaction tx = session.getTransaction();
    tx.begin();
    try {
      session.persist(entity);
      tx.commit();
    } catch (RuntimeException ex) {
      tx.rollback();
      throw ex;
    }
  }

  public void beginOnGetTransactionTwiceIsBegunAgain() {
    Transaction tx = session.getTransaction();
    tx.begin();
    // BUG: Diagnostic contains: [UncommittedTransaction]
    tx.begin();
    tx.commit();
  }

  public void tryWithResourcesOnSessionEndedByClose(Object entity) {
    // BUG: Diagnostic contains: [TransactionEndedByClose]
    try (Session s = sf.openSession()) {
      Transaction tx = s.beginTransaction();
      s.persist(entity);
      tx.commit();
    }
  }

  public void tryWithResourcesOnSessionWithRollbackIsClean(Object entity) {
    try (Session s = sf.openSession()) {
      Transaction tx = s.beginTransaction();
      try {
        s.persist(entity);
        tx.commit();
      } catch (RuntimeException ex) {
        tx.rollback();
        throw ex;
      }
    }
  }

  public void sessionFactoryInTransactionIsClean(Object entity) {
    sf.inTransaction(s -> s.persist(entity));
  }

  public void commitOnlyWhenValidLeaks(boolean valid) {
    Transaction tx = session.beginTransaction();
    if (valid) {
      tx.commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void classicHibernateDocsIdiomIsClean(Object entity) {
    Session s = sf.openSession();
    Transaction tx = null;
    try {
      tx = s.beginTransaction();
      s.persist(entity);
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

  public void statusDecidesCommitOrRollbackOnTheNormalPathIsClean() {
    Transaction tx = session.beginTransaction();
    if (tx.getStatus() == TransactionStatus.ACTIVE) {
      tx.commit();
    } else {
      tx.rollback();
    }
  }

  public void catchFullGuardIsClean(Object entity) {
    Transaction tx = session.beginTransaction();
    try {
      session.persist(entity);
      tx.commit();
    } catch (RuntimeException ex) {
      if (tx.getStatus() == TransactionStatus.ACTIVE
          || tx.getStatus() == TransactionStatus.MARKED_ROLLBACK) {
        tx.rollback();
      }
      throw ex;
    }
  }
}
