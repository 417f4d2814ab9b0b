// Covers: a begin on a call chain (issue 12). `Transaction t1 = Conn.instance().getSession().beginTransaction();
// if (!found) return "missing"; t1.commit();` returns a handle like any other begin (semantics.md "Same object,
// different spellings"), with Hibernate types and with a home-grown session, and gets the same verdict as the same
// code with the session in a local first. Conn is a home-grown singleton (a static accessor: the session is
// borrowed; the method commits, so it is responsible by rule 1).
package cases.ownership;

import org.hibernate.Session;
import org.hibernate.Transaction;

public class CallChainBeginCases {
  static class Conn {
    private static final Conn INSTANCE = new Conn();
    private Session session;
    private HomeSession homeSession;

    static Conn instance() {
      return INSTANCE;
    }

    Session getSession() {
      return session;
    }

    HomeSession getHomeSession() {
      return homeSession;
    }
  }

  interface HomeSession {
    HomeTx beginTransaction();

    void save(Object o);
  }

  interface HomeTx {
    void commit();

    void rollback();
  }

  /** The code. */
  String hibernateChainLeaks(boolean found) {
    Transaction t1 = Conn.instance().getSession().beginTransaction();
    if (!found)
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return "missing";
    t1.commit();
    return "ok";
  }

  String hibernateSessionInALocalLeaks(boolean found) {
    Session s = Conn.instance().getSession();
    Transaction t1 = s.beginTransaction();
    if (!found)
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return "missing";
    t1.commit();
    return "ok";
  }

  String hibernateChainIsClean(boolean found) {
    Transaction t1 = Conn.instance().getSession().beginTransaction();
    if (!found) {
      t1.rollback();
      return "missing";
    }
    t1.commit();
    return "ok";
  }

  String hibernateChainExceptionLeaks(Object o) {
    Transaction t1 = Conn.instance().getSession().beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Conn.instance().getSession().persist(o);
    t1.commit();
    return "ok";
  }

  String homeGrownChainLeaks(boolean found) {
    HomeTx t1 = Conn.instance().getHomeSession().beginTransaction();
    if (!found)
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return "missing";
    t1.commit();
    return "ok";
  }

  String homeGrownSessionInALocalLeaks(boolean found) {
    HomeSession s = Conn.instance().getHomeSession();
    HomeTx t1 = s.beginTransaction();
    if (!found)
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return "missing";
    t1.commit();
    return "ok";
  }

  String homeGrownChainIsClean(Object o) {
    HomeTx t1 = Conn.instance().getHomeSession().beginTransaction();
    try {
      Conn.instance().getHomeSession().save(o);
      t1.commit();
    } catch (RuntimeException e) {
      t1.rollback();
      throw e;
    }
    return "ok";
  }

  /** Begins and hands the handle to the caller: not responsible. */
  HomeTx homeGrownChainReturnedIsSilent() {
    return Conn.instance().getHomeSession().beginTransaction();
  }
}
