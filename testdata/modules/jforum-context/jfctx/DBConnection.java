package jfctx;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The pool facade: one instance, reached through getImplementation(). */
public class DBConnection {
  private static final Logger LOG = Logger.getLogger(DBConnection.class.getName());
  private static DBConnection instance;

  private DataSource ds;

  public static void createInstance(DataSource ds) {
    DBConnection c = new DBConnection();
    c.ds = ds;
    instance = c;
  }

  public static DBConnection getImplementation() {
    return instance;
  }

  /** A fresh pooled connection every call; SQLException is wrapped. */
  public Connection getConnection() {
    try {
      return this.ds.getConnection();
    } catch (SQLException e) {
      throw new DatabaseException("Cannot get a connection from the pool", e);
    }
  }

  /** Gives the connection back to the pool (closes it); never throws. */
  public void releaseConnection(Connection conn) {
    if (conn != null) {
      try {
        conn.close();
      } catch (SQLException e) {
        LOG.log(Level.WARNING, "Error releasing a connection", e);
      }
    }
  }
}
