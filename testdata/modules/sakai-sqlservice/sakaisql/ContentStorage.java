package sakaisql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** More storage callers: batches, a committed flag, per-item transactions in a loop. */
public class ContentStorage {
  private final SqlService sqlService;

  public ContentStorage(SqlService sqlService) {
    this.sqlService = sqlService;
  }

  /** Rolls back SQLExceptions, but an unchecked failure leaves with the transaction open. */
  public boolean writeBatch(String sql, List<Object[]> rows) throws SQLException {
    Connection conn = sqlService.borrowConnection();
    conn.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          ps.setObject(i + 1, row[i]);
        }
        ps.addBatch();
      }
      ps.executeBatch();
      conn.commit();
    } catch (SQLException e) {
      conn.rollback();
      sqlService.returnConnection(conn);
      return false;
    }
    sqlService.returnConnection(conn);
    return true;
  }

  /** Correct: the flag is set after the commit, the finally rolls back otherwise. */
  public void touch(String resourceId) throws SQLException {
    Connection conn = sqlService.borrowConnection();
    boolean committed = false;
    conn.setAutoCommit(false);
    try {
      sqlService.dbWrite(conn, "UPDATE CONTENT_RESOURCE SET TOUCHED = CURRENT_TIMESTAMP WHERE RESOURCE_ID = ?",
          new Object[] {resourceId});
      conn.commit();
      committed = true;
    } finally {
      if (!committed) {
        conn.rollback();
      }
    }
    sqlService.returnConnection(conn);
  }

  /** The flag is set before the audit write: a failing audit skips the rollback. */
  public void addResource(String resourceId, String collectionId) throws SQLException {
    Connection conn = sqlService.borrowConnection();
    boolean ok = false;
    conn.setAutoCommit(false);
    try {
      sqlService.dbWrite(conn, "INSERT INTO CONTENT_RESOURCE (RESOURCE_ID, IN_COLLECTION) VALUES (?, ?)",
          new Object[] {resourceId, collectionId});
      ok = true;
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      sqlService.dbWrite(conn, "INSERT INTO CONTENT_AUDIT (RESOURCE_ID) VALUES (?)", new Object[] {resourceId});
      conn.commit();
    } finally {
      if (!ok) {
        conn.rollback();
      }
    }
    sqlService.returnConnection(conn);
  }

  /** One transaction per item; a missing item breaks out with its transaction open. */
  public int moveAll(List<String> ids, String target) throws SQLException {
    int moved = 0;
    for (String id : ids) {
      Connection conn = sqlService.borrowConnection();
      conn.setAutoCommit(false);
      try {
        int n = sqlService.dbWrite(conn, "UPDATE CONTENT_RESOURCE SET IN_COLLECTION = ? WHERE RESOURCE_ID = ?",
            new Object[] {target, id});
        if (n == 0) {
          // BUG: Diagnostic contains: [UncommittedTransaction]
          break;
        }
        conn.commit();
      } catch (SQLException | RuntimeException e) {
        conn.rollback();
        throw e;
      }
      sqlService.returnConnection(conn);
      moved++;
    }
    return moved;
  }
}
