// Covers: MyBatis SqlSessionFactory.openSession(..) as begin unless auto-commit is requested;
// SqlSession commit()/rollback()/close() end (close rolls back). Leaks: early return, exception
// escaping, session never committed or closed, openSession(false), openSession(ExecutorType).
// Clean: close in finally, try-with-resources (with and without commit), rollback in catch,
// openSession(true) and openSession(ExecutorType, true) (auto-commit: no begin),
// openSession(autoCommitVariable) (not a constant: not treated as a begin), returning the session.
//
// Reading chosen: the handle is the SqlSession returned by openSession; a local session that
// never escapes makes the method responsible although the factory is a field (the factory is the
// owner, not the handle), so sessionNeverEndedLeaks is a leak, not a begin wrapper.
package cases.mybatis;

import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.TransactionIsolationLevel;

public class MyBatisCases {

  private final SqlSessionFactory factory;

  public MyBatisCases(SqlSessionFactory factory) {
    this.factory = factory;
  }

  public void closeInFinallyIsClean(Object row) {
    SqlSession s = factory.openSession();
    try {
      s.insert("rows.insert", row);
      s.commit();
    } finally {
      s.close();
    }
  }

  public void tryWithResourcesWithoutCommitIsClean(Object row) {
    try (SqlSession s = factory.openSession()) {
      s.insert("rows.insert", row);
    }
  }

  public void tryWithResourcesWithCommitIsClean(Object row, boolean skip) {
    try (SqlSession s = factory.openSession()) {
      s.insert("rows.insert", row);
      if (skip) {
        return;
      }
      s.commit();
    }
  }

  public void rollbackInCatchThenCloseIsClean(Object row) {
    SqlSession s = factory.openSession();
    try {
      s.insert("rows.insert", row);
      s.commit();
    } catch (RuntimeException e) {
      s.rollback();
      throw e;
    } finally {
      s.close();
    }
  }

  public void exceptionEscapesLeaks(Object row) {
    SqlSession s = factory.openSession();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    s.insert("rows.insert", row);
    s.commit();
    s.close();
  }

  public void earlyReturnLeaks(boolean skip) {
    SqlSession s = factory.openSession();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    s.close();
  }

  public void sessionNeverEndedLeaks(Object row) {
    SqlSession s = factory.openSession();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    s.insert("rows.insert", row);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void autoCommitTrueIsNotABeginIsClean(Object row) {
    SqlSession s = factory.openSession(true);
    s.insert("rows.insert", row);
  }

  public void autoCommitVariableIsNotABeginIsClean(Object row, boolean autoCommit) {
    SqlSession s = factory.openSession(autoCommit);
    s.insert("rows.insert", row);
  }

  public void autoCommitFalseIsABeginLeaks(boolean skip) {
    SqlSession s = factory.openSession(false);
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    s.commit();
  }

  public void executorTypeIsABeginLeaks(boolean skip) {
    SqlSession s = factory.openSession(ExecutorType.BATCH);
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    s.rollback();
  }

  public void executorTypeWithAutoCommitIsNotABeginIsClean(Object row) {
    SqlSession s = factory.openSession(ExecutorType.REUSE, true);
    s.insert("rows.insert", row);
  }

  public void isolationLevelIsABeginWithCloseIsClean(Object row) {
    try (SqlSession s = factory.openSession(TransactionIsolationLevel.READ_COMMITTED)) {
      s.insert("rows.insert", row);
      s.commit();
    }
  }

  public SqlSession returningTheSessionIsClean() {
    SqlSession s = factory.openSession();
    return s;
  }

  public void tryWithResourcesRollbackOnEarlyReturnIsClean(Object row, boolean skip) {
    try (SqlSession s = factory.openSession(ExecutorType.BATCH)) {
      s.insert("rows.insert", row);
      if (skip) {
        s.rollback();
        return;
      }
      s.flushStatements();
      s.commit();
    }
  }
}
