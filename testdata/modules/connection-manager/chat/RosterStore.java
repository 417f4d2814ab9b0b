package chat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Callers in another file: the helpers' summaries decide every verdict here. */
public class RosterStore {
  /** The idiom the chat server uses everywhere: correct. */
  public void addItem(String user, String item) {
    Connection con = null;
    boolean abort = false;
    try {
      con = DbConnectionManager.getTransactionConnection();
      try (PreparedStatement ps = con.prepareStatement("INSERT INTO roster VALUES (?, ?)")) {
        ps.setString(1, user);
        ps.setString(2, item);
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      abort = true;
    } finally {
      DbConnectionManager.closeTransactionConnection(con, abort);
    }
  }

  /** Correct without a finally: every path ends it through the helper. */
  public boolean removeItem(String user, String item) throws SQLException {
    Connection con = DbConnectionManager.getTransactionConnection();
    int n;
    try (PreparedStatement ps = con.prepareStatement("DELETE FROM roster WHERE u = ? AND i = ?")) {
      ps.setString(1, user);
      ps.setString(2, item);
      n = ps.executeUpdate();
    } catch (SQLException | RuntimeException e) {
      DbConnectionManager.closeTransactionConnection(con, true);
      throw e;
    }
    DbConnectionManager.closeTransactionConnection(con, false);
    return n > 0;
  }

  /** A leak: the early return skips the helper that ends the transaction. */
  public boolean renameItem(String user, String item, String name) throws SQLException {
    Connection con = DbConnectionManager.getTransactionConnection();
    if (name == null) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    try (PreparedStatement ps = con.prepareStatement("UPDATE roster SET n = ? WHERE u = ? AND i = ?")) {
      ps.setString(1, name);
      ps.setString(2, user);
      ps.setString(3, item);
      ps.executeUpdate();
    }
    DbConnectionManager.closeTransactionConnection(con, false);
    return true;
  }

  /** A leak on exception: nothing ends it when the update throws. */
  public void clear(String user) throws SQLException {
    Connection con = DbConnectionManager.getTransactionConnection();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    try (PreparedStatement ps = con.prepareStatement("DELETE FROM roster WHERE u = ?")) {
      ps.setString(1, user);
      ps.executeUpdate();
    }
    DbConnectionManager.closeTransactionConnection(con, false);
  }

  /** A plain connection from the helper begins nothing: no finding. */
  public int count() throws SQLException {
    Connection con = DbConnectionManager.getConnection();
    try (PreparedStatement ps = con.prepareStatement("SELECT COUNT(*) FROM roster")) {
      return ps.executeQuery().getInt(1);
    } finally {
      con.close();
    }
  }
}
