package jrbatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The helper file, after Jackrabbit's ConnectionHelper: plain statements run on a fresh
 * auto-commit connection, unless the thread is in batch mode, where they run on the thread's
 * batch connection. startBatch() begins on that connection; endBatch(commit) commits or rolls
 * back, then closes it.
 */
public class ConnectionHelper {
  private final DataSource dataSource;
  private final ThreadLocal<Connection> batchConnectionTl = new ThreadLocal<>();

  public ConnectionHelper(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A fresh connection from the pool: a factory wrapper. */
  public Connection getConnection() throws SQLException {
    return dataSource.getConnection();
  }

  /** A begin wrapper on the thread's batch connection (kept in the ThreadLocal). */
  public void startBatch() throws SQLException {
    batchConnectionTl.set(getConnection());
    getBatchConnection().setAutoCommit(false);
  }

  /** An end wrapper (commit or rollback, by the flag) and a closer. */
  public void endBatch(boolean commit) throws SQLException {
    Connection con = getBatchConnection();
    try {
      if (commit) {
        con.commit();
      } else {
        con.rollback();
      }
    } finally {
      batchConnectionTl.remove();
      try {
        con.setAutoCommit(true);
      } catch (SQLException e) {
        DbUtility.logException("failed to reset autocommit", e);
      }
      DbUtility.close(con);
    }
  }

  /** Runs an update on the batch connection, or on a fresh one closed afterwards. */
  public int update(String sql, Object... params) throws SQLException {
    Connection batch = getBatchConnection();
    if (batch != null) {
      return execute(batch, sql, params);
    }
    Connection con = getConnection();
    try {
      return execute(con, sql, params);
    } finally {
      DbUtility.close(con);
    }
  }

  /** Reads one number, on the batch connection when there is one. */
  public long queryLong(String sql, Object... params) throws SQLException {
    Connection batch = getBatchConnection();
    if (batch != null) {
      return selectLong(batch, sql, params);
    }
    Connection con = getConnection();
    try {
      return selectLong(con, sql, params);
    } finally {
      DbUtility.close(con);
    }
  }

  private Connection getBatchConnection() {
    return batchConnectionTl.get();
  }

  private static int execute(Connection con, String sql, Object... params) throws SQLException {
    try (PreparedStatement stmt = con.prepareStatement(sql)) {
      bind(stmt, params);
      return stmt.executeUpdate();
    }
  }

  private static long selectLong(Connection con, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement stmt = con.prepareStatement(sql)) {
      bind(stmt, params);
      try (ResultSet rs = stmt.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1L;
      }
    }
  }

  private static void bind(PreparedStatement stmt, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      stmt.setObject(i + 1, params[i]);
    }
  }
}
