// Adversarial: labeled break/continue out of nested loops and labeled blocks, do/while with break,
// while(true) with return, for loops with complex conditions, ternaries in conditions, loops that
// leave through a finally, retry loops (JTA begun again while active).
package cases.adversarial;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.transaction.UserTransaction;

public class LoopLabelCases {

  static class Unit {
    void begin() {}

    void commit() {}

    void rollback() {}

    boolean isActive() {
      return false;
    }
  }

  interface Work {
    void run();
  }

  static void log(Object o) {}

  public void labeledBreakFromTripleLoopLeaks(int[][][] cube) {
    Unit u = new Unit();
    outer:
    for (int[][] plane : cube) {
      u.begin();
      for (int[] row : plane) {
        for (int v : row) {
          if (v < 0) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            break outer;
          }
          if (v == 0) {
            break;
          }
        }
      }
      u.commit();
    }
  }

  public void labeledContinueAfterRollbackIsClean(int[][] grid) {
    Unit u = new Unit();
    outer:
    for (int[] row : grid) {
      u.begin();
      for (int v : row) {
        if (v < 0) {
          u.rollback();
          continue outer;
        }
      }
      u.commit();
    }
  }

  public void labeledBlockBreakLeaks(EntityManager em, boolean skip) {
    EntityTransaction tx = em.getTransaction();
    work:
    {
      tx.begin();
      if (skip) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        break work;
      }
      tx.commit();
    }
  }

  public int labeledBlockBreakThenCommitIsClean(EntityManager em, boolean skip) {
    EntityTransaction tx = em.getTransaction();
    int counter = 0;
    work:
    {
      tx.begin();
      if (skip) {
        break work;
      }
      counter++;
    }
    tx.commit();
    return counter;
  }

  public void nestedLabeledBlocksInnerBreakIsClean(boolean a, boolean b) {
    Unit u = new Unit();
    outer:
    {
      u.begin();
      inner:
      {
        if (a) {
          break inner;
        }
        if (b) {
          u.rollback();
          break outer;
        }
      }
      u.commit();
    }
  }

  public void nestedLabeledBlocksOuterBreakLeaks(boolean a, boolean b) {
    Unit u = new Unit();
    outer:
    {
      u.begin();
      inner:
      {
        if (a) {
          break inner;
        }
        if (b) {
          // BUG: Diagnostic contains: [UncommittedTransaction]
          break outer;
        }
      }
      u.commit();
    }
  }

  public void jtaContinueOuterBegunAgainLeaks(UserTransaction ut, int[][] grid) throws Exception {
    outer:
    for (int[] row : grid) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      ut.begin();
      for (int v : row) {
        if (v < 0) {
          // BUG: Diagnostic contains: [UncommittedTransaction]
          continue outer;
        }
      }
      ut.commit();
    }
  }

  public void doWhileBreakThenCommitIsClean(int[] values) {
    Unit u = new Unit();
    u.begin();
    int i = 0;
    do {
      if (values[i] < 0) {
        break;
      }
      i++;
    } while (i < values.length);
    u.commit();
  }

  public int doWhileBreakFlagRollbackAfterLoopIsClean(int[] values) {
    Unit u = new Unit();
    int i = 0;
    boolean failed = false;
    do {
      u.begin();
      if (values[i] < 0) {
        failed = true;
        break;
      }
      u.commit();
      i++;
    } while (i < values.length);
    if (failed) {
      u.rollback();
      return -1;
    }
    return i;
  }

  public int doWhileBreakFlagNotRolledBackLeaks(int[] values) {
    Unit u = new Unit();
    int i = 0;
    boolean failed = false;
    do {
      u.begin();
      if (values[i] < 0) {
        failed = true;
        // BUG: Diagnostic contains: [UncommittedTransaction]
        break;
      }
      u.commit();
      i++;
    } while (i < values.length);
    if (failed) {
      return -1;
    }
    return i;
  }

  public int whileTrueReturnInsideTryIsClean(EntityManager em, Object[] values) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      int i = 0;
      while (true) {
        if (values[i] == null) {
          return i;
        }
        em.persist(values[i]);
        i++;
      }
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
    }
  }

  public int whileTrueReturnLeaks(EntityManager em, Object[] items) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    int i = 0;
    while (true) {
      if (i >= items.length) {
        tx.commit();
        return i;
      }
      if (items[i] == null) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return -1;
      }
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(items[i]);
      i++;
    }
  }

  public void forComplexConditionCommitsAfterIsClean(int[] values, boolean strict, int limit) {
    Unit u = new Unit();
    u.begin();
    int i;
    for (i = 0;
        i < values.length
            && (strict ? values[i] >= 0 : values[i] > -limit)
            && !(i > limit || values[i] == 99);
        i++) {
      values[i]++;
    }
    u.commit();
  }

  public void forBreakUnderNegatedConditionLeaks(int[] values, boolean strict) {
    Unit u = new Unit();
    for (int i = 0; i < values.length && !(strict && values[i] == 0); i++) {
      u.begin();
      if (!strict || values[i] > 0 ? values[i] > 100 : values[i] < -100) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        break;
      }
      u.commit();
    }
  }

  public void ternaryConditionCorrelatedLocalIsClean(EntityManager em, boolean a, boolean b) {
    EntityTransaction tx = em.getTransaction();
    boolean use = a ? b : !b;
    if (use) {
      tx.begin();
    }
    int x = 1;
    x++;
    if (use) {
      tx.commit();
    }
  }

  public void ternaryConditionRepeatedOnParametersIsClean(Unit u, boolean a, boolean b) {
    if (a ? b : !b) {
      u.begin();
    }
    int x = 1;
    x++;
    if (a ? b : !b) {
      u.commit();
    }
    // Known false positive (kept with its cause, as the Checker Framework does): the ESP merge joins the two
    // paths that begin (a = b = true and a = b = false) and loses the correlation of the two ternaries.
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void orBeginAndCommitLeaks(Unit u, boolean a, boolean b) {
    if (a || b) {
      u.begin();
    }
    if (a && b) {
      u.commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void continueThroughFinallyRollbackIsClean(EntityManager em, Object[][] batches) {
    EntityTransaction tx = em.getTransaction();
    outer:
    for (Object[] batch : batches) {
      tx.begin();
      try {
        for (Object o : batch) {
          if (o == null) {
            continue outer;
          }
          em.persist(o);
        }
        tx.commit();
      } finally {
        if (tx.isActive()) {
          tx.rollback();
        }
      }
    }
  }

  public void breakThroughLoggingFinallyLeaks(EntityManager em, Object[][] batches) {
    EntityTransaction tx = em.getTransaction();
    outer:
    for (Object[] batch : batches) {
      tx.begin();
      try {
        for (Object o : batch) {
          if (o == null) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            break outer;
          }
          // BUG: Diagnostic contains: [UncommittedTransactionOnException]
          em.persist(o);
        }
        tx.commit();
      } finally {
        log("batch");
      }
    }
  }

  public void breakFromSwitchInLoopThenCommitIsClean(int[] codes) {
    Unit u = new Unit();
    u.begin();
    loop:
    while (true) {
      for (int c : codes) {
        switch (c) {
          case 0:
            break;
          case 1:
            break loop;
          default:
            continue;
        }
      }
      break;
    }
    u.commit();
  }

  public void jtaRetryLoopIsClean(UserTransaction ut, Work w) throws Exception {
    int attempts = 0;
    while (true) {
      ut.begin();
      try {
        w.run();
        ut.commit();
        return;
      } catch (RuntimeException e) {
        ut.rollback();
        if (++attempts >= 3) {
          throw e;
        }
      }
    }
  }

  public void jtaRetryWithoutRollbackLeaks(UserTransaction ut, Work w) throws Exception {
    int attempts = 0;
    while (true) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      ut.begin();
      try {
        w.run();
        ut.commit();
        return;
      } catch (RuntimeException e) {
        if (++attempts >= 3) {
          // BUG: Diagnostic contains: [UncommittedTransactionOnException]
          throw e;
        }
      }
    }
  }
}
