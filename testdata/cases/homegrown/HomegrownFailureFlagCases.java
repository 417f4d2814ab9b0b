// Covers: issue 12's home-grown queries and failure flags in correct methods. A `catch` parameter, and a local
// assigned from one (`failure = e; ... if (failure != null) db.rollback()`), is non-null (semantics.md "Paths");
// the home-grown query names besides isActive() guard a rollback, also reached through a no-arg getTransaction()
// or currentTransaction() of the same object (`db.getTransaction().isActive()`). Each shape has a leaking twin.
package cases.homegrown;

public class HomegrownFailureFlagCases {
  static class Db {
    void begin() {}

    void commit() {}

    void rollback() {}

    boolean inTransaction() {
      return false;
    }

    State getTransaction() {
      return new State();
    }

    State currentTransaction() {
      return new State();
    }
  }

  static class State {
    boolean isActive() {
      return false;
    }
  }

  static class Repo {
    void beginTransaction() {}

    void commit() {}

    void rollback() {}

    boolean isTransactionActive() {
      return false;
    }
  }

  interface Dao {
    void save(Object o);
  }

  private final Db db = new Db();
  private final Repo repo = new Repo();
  private final Dao dao;

  HomegrownFailureFlagCases(Dao dao) {
    this.dao = dao;
  }

  void failureFlagFromCatchIsClean(Object o) {
    db.begin();
    RuntimeException failure = null;
    try {
      dao.save(o);
    } catch (RuntimeException e) {
      failure = e;
    }
    if (failure != null) {
      db.rollback();
      throw failure;
    }
    db.commit();
  }

  void failureFlagNeverRolledBackLeaks(Object o) {
    db.begin();
    RuntimeException failure = null;
    try {
      dao.save(o);
    } catch (RuntimeException e) {
      failure = e;
    }
    if (failure != null) {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw failure;
    }
    db.commit();
  }

  void failureFlagWithThrowableIsClean(Object o) throws Throwable {
    repo.beginTransaction();
    Throwable failure = null;
    try {
      dao.save(o);
      repo.commit();
    } catch (Throwable t) {
      failure = t;
    }
    if (failure != null) {
      repo.rollback();
      throw failure;
    }
  }

  void catchParameterTestedIsClean(Object o) {
    db.begin();
    try {
      dao.save(o);
      db.commit();
    } catch (RuntimeException e) {
      if (e != null) {
        db.rollback();
      }
      throw e;
    }
  }

  void inTransactionGuardIsClean(Object o) {
    db.begin();
    try {
      dao.save(o);
      db.commit();
    } finally {
      if (db.inTransaction()) {
        db.rollback();
      }
    }
  }

  void getTransactionIsActiveGuardIsClean(Object o) {
    db.begin();
    try {
      dao.save(o);
      db.commit();
    } finally {
      if (db.getTransaction().isActive()) {
        db.rollback();
      }
    }
  }

  void currentTransactionIsActiveGuardIsClean(Object o) {
    db.begin();
    try {
      dao.save(o);
      db.commit();
    } finally {
      if (db.currentTransaction().isActive()) {
        db.rollback();
      }
    }
  }

  void getTransactionInvertedGuardLeaks(Object o) {
    db.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      dao.save(o);
      db.commit();
    } finally {
      if (!db.getTransaction().isActive()) {
        db.rollback();
      }
    }
  }

  void isTransactionActiveWithFlagIsClean(Object o) {
    repo.beginTransaction();
    Exception failure = null;
    try {
      dao.save(o);
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      if (failure != null && repo.isTransactionActive()) {
        repo.rollback();
      }
    }
    if (failure == null) {
      repo.commit();
    }
  }

  void isTransactionActiveEarlyReturnLeaks(Object o) {
    repo.beginTransaction();
    if (o == null && repo.isTransactionActive()) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    repo.commit();
  }
}
