package dbutilx;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Works on a connection its caller lends it: responsible only where it ends what it began. */
public class LedgerPoster {
  private final QueryRunner runner = new QueryRunner();

  /** Correct: rollback through DbUtils on failure, auto-commit restored in the finally. */
  public void postEntries(Connection conn, List<String> entries) throws SQLException {
    conn.setAutoCommit(false);
    try {
      for (String entry : entries) {
        runner.update(conn, "INSERT INTO ledger (entry) VALUES (?)", entry);
      }
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      DbUtils.rollback(conn);
      throw e;
    } finally {
      conn.setAutoCommit(true);
    }
  }

  /** Leaks: commits on one path, so it owns the transaction, but the early return and a failure skip it. */
  public void reverse(Connection conn, String entryId) throws SQLException {
    conn.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    int removed = runner.update(conn, "DELETE FROM ledger WHERE id = ?", entryId);
    if (removed == 0) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    runner.update(conn, "INSERT INTO ledger_reversal (id) VALUES (?)", entryId);
    conn.commit();
  }
}
