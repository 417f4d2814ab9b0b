// Covers: a home-grown object closed by try-with-resources (docs/design.md, "A try-with-resources closes through the
// resource's own close()"). jPOS-EE's DB wraps a Hibernate Session: beginTransaction() begins on it (the zero-config
// row: DB declares commit() and rollback()), and its close() closes the session, so closing a DB ends the transaction
// as closing the session does (a closer). try-with-resources calls that close() on every exit: a path that only it
// ends is TransactionEndedByClose, exactly as an explicit close in finally. A resource whose close() closes nothing
// (or another session) ends nothing: those paths stay leaks.
package cases.closing;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

public class ResourceCloserCases {
  private static SessionFactory factory;

  /** jPOS-EE's DB: a closer (its close() closes the session it begins on). */
  static class Db implements AutoCloseable {
    private Session session;

    Session open() {
      if (session == null) {
        session = factory.openSession();
      }
      return session;
    }

    @Override
    public void close() {
      if (session != null) {
        session.close();
        session = null;
      }
    }

    Transaction beginTransaction() {
      return session.beginTransaction();
    }

    void commit() {
      if (session != null) {
        session.getTransaction().commit();
      }
    }

    void rollback() {
      if (session != null) {
        session.getTransaction().rollback();
      }
    }
  }

  /** The same API, but close() only forgets the session: it closes nothing. */
  static class Forgetful implements AutoCloseable {
    private Session session;

    @Override
    public void close() {
      session = null;
    }

    Transaction beginTransaction() {
      return session.beginTransaction();
    }

    void commit() {
      session.getTransaction().commit();
    }

    void rollback() {
      session.getTransaction().rollback();
    }
  }

  void earlyReturnEndedByClose(boolean missing, Object o) {
    // BUG: Diagnostic contains: [TransactionEndedByClose]
    try (Db db = new Db()) {
      db.open();
      db.beginTransaction();
      if (missing) {
        return;
      }
      db.open().save(o);
      db.commit();
    }
  }

  void catchInsideTheResourceEndedByClose(Object o) {
    // BUG: Diagnostic contains: [TransactionEndedByClose]
    try (Db db = new Db()) {
      db.open();
      db.beginTransaction();
      db.open().save(o);
      db.commit();
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
    }
  }

  void commitsOnEveryPathIsClean(Object o) {
    try (Db db = new Db()) {
      db.open();
      db.beginTransaction();
      try {
        db.open().save(o);
        db.commit();
      } catch (RuntimeException e) {
        db.rollback();
        throw e;
      }
    }
  }

  // The handle that beginTransaction() returns lives on the Db it was begun on (semantics: the object of a transaction
  // is the begin's receiver): closing the Db (a closer) or ending it ends that transaction too (jPOS-EE's Heartbeat:
  // Transaction tx = db.beginTransaction(); ... finally { db.close(); }).

  void returnedHandleEndedByClose(Object o) {
    Db db = new Db();
    db.open();
    Transaction tx = db.beginTransaction();
    try {
      db.open().save(o);
      tx.commit();
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      db.close();
    }
  }

  void returnedHandleEndedThroughItsReceiverIsClean(Object o) {
    Db db = new Db();
    db.open();
    Transaction tx = db.beginTransaction();
    try {
      db.open().save(o);
      db.commit();
    } catch (RuntimeException e) {
      db.rollback();
      throw e;
    }
  }

  void returnedHandleLeaks(boolean missing) {
    Db db = new Db();
    db.open();
    Transaction tx = db.beginTransaction();
    if (missing) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    tx.commit();
  }

  void returnedHandleOfAForgetfulCloseLeaks(Object o) {
    Forgetful f = new Forgetful();
    Transaction tx = f.beginTransaction();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      work(o);
      tx.commit();
    } finally {
      f.close();
    }
  }

  // A private wrapper that closes the closer held in a field is a closer too (jPOS-EE's Heartbeat.close()).
  static class Heartbeat {
    private final Db db = new Db();

    void initEndedByClose(Object o) {
      try {
        db.open();
        Transaction tx = db.beginTransaction();
        work(o);
        tx.commit();
      } finally {
        // BUG: Diagnostic contains: [TransactionEndedByClose]
        close();
      }
    }

    void initWithoutCloseLeaks(Object o) {
      try {
        db.open();
        Transaction tx = db.beginTransaction();
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        work(o);
        tx.commit();
      } finally {
        log();
      }
    }

    private void close() {
      try {
        db.close();
      } catch (RuntimeException e) {
        System.err.println(e.getMessage());
      }
    }

    private void log() {
      System.err.println("done");
    }
  }

  static void work(Object o) {
    if (o == null) {
      throw new IllegalArgumentException();
    }
  }

  void forgetfulCloseLeaks(boolean missing, Object o) {
    try (Forgetful f = new Forgetful()) {
      f.beginTransaction();
      if (missing) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      f.commit();
    }
  }
}
