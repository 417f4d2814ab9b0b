package jrbatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * After Jackrabbit's older database persistence manager: one connection in a field (taken from
 * the helper at init), auto-commit switched off around each write.
 */
public class DatabasePersistenceManager {
  private final ConnectionHelper conHelper;
  private Connection con;

  public DatabasePersistenceManager(ConnectionHelper conHelper) {
    this.conHelper = conHelper;
  }

  public void init() throws SQLException {
    con = conHelper.getConnection();
  }

  public void close() {
    DbUtility.close(con);
    con = null;
  }

  /** Rolls back on both checked failures, and the finally switches auto-commit back on: correct. */
  public synchronized void store(ChangeLog changeLog) throws ItemStateException {
    try {
      con.setAutoCommit(false);
    } catch (SQLException e) {
      throw new ItemStateException("disabling autoCommit failed", e);
    }
    try {
      writeStates(changeLog);
      con.commit();
    } catch (SQLException e) {
      try {
        con.rollback();
      } catch (SQLException e2) {
        DbUtility.logException("rollback failed", e2);
      }
      throw new ItemStateException("commit failed", e);
    } catch (ItemStateException e) {
      try {
        con.rollback();
      } catch (SQLException e2) {
        DbUtility.logException("rollback failed", e2);
      }
      throw e;
    } finally {
      try {
        con.setAutoCommit(true);
      } catch (SQLException e) {
        DbUtility.logException("re-enabling autoCommit failed", e);
      }
    }
  }

  /** Rolls back on SQLException only: the ItemStateException of deleteRows leaves it open. */
  public synchronized void destroy(String nodeId) throws ItemStateException {
    try {
      con.setAutoCommit(false);
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      deleteRows(nodeId);
      con.commit();
    } catch (SQLException e) {
      try {
        con.rollback();
      } catch (SQLException e2) {
        DbUtility.logException("rollback failed", e2);
      }
      throw new ItemStateException("failed to destroy " + nodeId, e);
    }
  }

  private void writeStates(ChangeLog changeLog) throws SQLException, ItemStateException {
    if (changeLog.isEmpty()) {
      throw new ItemStateException("nothing to store");
    }
    try (PreparedStatement stmt = con.prepareStatement("UPDATE NODE SET DATA = ? WHERE ID = ?")) {
      for (String id : changeLog.modifiedStates()) {
        stmt.setString(1, id);
        stmt.setString(2, id);
        stmt.executeUpdate();
      }
    }
  }

  private void deleteRows(String nodeId) throws SQLException, ItemStateException {
    if (nodeId.isEmpty()) {
      throw new ItemStateException("no node id");
    }
    try (PreparedStatement stmt = con.prepareStatement("DELETE FROM NODE WHERE ID = ?")) {
      stmt.setString(1, nodeId);
      stmt.executeUpdate();
    }
  }
}
