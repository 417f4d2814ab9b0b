package dbutilx;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The application's pool: a factory wrapper, and a begin wrapper returning a fresh connection. */
final class Db {
  private static volatile DataSource dataSource;

  private Db() {}

  static void configure(DataSource ds) {
    dataSource = ds;
  }

  static Connection open() throws SQLException {
    return dataSource.getConnection();
  }

  static Connection openTransaction() throws SQLException {
    Connection conn = open();
    try {
      conn.setAutoCommit(false);
    } catch (SQLException e) {
      DbUtils.closeQuietly(conn);
      throw e;
    }
    return conn;
  }

  /** Begins on the caller's connection and leaves the end to it: a begin wrapper. */
  static void beginBatch(Connection conn) throws SQLException {
    conn.setAutoCommit(false);
  }
}
