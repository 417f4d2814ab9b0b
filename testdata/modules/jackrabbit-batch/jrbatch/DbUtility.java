package jrbatch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** After Jackrabbit's DbUtility: quiet closes and logging. */
public final class DbUtility {
  private DbUtility() {}

  /** A closer: closes the connection after a null check, swallowing the failure. */
  public static void close(Connection con) {
    if (con != null) {
      try {
        con.close();
      } catch (SQLException e) {
        logException("failed to close Connection", e);
      }
    }
  }

  public static void close(Statement stmt) {
    if (stmt != null) {
      try {
        stmt.close();
      } catch (SQLException e) {
        logException("failed to close Statement", e);
      }
    }
  }

  public static void close(ResultSet rs) {
    if (rs != null) {
      try {
        rs.close();
      } catch (SQLException e) {
        logException("failed to close ResultSet", e);
      }
    }
  }

  /** A closer through another closer: the connection is closed last, in a finally. */
  public static void close(Connection con, Statement stmt, ResultSet rs) {
    try {
      close(rs);
      close(stmt);
    } finally {
      close(con);
    }
  }

  public static void logException(String message, SQLException e) {
    System.err.println(message + ": " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
  }
}
