// Covers: branching with the home-grown receiver type Orm: early return inside nested ifs,
// else-if chains, a call in an if condition (exception finding at the condition, normal finding
// at the return), two transactions in one method (two begin sites on the same handle, each
// reported once), many sequential branches (must stay polynomial and clean), a leak at the end
// of a method with many branches, infeasible paths via known boolean locals.
package cases.controlflow;

public class BranchCases {

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

    boolean exists(Object o);
  }

  private final Orm orm = new Orm();
  private final Orm other = new Orm();
  private final Dao dao;

  public BranchCases(Dao dao) {
    this.dao = dao;
  }

  public void earlyReturnInNestedIfLeaks(boolean a, boolean b) {
    orm.begin();
    if (a) {
      if (b) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
    }
    orm.commit();
  }

  public void earlyReturnInNestedIfAfterRollbackIsClean(boolean a, boolean b) {
    orm.begin();
    if (a) {
      if (b) {
        orm.rollback();
        return;
      }
    }
    orm.commit();
  }

  public void elseIfChainLeaks(int k) {
    orm.begin();
    if (k == 0) {
      orm.commit();
    } else if (k == 1) {
      orm.rollback();
    } else if (k == 2) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    } else {
      orm.commit();
    }
  }

  public void elseIfChainAllEndIsClean(int k) {
    orm.begin();
    if (k == 0) {
      orm.commit();
    } else if (k == 1) {
      orm.rollback();
    } else {
      orm.commit();
    }
  }

  public void ifWithoutElseLeaksAtTheEnd(int k) {
    orm.begin();
    if (k > 0) {
      orm.commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void callInConditionAndEarlyReturnLeaks(Object o) {
    orm.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    if (dao.exists(o)) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    orm.commit();
  }

  public void twoBeginSitesEachLeakOnException(Object a, Object b) {
    orm.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.save(a);
    orm.commit();
    orm.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.save(b);
    orm.commit();
  }

  public void oneBeginSiteManyThrowingCallsReportedOnce(Object a, Object b, Object c) {
    orm.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.save(a);
    dao.save(b);
    dao.save(c);
    orm.commit();
  }

  public void twoTransactionsSecondLeaksOnReturn(boolean b) {
    orm.begin();
    other.begin();
    orm.commit();
    if (b) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    other.commit();
  }

  public void twoTransactionsBothEndedIsClean(Object a) {
    orm.begin();
    other.begin();
    try {
      dao.save(a);
      other.commit();
      orm.commit();
    } finally {
      if (other.isActive()) {
        other.rollback();
      }
      if (orm.isActive()) {
        orm.rollback();
      }
    }
  }

  public void sequentialTransactionsAreClean() {
    orm.begin();
    orm.commit();
    orm.begin();
    orm.rollback();
  }

  public void knownTrueFlagIsClean() {
    boolean commitNow = true;
    orm.begin();
    if (commitNow) {
      orm.commit();
    }
  }

  public void knownFalseFlagLeaks() {
    boolean commitNow = false;
    orm.begin();
    if (commitNow) {
      orm.commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public int manyBranchesAreClean(int x) {
    int acc = 0;
    orm.begin();
    if (x > 1) acc += 1;
    if (x > 2) acc += 2;
    if (x > 3) acc += 3;
    if (x > 4) acc += 4;
    if (x > 5) acc += 5;
    if (x > 6) acc += 6;
    if (x > 7) acc += 7;
    if (x > 8) acc += 8;
    if (x > 9) acc += 9;
    if (x > 10) acc += 10;
    if (x > 11) acc += 11;
    if (x > 12) acc += 12;
    if (x > 13) acc += 13;
    if (x > 14) acc += 14;
    if (x > 15) acc += 15;
    if (x > 16) acc += 16;
    if (x > 17) acc += 17;
    if (x > 18) acc += 18;
    if (x > 19) acc += 19;
    if (x > 20) acc += 20;
    if (x > 21) acc += 21;
    if (x > 22) acc += 22;
    if (x > 23) acc += 23;
    if (x > 24) acc += 24;
    if (x > 25) acc += 25;
    if (x > 26) acc += 26;
    if (x > 27) acc += 27;
    if (x > 28) acc += 28;
    if (x > 29) acc += 29;
    if (x > 30) acc += 30;
    if (x > 31) acc += 31;
    if (x > 32) acc += 32;
    if (x > 33) acc += 33;
    if (x > 34) acc += 34;
    if (x > 35) acc += 35;
    if (x > 36) acc += 36;
    if (x > 37) acc += 37;
    if (x > 38) acc += 38;
    if (x > 39) acc += 39;
    if (x > 40) acc += 40;
    orm.commit();
    return acc;
  }

  public int manyBranchesThenEarlyReturnLeaks(int x) {
    int acc = 0;
    orm.begin();
    if (x > 1) acc += 1;
    if (x > 2) acc += 2;
    if (x > 3) acc += 3;
    if (x > 4) acc += 4;
    if (x > 5) acc += 5;
    if (x > 6) acc += 6;
    if (x > 7) acc += 7;
    if (x > 8) acc += 8;
    if (x > 9) acc += 9;
    if (x > 10) acc += 10;
    if (x > 11) acc += 11;
    if (x > 12) acc += 12;
    if (x > 13) acc += 13;
    if (x > 14) acc += 14;
    if (x > 15) acc += 15;
    if (x > 16) acc += 16;
    if (x > 17) acc += 17;
    if (x > 18) acc += 18;
    if (x > 19) acc += 19;
    if (x > 20) acc += 20;
    if (acc > 100) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return acc;
    }
    orm.commit();
    return acc;
  }

  public void manyBooleanFlagsAreCorrelatedIsClean(boolean a, boolean b, boolean c, boolean d) {
    if (a) {
      orm.begin();
    }
    if (b) {
      other.begin();
    }
    if (c) {
      d = !d;
    }
    if (d) {
      c = !c;
    }
    if (b) {
      other.commit();
    }
    if (a) {
      orm.commit();
    }
  }

  public void earlyReturnBeforeBeginIsClean(boolean skip, Object o) {
    if (skip) {
      return;
    }
    orm.begin();
    try {
      dao.save(o);
      orm.commit();
    } catch (RuntimeException e) {
      orm.rollback();
      throw e;
    }
  }

  public void beginInBothBranchesCommitAfterIsClean(boolean a) {
    if (a) {
      orm.begin();
    } else {
      orm.begin();
    }
    orm.commit();
  }

  public void conditionalBeginWithIsActiveGuardedCommitIsClean(boolean b) {
    if (b) {
      orm.begin();
    }
    if (orm.isActive()) {
      orm.commit();
    }
  }

  public void commitInFinallyIsClean(int x) {
    orm.begin();
    try {
      x++;
    } finally {
      orm.commit();
    }
  }

  public void throwAfterCommitIsClean(Object o, boolean fail) {
    orm.begin();
    try {
      dao.save(o);
      orm.commit();
    } catch (RuntimeException e) {
      orm.rollback();
      throw e;
    }
    if (fail) {
      throw new IllegalStateException("after commit");
    }
  }

  public int ternaryDrivenEndsAreClean(int x) {
    orm.begin();
    boolean positive = x > 0 ? true : false;
    if (positive) {
      orm.commit();
      return 1;
    }
    orm.rollback();
    return 0;
  }
}
