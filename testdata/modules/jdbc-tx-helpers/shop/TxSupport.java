package shop;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Begin, end and close helpers used by the repositories in the other files of this module. */
public final class TxSupport {
  private final DataSource dataSource;

  public TxSupport(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Begins on a connection acquired here and returns it without keeping it: fresh for callers. */
  public Connection openTxConnection() throws SQLException {
    Connection con = dataSource.getConnection();
    con.setAutoCommit(false);
    return con;
  }

  /** Begins only when asked to; with false it is a plain factory wrapper. */
  public Connection connection(boolean transactional) throws SQLException {
    Connection con = dataSource.getConnection();
    if (transactional) {
      con.setAutoCommit(false);
    }
    return con;
  }

  /** End wrapper and closer. */
  public static void commitAndClose(Connection con) throws SQLException {
    try {
      con.commit();
    } finally {
      con.close();
    }
  }

  /** End wrapper and closer: rollback and close inside swallowing catches (settled detail 6). */
  public static void rollbackAndClose(Connection con) {
    try {
      con.rollback();
    } catch (SQLException ignored) {
      // best effort
    } finally {
      closeQuietly(con);
    }
  }

  /** Closer only. */
  public static void closeQuietly(Connection con) {
    if (con != null) {
      try {
        con.close();
      } catch (SQLException ignored) {
        // best effort
      }
    }
  }
}
