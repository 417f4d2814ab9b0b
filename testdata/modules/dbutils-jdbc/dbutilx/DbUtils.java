package dbutilx;

import java.sql.Connection;
import java.sql.SQLException;

/** Null-safe close, commit and rollback helpers, with quiet variants that swallow the SQLException. */
public final class DbUtils {
  private DbUtils() {}

  public static void close(Connection conn) throws SQLException {
    if (conn != null) {
      conn.close();
    }
  }

  public static void closeQuietly(Connection conn) {
    try {
      close(conn);
    } catch (SQLException e) {
      // quiet
    }
  }

  public static void commitAndClose(Connection conn) throws SQLException {
    if (conn != null) {
      try {
        conn.commit();
      } finally {
        conn.close();
      }
    }
  }

  public static void commitAndCloseQuietly(Connection conn) {
    try {
      commitAndClose(conn);
    } catch (SQLException e) {
      // quiet
    }
  }

  public static void rollback(Connection conn) throws SQLException {
    if (conn != null) {
      conn.rollback();
    }
  }

  public static void rollbackAndClose(Connection conn) throws SQLException {
    if (conn != null) {
      try {
        conn.rollback();
      } finally {
        conn.close();
      }
    }
  }

  public static void rollbackAndCloseQuietly(Connection conn) {
    try {
      rollbackAndClose(conn);
    } catch (SQLException e) {
      // quiet
    }
  }

  public static void rollbackQuietly(Connection conn) {
    try {
      rollback(conn);
    } catch (SQLException e) {
      // quiet
    }
  }
}
