// Covers: responsibility and hand-off. Begin wrapper on a field (not a leak; callers treat the
// call as a begin), end wrappers on a parameter (rollbackQuietly) and on a field (rollbackWork),
// a helper that ends only on some paths (not an end wrapper), a method that returns the handle
// it began (callers treat the result as begun), storing the handle in a field, an array or a
// collection (hand-off), passing it to the external IOUtils.closeQuietly (version 2, settled
// detail 7: the effect of the handle's own close(), which is empty here, so not an end and not a
// hand-off), to a same-file audit(..) or to the external System.out.println (not hand-offs), and
// try-with-resources on a home-grown handle whose close() is not an end.
//
// Readings chosen: (1) passing the handle to a same-file method that is not an end wrapper is
// not a hand-off (the contract's hand-off list does not include it); (2) a home-grown type's
// close() is not an end (home-grown ends are only commit()/rollback()), so try-with-resources on
// it ends nothing; (3) never-ended cases use a local owner so the begin-wrapper rule is moot.
package cases.wrappers;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.util.IOUtils;

public class WrapperCases {

  static class Orm {
    void begin() {}

    void commit() {}

    void rollback() {}

    boolean isActive() {
      return false;
    }
  }

  static class Tx {
    void commit() {}

    void rollback() {}

    boolean isActive() {
      return true;
    }
  }

  static class Db {
    Tx begin() {
      return new Tx();
    }
  }

  /** Home-grown handle that is also AutoCloseable; close() is not a transaction end. */
  static class ClosableTx implements AutoCloseable {
    void commit() {}

    void rollback() {}

    @Override
    public void close() {}
  }

  static class ClosableDb {
    ClosableTx beginTransaction() {
      return new ClosableTx();
    }
  }

  interface Dao {
    void save(Object o);
  }

  private final Orm orm = new Orm();
  private final Db db = new Db();
  private final Dao dao;
  private final List<Tx> pending = new ArrayList<>();
  private final Tx[] slots = new Tx[1];
  private Tx current;

  public WrapperCases(Dao dao) {
    this.dao = dao;
  }

  // ---- begin wrapper on a field ----

  /** Begin wrapper: begins on the field and never ends it; not a leak. */
  private void startWork() {
    orm.begin();
  }

  public void callerOfBeginWrapperEarlyReturnLeaks(boolean skip) {
    startWork();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    orm.commit();
  }

  public void callerOfBeginWrapperExceptionLeaks(Object o) {
    startWork();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.save(o);
    orm.commit();
  }

  public void callerOfBeginWrapperWithRollbackIsClean(Object o) {
    startWork();
    try {
      dao.save(o);
      orm.commit();
    } catch (RuntimeException e) {
      orm.rollback();
      throw e;
    }
  }

  // ---- end wrappers ----

  /** End wrapper on a parameter: after every normal exit tx is no longer active. */
  private static void rollbackQuietly(Tx tx) {
    try {
      if (tx.isActive()) {
        tx.rollback();
      }
    } catch (RuntimeException ignored) {
      // best effort
    }
  }

  /** End wrapper on a field. */
  private void rollbackWork() {
    if (orm.isActive()) {
      orm.rollback();
    }
  }

  /** Not an end wrapper: leaves the transaction active when really is false. */
  private static void maybeRollback(Tx tx, boolean really) {
    if (really) {
      tx.rollback();
    }
  }

  public void endWrapperInFinallyIsClean(Object o) {
    Tx tx = db.begin();
    try {
      dao.save(o);
      tx.commit();
    } finally {
      rollbackQuietly(tx);
    }
  }

  public void endWrapperInCatchIsClean(Object o) {
    Tx tx = db.begin();
    try {
      dao.save(o);
      tx.commit();
    } catch (RuntimeException e) {
      rollbackQuietly(tx);
      throw e;
    }
  }

  public void endWrapperOnEarlyReturnIsClean(boolean skip) {
    Tx tx = db.begin();
    if (skip) {
      rollbackQuietly(tx);
      return;
    }
    tx.commit();
  }

  public void fieldEndWrapperInCatchIsClean(Object o) {
    orm.begin();
    try {
      dao.save(o);
      orm.commit();
    } catch (RuntimeException e) {
      rollbackWork();
      throw e;
    }
  }

  public void notAnEndWrapperLeaksAtRethrow(Object o, boolean really) {
    Tx tx = db.begin();
    try {
      dao.save(o);
      tx.commit();
    } catch (RuntimeException e) {
      maybeRollback(tx, really);
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw e;
    }
  }

  // ---- returning the handle ----

  /** Returns the handle it began: not a leak, even on the exception path before the return. */
  private Tx beginAndPrepare(Object o) {
    Tx tx = db.begin();
    dao.save(o);
    return tx;
  }

  public void callerOfReturningWrapperExceptionLeaks(Object o) {
    Tx tx = beginAndPrepare(o);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.save(o);
    tx.commit();
  }

  public void callerOfReturningWrapperEarlyReturnLeaks(Object o, boolean skip) {
    Tx tx = beginAndPrepare(o);
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    tx.commit();
  }

  public void callerOfReturningWrapperIsClean(Object o) {
    Tx tx = beginAndPrepare(o);
    try {
      dao.save(o);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  // ---- storing the handle: hand-off ----

  public void storingInAFieldIsClean(Object o) {
    Tx tx = new Db().begin();
    dao.save(o);
    current = tx;
  }

  public void storingInACollectionIsClean(Object o) {
    Tx tx = new Db().begin();
    dao.save(o);
    pending.add(tx);
  }

  public void storingInAnArrayIsClean(Object o) {
    Tx tx = new Db().begin();
    dao.save(o);
    slots[0] = tx;
  }

  // ---- passing the handle to other methods ----

  static void audit(Tx tx) {
    System.out.println("audit " + tx);
  }

  public void externalCloseQuietlyOfAnEmptyCloseLeaks(Object o) {
    ClosableTx tx = new ClosableDb().beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.save(o);
    IOUtils.closeQuietly(tx);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void sameFileAuditIsNotAHandOffLeaks() {
    Tx tx = new Db().begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    audit(tx);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void externalPrintlnIsNotAHandOffLeaks() {
    Tx tx = new Db().begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    System.out.println(tx);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void tryWithResourcesOnHomegrownCloseIsNotAnEndLeaks(Object o) {
    try (ClosableTx tx = new ClosableDb().beginTransaction()) {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      dao.save(o);
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void tryWithResourcesOnHomegrownWithCommitIsClean(Object o) {
    try (ClosableTx tx = new ClosableDb().beginTransaction()) {
      try {
        dao.save(o);
        tx.commit();
      } catch (RuntimeException e) {
        tx.rollback();
        throw e;
      }
    }
  }

  /** End wrapper on a field that commits. */
  private void commitWork() {
    orm.commit();
  }

  public void fieldCommitWrapperAndRollbackWrapperIsClean(Object o) {
    startWork();
    try {
      dao.save(o);
      commitWork();
    } catch (RuntimeException e) {
      rollbackWork();
      throw e;
    }
  }

  public void endWrapperOnEveryExitInFinallyWithEarlyReturnIsClean(Object o, boolean skip) {
    Tx tx = db.begin();
    try {
      if (skip) {
        return;
      }
      dao.save(o);
      tx.commit();
    } finally {
      rollbackQuietly(tx);
    }
  }
}
