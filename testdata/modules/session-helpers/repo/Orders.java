package repo;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/** Callers of DB and Tx, in another file than both. */
public class Orders {
  private final SessionFactory factory;
  private final Session session;

  public Orders(SessionFactory factory, Session session) {
    this.factory = factory;
    this.session = session;
  }

  /** Correct: committed, or rolled back on failure, and closed. */
  public void place(String id) {
    DB db = new DB(factory).open();
    try {
      db.beginTransaction();
      db.session().persist(id);
      db.commit();
    } catch (RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.close();
    }
  }

  /** The early return is ended only by DB.close(), a closer seen in another file: off-by-default rule only. */
  public boolean cancel(String id) {
    DB db = new DB(factory).open();
    try {
      db.beginTransaction();
      if (id == null) {
        return false;
      }
      db.session().remove(id);
      db.commit();
      return true;
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      db.close();
    }
  }

  /** A leak: nothing ends or closes it on the early return. */
  public boolean archive(String id) {
    DB db = new DB(factory).open();
    db.beginTransaction();
    if (id == null) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
    db.commit();
    db.close();
    return true;
  }

  /** Correct through the wrappers in Tx: a wrapper of a wrapper begins, the end wrappers end. */
  public void audit(String id) {
    Transaction t = Tx.start(session);
    try {
      session.persist(id);
      Tx.finish(t);
    } catch (RuntimeException e) {
      Tx.abort(t);
      throw e;
    }
  }

  /** A leak through the wrappers: the early return skips Tx.finish. */
  public boolean touch(String id) {
    Transaction t = Tx.start(session);
    if (id == null) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    session.merge(id);
    Tx.finish(t);
    return true;
  }

  /** try-with-resources calls DB.close(), a closer in another file: the early return is ended by that close only. */
  public boolean remove(String id) {
    // BUG: Diagnostic contains: [TransactionEndedByClose]
    try (DB db = new DB(factory).open()) {
      db.beginTransaction();
      if (id == null) {
        return false;
      }
      db.session().remove(id);
      db.commit();
      return true;
    }
  }

  /** The Transaction DB.beginTransaction() returns is the handle (used: assigned and committed); a failure leaks it. */
  public void rename(DB db, String id) {
    Transaction tx = db.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    db.session().merge(id);
    tx.commit();
  }

  /** The same, correct: the returned handle is committed, or rolled back on failure. */
  public void renameSafely(DB db, String id) {
    Transaction tx = db.beginTransaction();
    try {
      db.session().merge(id);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }
}
