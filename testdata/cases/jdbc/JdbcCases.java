// Covers: JDBC java.sql.Connection, setAutoCommit(false) as begin; commit(), rollback() (no-arg)
// and setAutoCommit(true) as ends; getAutoCommit() as the query. Leaks: early return, exception
// escaping, catch (SQLException) letting unchecked exceptions pass, `continue` skipping the
// commit, local connection closed without end (close is not an end), try-with-resources on the
// Connection (close is not an end), rollback(Savepoint) is not an end. Clean: multi-catch
// rollback, finally setAutoCommit(true), getAutoCommit() guard, setAutoCommit(false) twice.
package cases.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import javax.sql.DataSource;

public class JdbcCases {

  private final DataSource ds;

  public JdbcCases(DataSource ds) {
    this.ds = ds;
  }

  public void earlyReturnLeaks(Connection conn, boolean skip) throws SQLException {
    conn.setAutoCommit(false);
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    conn.commit();
  }

  public void exceptionEscapesLeaks(Connection conn, Statement st, String sql)
      throws SQLException {
    conn.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    st.executeUpdate(sql);
    conn.commit();
  }

  public void multiCatchRollbackIsClean(Connection conn, Statement st, String sql)
      throws SQLException {
    conn.setAutoCommit(false);
    try {
      st.executeUpdate(sql);
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    }
  }

  public void catchSqlExceptionOnlyLeaksUncheckedExceptions(Connection conn, Statement st, String sql)
      throws SQLException {
    conn.setAutoCommit(false);
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      st.executeUpdate(sql);
      conn.commit();
    } catch (SQLException e) {
      conn.rollback();
      throw e;
    }
  }

  public void finallySetAutoCommitTrueIsClean(Connection conn, Statement st, String sql)
      throws SQLException {
    conn.setAutoCommit(false);
    try {
      st.executeUpdate(sql);
    } finally {
      conn.setAutoCommit(true);
    }
  }

  public void rollbackThenRestoreAutoCommitIsClean(Connection conn, Statement st, String sql)
      throws SQLException {
    conn.setAutoCommit(false);
    try {
      st.executeUpdate(sql);
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    } finally {
      conn.setAutoCommit(true);
    }
  }

  public void getAutoCommitGuardInFinallyIsClean(Connection conn, Statement st, String sql)
      throws SQLException {
    conn.setAutoCommit(false);
    try {
      st.executeUpdate(sql);
      conn.commit();
    } finally {
      if (!conn.getAutoCommit()) {
        conn.rollback();
      }
    }
  }

  public void setAutoCommitFalseTwiceIsHarmlessIsClean(Connection conn, Statement st, String sql)
      throws SQLException {
    conn.setAutoCommit(false);
    conn.setAutoCommit(false);
    try {
      st.executeUpdate(sql);
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    }
  }

  public void setAutoCommitFalseInLoopWithCommitIsClean(Connection conn, int batches)
      throws SQLException {
    for (int i = 0; i < batches; i++) {
      conn.setAutoCommit(false);
      conn.commit();
    }
  }

  public void continueSkipsTheCommitLeaks(Connection conn, int[] values) throws SQLException {
    for (int v : values) {
      conn.setAutoCommit(false);
      if (v < 0) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        continue;
      }
      conn.commit();
    }
  }

  public void localConnectionClosedWithoutEndLeaks(String sql) throws SQLException {
    Connection conn = ds.getConnection();
    conn.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Statement st = conn.createStatement();
    st.executeUpdate(sql);
    // BUG: Diagnostic contains: [TransactionEndedByClose]
    conn.close();
  }

  public void tryWithResourcesOnConnectionEndedByClose(String sql) throws SQLException {
    // BUG: Diagnostic contains: [TransactionEndedByClose]
    try (Connection conn = ds.getConnection()) {
      conn.setAutoCommit(false);
      conn.createStatement().executeUpdate(sql);
      conn.commit();
    }
  }

  public void tryWithResourcesOnConnectionWithRollbackIsClean(String sql) throws SQLException {
    try (Connection conn = ds.getConnection()) {
      conn.setAutoCommit(false);
      // JLS 14.20.3.2: the catch clauses of an extended try-with-resources also catch exceptions
      // thrown by the resource initializer (conn.createStatement()), so it is rolled back too.
      try (Statement st = conn.createStatement()) {
        st.executeUpdate(sql);
        conn.commit();
      } catch (SQLException | RuntimeException e) {
        conn.rollback();
        throw e;
      }
    }
  }

  public void rollbackToSavepointIsNotAnEndLeaks(
      Connection conn, Statement st, Savepoint sp, String sql, boolean undo) throws SQLException {
    conn.setAutoCommit(false);
    try {
      st.executeUpdate(sql);
      if (undo) {
        conn.rollback(sp);
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    }
  }

  public void setAutoCommitTrueBeforeEarlyReturnIsClean(Connection conn, boolean skip)
      throws SQLException {
    conn.setAutoCommit(false);
    if (skip) {
      conn.setAutoCommit(true);
      return;
    }
    conn.commit();
  }

  // Reading chosen: setAutoCommit(variable) has a non-constant auto-commit argument, so, as with
  // MyBatis openSession(autoCommit), it is not treated as a begin (benign case).
  public void setAutoCommitVariableIsNotABeginIsClean(
      Connection conn, Statement st, String sql, boolean autoCommit) throws SQLException {
    conn.setAutoCommit(autoCommit);
    st.executeUpdate(sql);
    if (!autoCommit) {
      conn.commit();
    }
  }

  public void commitOnlyOnSuccessLeaks(Connection conn, boolean success) throws SQLException {
    conn.setAutoCommit(false);
    if (success) {
      conn.commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void restorePreviousAutoCommitInFinallyIsClean(Connection conn, Statement st, String sql)
      throws SQLException {
    boolean previous = conn.getAutoCommit();
    conn.setAutoCommit(false);
    try {
      st.executeUpdate(sql);
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    } finally {
      conn.setAutoCommit(previous);
    }
  }

  public void savepointInsideGuardedTryIsClean(Connection conn, Statement st, String sql)
      throws SQLException {
    conn.setAutoCommit(false);
    try {
      Savepoint sp = conn.setSavepoint();
      try {
        st.executeUpdate(sql);
      } catch (SQLException e) {
        conn.rollback(sp);
      }
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    }
  }
}
