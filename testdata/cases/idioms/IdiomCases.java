// Covers: common idioms with the home-grown receiver type Orm: committed flag in finally (and the
// flag set too early), correlated `if (useTx)` branches (clean) and uncorrelated/incomplete ones
// (leak), isActive() guards and infeasible paths, commit-or-rollback by a result flag, and
// @SuppressWarnings with the rule names and "all" on methods and on a nested class.
//
// Reading chosen: @SuppressWarnings("UncommittedTransaction") is only tested on a method whose
// sole finding is a normal-exit one and @SuppressWarnings("UncommittedTransactionOnException") on
// a method whose sole finding is an exception one, so it does not matter whether either name
// also silences the other rule.
package cases.idioms;

public class IdiomCases {

  static class Orm {
    void begin() {}

    void commit() {}

    void rollback() {}

    boolean isActive() {
      return false;
    }
  }

  interface Dao {
    void save(Object o);

    boolean tryWork(Object o);
  }

  private final Orm orm = new Orm();
  private final Dao dao;

  public IdiomCases(Dao dao) {
    this.dao = dao;
  }

  public void committedFlagInFinallyIsClean(Object o) {
    boolean ok = false;
    orm.begin();
    try {
      dao.save(o);
      orm.commit();
      ok = true;
    } finally {
      if (!ok) {
        orm.rollback();
      }
    }
  }

  public void committedFlagSetTooEarlyLeaks(Object o) {
    boolean ok = false;
    orm.begin();
    try {
      ok = true;
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      dao.save(o);
      orm.commit();
    } finally {
      if (!ok) {
        orm.rollback();
      }
    }
  }

  public void correlatedUseTxIsClean(boolean useTx, int[] data) {
    if (useTx) {
      orm.begin();
    }
    int sum = 0;
    for (int d : data) {
      sum += d;
    }
    if (useTx) {
      orm.commit();
    }
  }

  public void correlatedUseTxWithTryIsClean(boolean useTx, Object o) {
    if (useTx) {
      orm.begin();
    }
    try {
      dao.save(o);
      if (useTx) {
        orm.commit();
      }
    } catch (RuntimeException e) {
      if (useTx) {
        orm.rollback();
      }
      throw e;
    }
  }

  public void correlatedUseTxWithoutTryLeaksOnException(boolean useTx, Object o) {
    if (useTx) {
      orm.begin();
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.save(o);
    if (useTx) {
      orm.commit();
    }
  }

  public void correlatedButIncompleteLeaks(boolean useTx, boolean flush) {
    if (useTx) {
      orm.begin();
    }
    if (useTx && flush) {
      orm.commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void uncorrelatedFlagsLeak(boolean useTx, boolean other) {
    if (useTx) {
      orm.begin();
    }
    if (other) {
      orm.commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void copiedFlagStaysCorrelatedIsClean(boolean useTx) {
    boolean transactional = useTx;
    if (transactional) {
      orm.begin();
    }
    if (transactional) {
      orm.commit();
    }
  }

  public void isActiveGuardedCommitIsClean() {
    orm.begin();
    if (orm.isActive()) {
      orm.commit();
    }
  }

  public void notActiveReturnIsInfeasibleIsClean() {
    orm.begin();
    if (!orm.isActive()) {
      return;
    }
    orm.commit();
  }

  public void commitOrRollbackByResultIsClean(Object o) {
    orm.begin();
    boolean ok;
    try {
      ok = dao.tryWork(o);
    } catch (RuntimeException e) {
      orm.rollback();
      throw e;
    }
    if (ok) {
      orm.commit();
    } else {
      orm.rollback();
    }
  }

  public void commitOnlyOnSuccessLeaks(Object o) {
    orm.begin();
    boolean ok;
    try {
      ok = dao.tryWork(o);
    } catch (RuntimeException e) {
      orm.rollback();
      throw e;
    }
    if (ok) {
      orm.commit();
      return;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  @SuppressWarnings("UncommittedTransaction")
  public void suppressedNormalExitLeakIsSilent(boolean skip) {
    orm.begin();
    if (skip) {
      return;
    }
    orm.commit();
  }

  @SuppressWarnings("UncommittedTransactionOnException")
  public void suppressedExceptionLeakIsSilent(Object o) {
    orm.begin();
    dao.save(o);
    orm.commit();
  }

  @SuppressWarnings("all")
  public void suppressedAllIsSilent(Object o, boolean skip) {
    orm.begin();
    dao.save(o);
    if (skip) {
      return;
    }
    orm.commit();
  }

  @SuppressWarnings("all")
  static class SuppressedClass {
    private final Orm orm = new Orm();

    void leaksButTheClassIsSuppressed(Dao dao, Object o, boolean skip) {
      orm.begin();
      dao.save(o);
      if (skip) {
        return;
      }
      orm.commit();
    }
  }

  public void useTxWithCommittedFlagIsClean(boolean useTx, Object o) {
    boolean done = false;
    if (useTx) {
      orm.begin();
    }
    try {
      dao.save(o);
      if (useTx) {
        orm.commit();
      }
      done = true;
    } finally {
      if (useTx && !done) {
        orm.rollback();
      }
    }
  }

  public void guardedEndOnEveryExitIsClean(Object o, boolean skip) {
    orm.begin();
    try {
      if (skip) {
        return;
      }
      dao.save(o);
      orm.commit();
    } finally {
      if (orm.isActive()) {
        orm.rollback();
      }
    }
  }
}
