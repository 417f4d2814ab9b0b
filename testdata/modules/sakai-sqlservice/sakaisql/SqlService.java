package sakaisql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The database service: connections are borrowed and returned, writes run on a caller's
 * connection or on one borrowed for the statement, and transact() runs a callback in a
 * transaction whose connection it parks in a thread local for the nested writes.
 */
public final class SqlService {
  private static final Logger LOG = Logger.getLogger(SqlService.class.getName());

  private final DataSource defaultDataSource;
  private final ThreadLocal<Connection> transactionConnection = new ThreadLocal<>();

  public SqlService(DataSource defaultDataSource) {
    this.defaultDataSource = defaultDataSource;
  }

  public Connection borrowConnection() throws SQLException {
    if (defaultDataSource == null) {
      throw new SQLException("no default pool");
    }
    return defaultDataSource.getConnection();
  }

  public void returnConnection(Connection conn) {
    if (conn != null) {
      try {
        conn.close();
      } catch (SQLException e) {
        LOG.log(Level.WARNING, "returnConnection", e);
      }
    }
  }

  /** A write on the caller's connection: no transaction handling here. */
  public int dbWrite(Connection conn, String sql, Object[] fields) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      for (int i = 0; fields != null && i < fields.length; i++) {
        ps.setObject(i + 1, fields[i]);
      }
      return ps.executeUpdate();
    }
  }

  /** A write on the transaction's connection if there is one, else on a borrowed one. */
  public int dbWrite(String sql, Object[] fields) throws SQLException {
    Connection conn = transactionConnection.get();
    if (conn != null) {
      return dbWrite(conn, sql, fields);
    }
    Connection own = borrowConnection();
    try {
      return dbWrite(own, sql, fields);
    } finally {
      returnConnection(own);
    }
  }

  /** Runs the callback in a transaction; true if it committed. */
  public boolean transact(Runnable callback, String tag) {
    if (transactionConnection.get() != null) {
      callback.run();
      return true;
    }
    Connection connection = null;
    boolean wasCommit = true;
    try {
      connection = borrowConnection();
      wasCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      transactionConnection.set(connection);
      callback.run();
      connection.commit();
      return true;
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "transact: " + tag, e);
      if (connection != null) {
        try {
          connection.rollback();
        } catch (SQLException ee) {
          LOG.log(Level.WARNING, "transact: rollback", ee);
        }
      }
      return false;
    } catch (RuntimeException e) {
      if (connection != null) {
        try {
          connection.rollback();
        } catch (SQLException ee) {
          LOG.log(Level.WARNING, "transact: rollback", ee);
        }
      }
      throw e;
    } finally {
      transactionConnection.remove();
      if (connection != null) {
        try {
          connection.setAutoCommit(wasCommit);
        } catch (SQLException e) {
          LOG.log(Level.WARNING, "transact: restore auto-commit", e);
        }
        returnConnection(connection);
      }
    }
  }
}
