// Covers: a handle kept in a field (issue 12): `this.transaction = session.beginTransaction()` in a method that
// itself commits or rolls back on some path is tracked like a local (rule 1's working variable): an early return
// or an exception that leaves it open leaks; the correct method is silent; a method that only stores it (a begin
// wrapper, another method ends it) is silent. Hibernate and a home-grown returned handle.
package cases.ownership;

import org.hibernate.Session;
import org.hibernate.Transaction;

public class FieldHeldHandleCases {
  interface Store {
    Work startTransaction();
  }

  interface Work {
    void commit();

    void rollback();
  }

  interface Dao {
    void save(Object o);
  }

  private Transaction transaction;
  private Work work;
  private final Session session;
  private final Store store;
  private final Dao dao;

  FieldHeldHandleCases(Session session, Store store, Dao dao) {
    this.session = session;
    this.store = store;
    this.dao = dao;
  }

  void earlyReturnLeaks(Object o) {
    this.transaction = session.beginTransaction();
    if (o == null) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    this.transaction.commit();
  }

  void rolledBackOnOnePathExceptionLeaks(Object o) {
    this.transaction = session.beginTransaction();
    if (o == null) {
      transaction.rollback();
      return;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    session.persist(o);
    transaction.commit();
  }

  void unqualifiedFieldEarlyReturnLeaks(Object o) {
    transaction = session.beginTransaction();
    if (o == null) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    transaction.commit();
  }

  void correctMethodIsClean(Object o) {
    this.transaction = session.beginTransaction();
    try {
      session.persist(o);
      this.transaction.commit();
    } catch (RuntimeException e) {
      this.transaction.rollback();
      throw e;
    }
  }

  void correctMethodWithEarlyRollbackIsClean(Object o) {
    transaction = session.beginTransaction();
    if (o == null) {
      transaction.rollback();
      return;
    }
    transaction.commit();
  }

  /** A begin wrapper: the transaction is ended by commitStored(). */
  void beginOnlyIsSilent() {
    this.transaction = session.beginTransaction();
  }

  void commitStored() {
    transaction.commit();
  }

  void homeGrownEarlyReturnLeaks(Object o) {
    this.work = store.startTransaction();
    if (o == null) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.save(o);
    this.work.commit();
  }

  void homeGrownCorrectIsClean(Object o) {
    this.work = store.startTransaction();
    try {
      dao.save(o);
      work.commit();
    } catch (RuntimeException e) {
      work.rollback();
      throw e;
    }
  }

  void homeGrownBeginOnlyIsSilent() {
    work = store.startTransaction();
  }
}
