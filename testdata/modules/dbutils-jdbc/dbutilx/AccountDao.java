package dbutilx;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Callers that acquire their own connections and end them through DbUtils in another file. */
public class AccountDao {
  private final DataSource dataSource;
  private final QueryRunner runner = new QueryRunner();

  public AccountDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Correct: commit-and-close in the try, rollback-and-close on any failure. */
  public void transfer(String from, String to, long cents) throws SQLException {
    Connection conn = dataSource.getConnection();
    try {
      conn.setAutoCommit(false);
      runner.update(conn, "UPDATE account SET balance = balance - ? WHERE id = ?", cents, from);
      runner.update(conn, "UPDATE account SET balance = balance + ? WHERE id = ?", cents, to);
      DbUtils.commitAndClose(conn);
    } catch (SQLException | RuntimeException e) {
      DbUtils.rollbackAndCloseQuietly(conn);
      throw e;
    }
  }

  /** No finding: the only end on the failure paths is the close in the finally. */
  public void applyInterest(String account, long cents) throws SQLException {
    Connection conn = null;
    try {
      conn = dataSource.getConnection();
      conn.setAutoCommit(false);
      runner.update(conn, "UPDATE account SET balance = balance + ? WHERE id = ?", cents, account);
      runner.update(conn, "INSERT INTO ledger (account, cents) VALUES (?, ?)", account, cents);
      conn.commit();
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      DbUtils.closeQuietly(conn);
    }
  }

  /** Correct: a committed flag decides the rollback in the finally. */
  public void closeAccount(String account) throws SQLException {
    Connection conn = Db.openTransaction();
    boolean committed = false;
    try {
      runner.update(conn, "DELETE FROM ledger WHERE account = ?", account);
      runner.update(conn, "DELETE FROM account WHERE id = ?", account);
      conn.commit();
      committed = true;
    } finally {
      if (!committed) {
        DbUtils.rollbackQuietly(conn);
      }
      DbUtils.closeQuietly(conn);
    }
  }

  /** Correct: a begin wrapper on the caller's own connection, ended here. */
  public void archive(String before) throws SQLException {
    Connection conn = Db.open();
    Db.beginBatch(conn);
    try {
      runner.update(conn, "INSERT INTO ledger_archive SELECT * FROM ledger WHERE day < ?", before);
      runner.update(conn, "DELETE FROM ledger WHERE day < ?", before);
      DbUtils.commitAndClose(conn);
    } catch (SQLException | RuntimeException e) {
      DbUtils.rollbackAndCloseQuietly(conn);
      throw e;
    }
  }

  /** Correct: try-with-resources, rollback on any failure. */
  public void openAccount(String account) throws SQLException {
    try (Connection conn = Db.open()) {
      conn.setAutoCommit(false);
      try {
        runner.update(conn, "INSERT INTO account (id, balance) VALUES (?, 0)", account);
        runner.update(conn, "INSERT INTO ledger (account, cents) VALUES (?, 0)", account);
        conn.commit();
      } catch (SQLException | RuntimeException e) {
        DbUtils.rollbackQuietly(conn);
        throw e;
      }
    }
  }

  /** Leaks on exception: only the SQLException is caught, an unchecked one leaves it open. */
  public void deposit(String account, long cents) throws SQLException {
    Connection conn = dataSource.getConnection();
    try {
      conn.setAutoCommit(false);
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      runner.update(conn, "UPDATE account SET balance = balance + ? WHERE id = ?", cents, account);
      DbUtils.commitAndClose(conn);
    } catch (SQLException e) {
      DbUtils.rollbackAndClose(conn);
      throw e;
    }
  }

  /** Leaks: the insufficient-funds return neither ends nor closes. */
  public boolean withdraw(String account, long cents) throws SQLException {
    Connection conn = dataSource.getConnection();
    conn.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Long balance = runner.query(conn, "SELECT balance FROM account WHERE id = ?", rs -> rs.next() ? rs.getLong(1) : null, account);
    if (balance == null || balance < cents) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
    runner.update(conn, "UPDATE account SET balance = balance - ? WHERE id = ?", cents, account);
    DbUtils.commitAndClose(conn);
    return true;
  }

  /** Leaks: a fresh connection from the begin wrapper, and a refusal that forgets to roll back. */
  public int purgeClosedAccounts(int limit) throws SQLException {
    Connection conn = Db.openTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    int n = runner.update(conn, "DELETE FROM account WHERE closed = TRUE");
    if (n > limit) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return -1;
    }
    conn.commit();
    DbUtils.closeQuietly(conn);
    return n;
  }
}
