package jfctx;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The installer runs outside the request context, on connections of its own. */
public class InstallAction {
  private void execute(Connection conn, String sql) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.executeUpdate(sql);
    }
  }

  /** Correct: every failure rolls back, the connection goes back in finally. */
  public boolean importDump(List<String> statements) {
    Connection conn = null;
    try {
      conn = DBConnection.getImplementation().getConnection();
      conn.setAutoCommit(false);
      for (String sql : statements) {
        execute(conn, sql);
      }
      conn.commit();
      return true;
    } catch (Exception e) {
      if (conn != null) {
        try {
          conn.rollback();
        } catch (SQLException ignored) {
          // nothing more to do
        }
      }
      return false;
    } finally {
      DBConnection.getImplementation().releaseConnection(conn);
    }
  }

  /** Rolls back SQLExceptions only: an unchecked failure is ended by the release alone. */
  public boolean createTables(List<String> statements) {
    Connection conn = null;
    try {
      conn = DBConnection.getImplementation().getConnection();
      conn.setAutoCommit(false);
      for (String sql : statements) {
        execute(conn, sql);
      }
      conn.commit();
      return true;
    } catch (SQLException e) {
      try {
        conn.rollback();
      } catch (SQLException ignored) {
        // nothing more to do
      }
      return false;
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      DBConnection.getImplementation().releaseConnection(conn);
    }
  }

  /** A dry run returns with the transaction begun (and the connection held). */
  public boolean upgrade(List<String> statements, boolean dryRun) throws SQLException {
    Connection conn = DBConnection.getImplementation().getConnection();
    conn.setAutoCommit(false);
    if (dryRun) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
    try {
      for (String sql : statements) {
        execute(conn, sql);
      }
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    } finally {
      DBConnection.getImplementation().releaseConnection(conn);
    }
    return true;
  }

  /** No try at all: a failing statement leaves the transaction open. */
  public void importData() throws SQLException {
    Connection conn = DBConnection.getImplementation().getConnection();
    conn.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    execute(conn, "DELETE FROM jforum_config");
    execute(conn, "INSERT INTO jforum_config (config_name, config_value) VALUES ('installed', 'true')");
    conn.commit();
    DBConnection.getImplementation().releaseConnection(conn);
  }
}
