// Covers: loops with the home-grown receiver type Orm and with JPA. break out of while, do-while,
// for and labeled nested loops (reported at the break); continue skipping the end (reported at
// the continue); while(true) with return inside; commit per iteration (clean); begun again while
// active (JPA) after a labeled continue or a swallowed failure; a break that only leaves a switch
// inside the loop.
//
// Readings chosen: (1) home-grown types are not in the contract's "begun again while active"
// list, so home-grown loop cases are built so that no begin happens while active; (2) in
// labeledContinueLeaksAndIsBegunAgain both the `continue outer` (a path: continue on the last
// row, exit) and the begin (a path: continue, next row, begin while active) are findings.
package cases.controlflow;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.util.List;

public class LoopCases {

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
  }

  private final Orm orm = new Orm();
  private final Dao dao;

  public LoopCases(Dao dao) {
    this.dao = dao;
  }

  public void whileBreakLeaks(int n) {
    int i = 0;
    while (i < n) {
      orm.begin();
      if (i == 3) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        break;
      }
      orm.commit();
      i++;
    }
  }

  public void whileBreakAfterRollbackIsClean(int n) {
    int i = 0;
    while (i < n) {
      orm.begin();
      if (i == 3) {
        orm.rollback();
        break;
      }
      orm.commit();
      i++;
    }
  }

  public void doWhileBreakLeaks(int n) {
    int i = 0;
    do {
      orm.begin();
      if (i > n) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        break;
      }
      orm.commit();
      i++;
    } while (i < n);
  }

  public void doWhileCommitEachIterationIsClean(int n) {
    int i = 0;
    do {
      orm.begin();
      i++;
      orm.commit();
    } while (i < n);
  }

  public void forBreakLeaks(int n) {
    for (int i = 0; i < n; i++) {
      orm.begin();
      if (i > 5) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        break;
      }
      orm.commit();
    }
  }

  public void forBreakThenCommitAfterLoopIsClean(int n) {
    orm.begin();
    for (int i = 0; i < n; i++) {
      if (i > 5) {
        break;
      }
    }
    orm.commit();
  }

  public void labeledBreakOutOfNestedLoopsLeaks(int[][] grid) {
    outer:
    for (int[] row : grid) {
      orm.begin();
      for (int v : row) {
        if (v < 0) {
          // BUG: Diagnostic contains: [UncommittedTransaction]
          break outer;
        }
      }
      orm.commit();
    }
  }

  public void labeledBreakThenCommitIsClean(int[][] grid) {
    orm.begin();
    outer:
    for (int[] row : grid) {
      for (int v : row) {
        if (v < 0) {
          break outer;
        }
      }
    }
    orm.commit();
  }

  public void innerBreakOnlyLeavesInnerLoopIsClean(int[][] grid) {
    for (int[] row : grid) {
      orm.begin();
      for (int v : row) {
        if (v < 0) {
          break;
        }
      }
      orm.commit();
    }
  }

  public void guardedBeginContinueSkipsCommitLeaks(EntityTransaction tx, int[] values) {
    for (int v : values) {
      if (!tx.isActive()) {
        tx.begin();
      }
      if (v < 0) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        continue;
      }
      tx.commit();
    }
  }

  public void labeledContinueLeaksAndIsBegunAgain(EntityTransaction tx, int[][] grid) {
    outer:
    for (int[] row : grid) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      tx.begin();
      for (int v : row) {
        if (v < 0) {
          // BUG: Diagnostic contains: [UncommittedTransaction]
          continue outer;
        }
      }
      tx.commit();
    }
  }

  public void continueAfterRollbackIsClean(int[] values) {
    for (int v : values) {
      orm.begin();
      if (v < 0) {
        orm.rollback();
        continue;
      }
      orm.commit();
    }
  }

  public int whileTrueReturnLeaks(int[] values) {
    orm.begin();
    int i = 0;
    while (true) {
      if (values[i] < 0) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return i;
      }
      if (values[i] == 0) {
        orm.commit();
        return -1;
      }
      i++;
    }
  }

  public int whileTrueReturnAfterEndIsClean(int[] values) {
    orm.begin();
    int i = 0;
    while (true) {
      if (values[i] < 0) {
        orm.rollback();
        return i;
      }
      if (values[i] == 0) {
        orm.commit();
        return -1;
      }
      i++;
    }
  }

  public void commitPerIterationIsClean(List<Object> items) {
    for (Object item : items) {
      orm.begin();
      try {
        dao.save(item);
        orm.commit();
      } catch (RuntimeException e) {
        orm.rollback();
        throw e;
      }
    }
  }

  public void exceptionInLoopBodyLeaks(List<Object> items) {
    for (Object item : items) {
      orm.begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      dao.save(item);
      orm.commit();
    }
  }

  public void jpaBegunAgainInLoopWithoutEnd(EntityTransaction tx, int n) {
    for (int i = 0; i < n; i++) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      tx.begin();
    }
    tx.commit();
  }

  public void jpaSwallowedFailureInLoopIsBegunAgainAndLeaks(EntityManager em, List<Object> items) {
    EntityTransaction tx = em.getTransaction();
    for (Object item : items) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      tx.begin();
      try {
        em.persist(item);
        tx.commit();
      } catch (RuntimeException e) {
        System.err.println("skipped " + item);
      }
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void switchBreakInsideLoopOnlyLeavesTheSwitchIsClean(int[] codes) {
    for (int code : codes) {
      orm.begin();
      switch (code) {
        case 1:
          break;
        default:
          code++;
      }
      orm.commit();
    }
  }

  public void beginBeforeLoopCommitAfterIsClean(int n) {
    orm.begin();
    int sum = 0;
    for (int i = 0; i < n; i++) {
      sum += i;
    }
    orm.commit();
  }

  public void whileTrueWithBreakThenCommitIsClean(int[] values) {
    orm.begin();
    int i = 0;
    while (true) {
      if (values[i] < 0) {
        break;
      }
      i++;
    }
    orm.commit();
  }

  public void forEachWithContinueInsideTransactionIsClean(int[] values) {
    orm.begin();
    int sum = 0;
    for (int v : values) {
      if (v < 0) {
        continue;
      }
      sum += v;
    }
    orm.commit();
  }

  public int earlyReturnFromLoopAfterEndIsClean(List<Object> items) {
    int n = 0;
    for (Object item : items) {
      orm.begin();
      try {
        dao.save(item);
        orm.commit();
      } catch (RuntimeException e) {
        orm.rollback();
        return n;
      }
      n++;
    }
    return n;
  }
}
