// Covers: a begin whose object is acquired in the same expression or statement keeps its transaction.
// From real code (MyBatis SqlSessionManager.invoke, Hive TxnHandler.setConf and
// NoPoolConnectionPool.getConnection): a try-with-resources resource initialized by a begin
// (MyBatis openSession(), or a module method that returns a connection with auto-commit off) is both
// acquired and begun; a method that returns a begin wrapper's result hands the connection off.
// Clean for the default rules: those shapes (the resource from the wrapper ends by close). Leaks: the same resource without the commit on one path.
package cases.ownership;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

public class AcquiredBeginCases {
  private final SqlSessionFactory factory;
  private final DataSource dataSource;

  public AcquiredBeginCases(SqlSessionFactory factory, DataSource dataSource) {
    this.factory = factory;
    this.dataSource = dataSource;
  }

  /** MyBatis' own interceptor: commit, or roll back and rethrow; close rolls back anyway. */
  public Object resourceSessionCommittedIsClean(String statement) throws Throwable {
    try (SqlSession session = factory.openSession()) {
      try {
        Object result = session.selectOne(statement);
        session.commit();
        return result;
      } catch (Throwable t) {
        session.rollback();
        throw t;
      }
    }
  }

  public Object resourceSessionEarlyReturnLeaks(String statement, boolean dryRun) {
    SqlSession session = factory.openSession();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Object result = session.selectOne(statement);
    if (dryRun) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return result;
    }
    session.commit();
    session.close();
    return result;
  }

  /** A begin wrapper of this file: a connection with auto-commit off, for the caller to own. */
  Connection transactionConnection() throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    return c;
  }

  /** Returning the wrapper's result hands the connection to the caller. */
  public Connection passOnIsClean() throws SQLException {
    return transactionConnection();
  }

  /** A resource from the begin wrapper: closing it ends the transaction by close (Hive's setConf). */
  public void resourceFromBeginWrapperEndedByClose() throws SQLException {
    // BUG: Diagnostic contains: [TransactionEndedByClose]
    try (Connection c = transactionConnection()) {
      c.getMetaData();
    }
  }

  public void connectionFromBeginWrapperLeaks(boolean skip) throws SQLException {
    Connection c = transactionConnection();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    c.createStatement().executeUpdate("delete from t");
    c.commit();
    c.close();
  }
}
