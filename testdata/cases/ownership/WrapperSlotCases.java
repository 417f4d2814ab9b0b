// Settled detail 5 (wrapper slots): a wrapper's slot may be a no-argument static or `this` accessor, matched by its
// spelling across methods. HibernateUtil.beginTransaction() and HibernateUtil.commitTransaction() both reach the
// session through getSession(), so a caller pairs them: a caller that begins through the one and returns before the
// other leaks; the correct caller is clean; a caller that only begins is itself a begin wrapper (not a leak). The same
// through a `this` accessor of an instance helper (begin()/commit() over currentSession()).
package cases.ownership;

import org.hibernate.Session;
import org.hibernate.SessionFactory;

public class WrapperSlotCases {
  /** The classic hand-written HibernateUtil: one session per thread. */
  static final class HibernateUtil {
    private static SessionFactory sessionFactory;
    private static final ThreadLocal<Session> SESSION = new ThreadLocal<>();

    static Session getSession() {
      Session s = SESSION.get();
      if (s == null) {
        s = sessionFactory.openSession();
        SESSION.set(s);
      }
      return s;
    }

    static void beginTransaction() {
      getSession().beginTransaction();
    }

    static void commitTransaction() {
      getSession().getTransaction().commit();
    }

    static void rollbackTransaction() {
      getSession().getTransaction().rollback();
    }
  }

  /** An instance helper whose wrappers reach the session through a `this` accessor. */
  static class UnitOfWork {
    private SessionFactory factory;

    Session currentSession() {
      return factory.getCurrentSession();
    }

    void begin() {
      currentSession().beginTransaction();
    }

    void commit() {
      this.currentSession().getTransaction().commit();
    }

    /** Begins through the helper and returns before committing. */
    void saveThroughThisAccessorLeaks(Object o, boolean skip) {
      begin();
      if (skip) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      currentSession().save(o);
      commit();
    }

    void saveThroughThisAccessorIsClean(Object o) {
      begin();
      try {
        currentSession().save(o);
      } finally {
        commit();
      }
    }
  }

  void earlyReturnBeforeCommitLeaks(Object o, boolean skip) {
    HibernateUtil.beginTransaction();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    HibernateUtil.getSession().save(o);
    HibernateUtil.commitTransaction();
  }

  void commitOnlyWhenValidLeaks(Object o, boolean valid) {
    HibernateUtil.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    HibernateUtil.getSession().save(o);
    if (valid) {
      HibernateUtil.commitTransaction();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  /** Commits whatever happens: the end wrapper ends the transaction even when it throws. */
  void committedInFinallyIsClean(Object o) {
    HibernateUtil.beginTransaction();
    try {
      HibernateUtil.getSession().save(o);
    } finally {
      HibernateUtil.commitTransaction();
    }
  }

  void rolledBackOnFailureIsClean(Object o) {
    HibernateUtil.beginTransaction();
    try {
      HibernateUtil.getSession().save(o);
      HibernateUtil.commitTransaction();
    } catch (RuntimeException e) {
      HibernateUtil.rollbackTransaction();
      throw e;
    }
  }

  /** Begins and leaves the commit to its caller: a begin wrapper, not a leak. */
  void onlyBeginsIsSilent() {
    HibernateUtil.beginTransaction();
  }

  /** Commits a transaction its caller began: an end wrapper. */
  void onlyCommitsIsSilent() {
    HibernateUtil.commitTransaction();
  }
}
