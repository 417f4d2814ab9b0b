// Adversarial: old switch with fall-through, arrow switch, switch expressions with yield, switch
// without default on enums and strings, string switch with returns in cases, boolean flags set in
// several places, correlated conditions on parameters.
package cases.adversarial;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

public class SwitchFlagCases {

  enum Mode {
    A,
    B,
    C
  }

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

  public void fallThroughIntoCommitIsClean(int k) {
    Unit u = new Unit();
    switch (k) {
      case 1:
        u.begin();
      case 2:
        u.commit();
        break;
      default:
        break;
    }
  }

  public int fallThroughPastCommitLeaks(int k) {
    Unit u = new Unit();
    switch (k) {
      case 1:
        u.begin();
      case 2:
        k++;
      case 3:
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return k;
      case 4:
        u.begin();
        u.commit();
        return 0;
      default:
        return -1;
    }
  }

  public void arrowSwitchDefaultArmMissesEndLeaks(SessionFactory sf, Mode m) {
    Session s = sf.openSession();
    Transaction tx = s.beginTransaction();
    switch (m) {
      case A -> tx.commit();
      case B -> tx.rollback();
      default -> {}
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void arrowSwitchAllConstantsNoDefaultLeaks(Mode m) {
    Unit u = new Unit();
    u.begin();
    switch (m) {
      case A -> u.commit();
      case B -> u.rollback();
      case C -> u.commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void arrowSwitchAllConstantsWithDefaultIsClean(Mode m) {
    Unit u = new Unit();
    u.begin();
    switch (m) {
      case A -> u.commit();
      case B -> u.rollback();
      case C -> u.commit();
      default -> u.rollback();
    }
  }

  public int switchExpressionExhaustiveIsClean(Mode m) {
    Unit u = new Unit();
    u.begin();
    int r =
        switch (m) {
          case A -> {
            u.commit();
            yield 1;
          }
          case B -> {
            u.rollback();
            yield 2;
          }
          case C -> {
            u.commit();
            yield 3;
          }
        };
    return r;
  }

  public int switchExpressionYieldLeaks(Mode m, boolean ok) {
    Unit u = new Unit();
    int r =
        switch (m) {
          case A -> {
            u.begin();
            if (ok) {
              u.commit();
              yield 1;
            }
            // BUG: Diagnostic contains: [UncommittedTransaction]
            yield 2;
          }
          case B, C -> 0;
        };
    return r;
  }

  public int beginBeforeSwitchExpressionLeaksAtReturn(Mode m) {
    Unit u = new Unit();
    u.begin();
    int r =
        switch (m) {
          case A -> {
            u.commit();
            yield 1;
          }
          case B -> 2;
          case C -> {
            u.rollback();
            yield 3;
          }
        };
    // BUG: Diagnostic contains: [UncommittedTransaction]
    return r;
  }

  public int oldStyleSwitchExpressionYieldFallThroughIsClean(int k) {
    Unit u = new Unit();
    u.begin();
    return switch (k) {
      case 0:
        u.rollback();
      case 1:
        if (u.isActive()) {
          u.commit();
        }
        yield 1;
      default:
        u.commit();
        yield 2;
    };
  }

  public String stringSwitchReturnsLeaks(EntityManager em, String cmd) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    switch (cmd) {
      case "commit":
        tx.commit();
        return "c";
      case "rollback":
        tx.rollback();
        return "r";
      case "keep":
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return "k";
      default:
        tx.rollback();
        return "?";
    }
  }

  public void stringSwitchNoDefaultThenCommitIsClean(EntityManager em, String cmd) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    switch (cmd) {
      case "a":
        tx.rollback();
        return;
      case "b":
        break;
    }
    tx.commit();
  }

  public void stringSwitchNoDefaultLeaks(String cmd) {
    Unit u = new Unit();
    u.begin();
    switch (cmd) {
      case "a":
        u.commit();
        return;
      case "b":
        u.rollback();
        return;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public int stringSwitchExpressionWithDefaultIsClean(String cmd) {
    Unit u = new Unit();
    u.begin();
    int r =
        switch (cmd) {
          case "x", "y" -> {
            u.commit();
            yield 1;
          }
          default -> {
            u.rollback();
            yield 0;
          }
        };
    return r;
  }

  public void enumOldSwitchNoDefaultCommitInEveryCaseLeaks(Mode m) {
    Unit u = new Unit();
    u.begin();
    switch (m) {
      case A:
      case B:
        u.commit();
        return;
      case C:
        u.rollback();
        return;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void springArrowSwitchIsClean(PlatformTransactionManager tm, Mode m) {
    TransactionStatus st = tm.getTransaction(new DefaultTransactionDefinition());
    switch (m) {
      case A -> tm.commit(st);
      case B, C -> tm.rollback(st);
      default -> tm.rollback(st);
    }
  }

  public void flagSetInSeveralPlacesIsClean(EntityManager em, Object a, boolean fast) {
    EntityTransaction tx = em.getTransaction();
    boolean ended = false;
    tx.begin();
    try {
      if (fast) {
        tx.commit();
        ended = true;
        return;
      }
      em.persist(a);
      tx.commit();
      ended = true;
    } finally {
      if (!ended) {
        tx.rollback();
      }
    }
  }

  public void flagSetBeforeRiskyCallLeaks(EntityManager em, Object a) {
    EntityTransaction tx = em.getTransaction();
    boolean ended = false;
    tx.begin();
    try {
      em.persist(a);
      ended = true;
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.flush();
      tx.commit();
    } finally {
      if (!ended) {
        tx.rollback();
      }
    }
  }

  public void useTxFlagCorrelatedIsClean(Unit u, boolean useTx, Work w) {
    boolean began = false;
    if (useTx) {
      u.begin();
      began = true;
    }
    try {
      w.run();
      if (began) {
        u.commit();
      }
    } finally {
      if (began && u.isActive()) {
        u.rollback();
      }
    }
  }

  public void flagResetWithoutEndLeaks(Unit u, boolean useTx, int n) {
    boolean pending = false;
    if (useTx) {
      u.begin();
      pending = true;
    }
    if (n > 10) {
      pending = false;
    }
    if (pending) {
      u.commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void twoBooleanParamsReorderedIsClean(Unit u, boolean useTx, boolean dryRun) {
    if (useTx && !dryRun) {
      u.begin();
    }
    int x = 0;
    x++;
    if (!dryRun && useTx) {
      u.commit();
    }
  }

  public void correlatedParamReassignedLeaks(Unit u, boolean useTx, boolean other) {
    if (useTx) {
      u.begin();
    }
    useTx = other;
    if (useTx) {
      u.commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void flagSetInCatchTestedAfterIsClean(EntityManager em, Object a) {
    EntityTransaction tx = em.getTransaction();
    boolean failed = false;
    tx.begin();
    try {
      em.persist(a);
    } catch (RuntimeException e) {
      failed = true;
    }
    if (failed) {
      tx.rollback();
    } else {
      tx.commit();
    }
  }

  public void flagSetInCatchInvertedLeaks(EntityManager em, Object a) {
    EntityTransaction tx = em.getTransaction();
    boolean ok = true;
    tx.begin();
    try {
      em.persist(a);
    } catch (RuntimeException e) {
      ok = false;
    }
    if (ok) {
      tx.commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void springIsCompletedGuardIsClean(PlatformTransactionManager tm, Work w) {
    TransactionStatus st = tm.getTransaction(new DefaultTransactionDefinition());
    try {
      w.run();
      tm.commit(st);
    } finally {
      if (!st.isCompleted()) {
        tm.rollback(st);
      }
    }
  }

  public void springIsCompletedInvertedLeaks(PlatformTransactionManager tm, Work w) {
    TransactionStatus st = tm.getTransaction(new DefaultTransactionDefinition());
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      w.run();
      tm.commit(st);
    } finally {
      if (st.isCompleted()) {
        tm.rollback(st);
      }
    }
  }
}
