// Adversarial: generic methods (including a type-variable handle), static methods, constructors and
// instance initializers that begin transactions, synchronized blocks and methods, JTA status guards,
// Spring begin wrapper returning the status, and @SuppressWarnings on methods and classes.
package cases.adversarial;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

public class MemberCases {

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

  static void prepare() {}

  private final Unit unit = new Unit();
  private final Object lock = new Object();
  private final PlatformTransactionManager tm;

  public MemberCases(PlatformTransactionManager tm) {
    this.tm = tm;
  }

  public <T> T genericInTxLeaks(Supplier<T> body) {
    unit.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    T r = body.get();
    unit.commit();
    return r;
  }

  public <T> T genericInTxIsClean(Supplier<T> body) {
    unit.begin();
    try {
      T r = body.get();
      unit.commit();
      return r;
    } catch (RuntimeException e) {
      unit.rollback();
      throw e;
    }
  }

  public <X extends EntityTransaction> void typeVariableHandleLeaks(X tx, boolean ok) {
    tx.begin();
    if (ok) {
      tx.commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public static <T> T staticGenericWithFinallyIsClean(EntityManager em, Supplier<T> body) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      T r = body.get();
      tx.commit();
      return r;
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
    }
  }

  public static void staticJdbcNarrowCatchLeaks(DataSource ds, String sql) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    try (Statement st = c.createStatement()) {
      st.executeUpdate(sql);
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    }
  }

  public static void staticJdbcAutoCommitTrueEndsIsClean(DataSource ds, String sql)
      throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.executeUpdate(sql);
    } finally {
      c.setAutoCommit(true);
    }
  }

  static class CtorBeginsLeaks {
    CtorBeginsLeaks(EntityManager em, Object a) {
      EntityTransaction tx = em.getTransaction();
      tx.begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(a);
      tx.commit();
    }
  }

  static class CtorBeginsIsClean {
    CtorBeginsIsClean(EntityManager em, Object a) {
      EntityTransaction tx = em.getTransaction();
      tx.begin();
      try {
        em.persist(a);
        tx.commit();
      } finally {
        if (tx.isActive()) {
          tx.rollback();
        }
      }
    }
  }

  static class CtorEarlyReturnLeaks {
    CtorEarlyReturnLeaks(Unit u, boolean skip) {
      u.begin();
      if (skip) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      u.commit();
    }
  }

  static class InitializerIsClean {
    final Unit u = new Unit();

    {
      u.begin();
      try {
        prepare();
        u.commit();
      } finally {
        if (u.isActive()) {
          u.rollback();
        }
      }
    }
  }

  static class InitializerLeaks {
    final Unit u = new Unit();

    {
      u.begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      prepare();
      u.commit();
    }
  }

  public void synchronizedBlockLeaks(EntityManager em, Object a) {
    EntityTransaction tx = em.getTransaction();
    synchronized (lock) {
      tx.begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(a);
      tx.commit();
    }
  }

  public synchronized boolean synchronizedReturnInsideBlockLeaks(Unit u, boolean skip) {
    synchronized (lock) {
      u.begin();
      if (skip) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return false;
      }
      u.commit();
    }
    return true;
  }

  public void synchronizedBlockWithTryFinallyIsClean(Unit u, Work w) {
    synchronized (lock) {
      u.begin();
      try {
        w.run();
        u.commit();
      } finally {
        if (u.isActive()) {
          u.rollback();
        }
      }
    }
  }

  public void jtaActiveOnlyStatusInFinallyLeaks(UserTransaction ut, Work w) throws Exception {
    ut.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      w.run();
      ut.commit();
    } finally {
      if (ut.getStatus() == Status.STATUS_ACTIVE) {
        ut.rollback();
      }
    }
  }

  public void jtaNoTransactionStatusGuardInFinallyIsClean(UserTransaction ut, Work w)
      throws Exception {
    ut.begin();
    try {
      w.run();
      ut.commit();
    } finally {
      if (ut.getStatus() != Status.STATUS_NO_TRANSACTION) {
        ut.rollback();
      }
    }
  }

  public void jtaActiveStatusOnNormalPathCommitsIsClean(UserTransaction ut) throws Exception {
    ut.begin();
    if (ut.getStatus() == Status.STATUS_ACTIVE) {
      ut.commit();
    }
  }

  TransactionStatus start() {
    return tm.getTransaction(new DefaultTransactionDefinition());
  }

  public void springReturnedStatusLeaks(Work w) {
    TransactionStatus st = start();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    w.run();
    tm.commit(st);
  }

  public void springReturnedStatusIsClean(Work w) {
    TransactionStatus st = start();
    try {
      w.run();
    } catch (RuntimeException e) {
      tm.rollback(st);
      throw e;
    }
    tm.commit(st);
  }

  @SuppressWarnings("UncommittedTransaction")
  public void suppressedNormalExitIsSilent(boolean skip) {
    Unit u = new Unit();
    u.begin();
    if (skip) {
      return;
    }
    u.commit();
  }

  @SuppressWarnings("UncommittedTransactionOnException")
  public void suppressedExceptionExitIsSilent(Work w) {
    Unit u = new Unit();
    u.begin();
    w.run();
    u.commit();
  }

  @SuppressWarnings("all")
  public void suppressedAllBothRulesIsSilent(Work w, boolean skip) {
    Unit u = new Unit();
    u.begin();
    w.run();
    if (skip) {
      return;
    }
    u.commit();
  }

  @SuppressWarnings("unchecked")
  public void unrelatedSuppressionStillLeaks(boolean skip) {
    Unit u = new Unit();
    u.begin();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    u.commit();
  }

  @SuppressWarnings({"unchecked", "UncommittedTransaction"})
  public void suppressionInArrayIsSilent(boolean skip) {
    Unit u = new Unit();
    u.begin();
    if (skip) {
      return;
    }
    u.commit();
  }

  public void neighbourOfSuppressedStillLeaks(boolean skip) {
    Unit u = new Unit();
    u.begin();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    u.commit();
  }

  @SuppressWarnings("all")
  static class SuppressedClass {
    void normalLeakIsSilent(boolean skip) {
      Unit u = new Unit();
      u.begin();
      if (skip) {
        return;
      }
      u.commit();
    }

    Runnable lambdaInSuppressedClassIsSilent(Work w) {
      return () -> {
        Unit u = new Unit();
        u.begin();
        w.run();
        u.commit();
      };
    }
  }

  @SuppressWarnings("UncommittedTransactionOnException")
  static class ClassSuppressesOnlyExceptionRule {
    void exceptionLeakIsSilent(Work w) {
      Unit u = new Unit();
      u.begin();
      w.run();
      u.commit();
    }
  }
}
