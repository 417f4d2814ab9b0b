package jrbatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** After Jackrabbit's DbDataStore: fresh connections from the helper, closed by DbUtility. */
public class DbDataStore {
  private final ConnectionHelper conHelper;

  public DbDataStore(ConnectionHelper conHelper) {
    this.conHelper = conHelper;
  }

  /** No rollback: when deleteRow fails, only DbUtility.close in the finally ends the transaction. */
  public void deleteRecord(String id) throws SQLException {
    Connection con = null;
    try {
      con = conHelper.getConnection();
      con.setAutoCommit(false);
      deleteRow(con, id);
      con.commit();
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      DbUtility.close(con, null, null);
    }
  }

  /** Rollback in the catch, close in the finally: correct. */
  public void updateModifiedDate(String id, long modified) throws DataStoreException {
    Connection con = null;
    try {
      con = conHelper.getConnection();
      con.setAutoCommit(false);
      touch(con, id, modified);
      con.commit();
    } catch (SQLException | RuntimeException e) {
      if (con != null) {
        try {
          con.rollback();
        } catch (SQLException e2) {
          DbUtility.logException("rollback failed", e2);
        }
      }
      throw new DataStoreException("failed to update the modified date of " + id, e);
    } finally {
      DbUtility.close(con, null, null);
    }
  }

  /** try-with-resources connection, rolled back before it is rethrown: correct. */
  public void addRecord(String id, byte[] data) throws SQLException {
    try (Connection con = conHelper.getConnection()) {
      con.setAutoCommit(false);
      try {
        insertRow(con, id, data);
        con.commit();
      } catch (SQLException | RuntimeException e) {
        con.rollback();
        throw e;
      }
    }
  }

  private static void deleteRow(Connection con, String id) throws SQLException {
    try (PreparedStatement stmt = con.prepareStatement("DELETE FROM DATASTORE WHERE ID = ?")) {
      stmt.setString(1, id);
      stmt.executeUpdate();
    }
  }

  private static void touch(Connection con, String id, long modified) throws SQLException {
    try (PreparedStatement stmt =
        con.prepareStatement("UPDATE DATASTORE SET LAST_MODIFIED = ? WHERE ID = ?")) {
      stmt.setLong(1, modified);
      stmt.setString(2, id);
      stmt.executeUpdate();
    }
  }

  private static void insertRow(Connection con, String id, byte[] data) throws SQLException {
    try (PreparedStatement stmt =
        con.prepareStatement("INSERT INTO DATASTORE (ID, DATA) VALUES (?, ?)")) {
      stmt.setString(1, id);
      stmt.setBytes(2, data);
      stmt.executeUpdate();
    }
  }
}
