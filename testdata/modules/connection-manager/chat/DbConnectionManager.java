package chat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The helper file: begins and ends transactions for callers in other files. */
public final class DbConnectionManager {
  private static DataSource dataSource;

  private DbConnectionManager() {}

  public static Connection getConnection() throws SQLException {
    return dataSource.getConnection();
  }

  /** A begin wrapper returning a fresh connection: its callers own the transaction. */
  public static Connection getTransactionConnection() throws SQLException {
    Connection con = getConnection();
    con.setAutoCommit(false);
    return con;
  }

  /** An end wrapper: commits or rolls back, then closes. */
  public static void closeTransactionConnection(Connection con, boolean abort) {
    try {
      if (abort) {
        con.rollback();
      } else {
        con.commit();
      }
    } catch (SQLException e) {
      // logged by the real code
    }
    try {
      con.setAutoCommit(true);
      con.close();
    } catch (SQLException e) {
      // logged by the real code
    }
  }
}
