// Realistic JDBC ledger DAO. Leaks: catch (SQLException) only (unchecked exceptions escape), break
// out of an outbox-draining loop plus an unprotected helper call, rollback to a savepoint (not an
// end) followed by return, rollback of only one of two connections, continue in a per-account
// loop that can leave the last transaction open.
// Clean: multi-catch rollback, finally setAutoCommit(true) (commits = ends), restoring a saved
// auto-commit flag, catch Throwable inside try-with-resources, correlated useTx flag,
// getAutoCommit() guard in finally.
package cases.realistic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class LedgerJdbcDao {

  private static final Logger log = LoggerFactory.getLogger(LedgerJdbcDao.class);
  private static final String UPDATE_SQL = "update account set balance = balance + ? where id = ?";
  private static final String INSERT_SQL = "insert into entry(account, amount) values (?, ?)";
  private static final String CLOSE_SQL = "update entry set closed = true where day = ?";

  static class Entry {
    final String account;
    final long amount;

    Entry(String account, long amount) {
      this.account = account;
      this.amount = amount;
    }

    Entry reversed() {
      return new Entry(account, -amount);
    }
  }

  static class OutboxRow {
    long id;
    String payload;
  }

  interface Publisher {
    void publish(String payload);
  }

  private final DataSource dataSource;
  private final DataSource reportingDataSource;
  private final Publisher publisher;

  public LedgerJdbcDao(DataSource dataSource, DataSource reportingDataSource, Publisher publisher) {
    this.dataSource = dataSource;
    this.reportingDataSource = reportingDataSource;
    this.publisher = publisher;
  }

  private void debit(Connection conn, long account, long cents) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(UPDATE_SQL)) {
      ps.setLong(1, -cents);
      ps.setLong(2, account);
      ps.executeUpdate();
    }
  }

  private void credit(Connection conn, long account, long cents) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(UPDATE_SQL)) {
      ps.setLong(1, cents);
      ps.setLong(2, account);
      ps.executeUpdate();
    }
  }

  private void insertEntry(Connection conn, Entry entry) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(INSERT_SQL)) {
      ps.setString(1, entry.account);
      ps.setLong(2, entry.amount);
      ps.executeUpdate();
    }
  }

  private long balanceOf(Connection conn, String account) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("select balance from account where name = ?")) {
      ps.setString(1, account);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    }
  }

  private Entry loadEntry(Connection conn, long id) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("select account, amount from entry where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Entry(rs.getString(1), rs.getLong(2));
      }
    }
  }

  private OutboxRow lockNext(Connection conn) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("select id, payload from outbox where sent = false limit 1 for update skip locked")) {
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        OutboxRow row = new OutboxRow();
        row.id = rs.getLong(1);
        row.payload = rs.getString(2);
        return row;
      }
    }
  }

  private void markSent(Connection conn, long id) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("update outbox set sent = true where id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }

  public void transferEndedByClose(long from, long to, long cents) throws SQLException {
    Connection conn = dataSource.getConnection();
    try {
      conn.setAutoCommit(false);
      debit(conn, from, cents);
      credit(conn, to, cents);
      conn.commit();
    } catch (SQLException e) {
      conn.rollback();
      throw e;
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      conn.close();
    }
  }

  public void transferIsClean(long from, long to, long cents) throws SQLException {
    Connection conn = dataSource.getConnection();
    try {
      conn.setAutoCommit(false);
      debit(conn, from, cents);
      credit(conn, to, cents);
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    } finally {
      conn.close();
    }
  }

  public void adjustBalanceIsClean(Connection conn, String account, long delta) throws SQLException {
    conn.setAutoCommit(false);
    try {
      long current = balanceOf(conn, account);
      log.debug("adjusting {} from {} by {}", account, current, delta);
      insertEntry(conn, new Entry(account, delta));
      conn.commit();
    } finally {
      conn.setAutoCommit(true);
    }
  }

  public void bookEntriesIsClean(Connection conn, List<Entry> entries) throws SQLException {
    boolean oldAutoCommit = conn.getAutoCommit();
    conn.setAutoCommit(false);
    try {
      for (Entry entry : entries) {
        insertEntry(conn, entry);
      }
      conn.commit();
    } catch (Exception e) {
      conn.rollback();
      throw e;
    } finally {
      conn.setAutoCommit(oldAutoCommit);
    }
  }

  public int drainOutboxLeaks(Connection conn, int max) throws SQLException {
    int sent = 0;
    while (sent < max) {
      conn.setAutoCommit(false);
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      OutboxRow row = lockNext(conn);
      if (row == null) {
        log.debug("outbox empty after {} messages", sent);
        // BUG: Diagnostic contains: [UncommittedTransaction]
        break;
      }
      publisher.publish(row.payload);
      markSent(conn, row.id);
      conn.commit();
      sent++;
    }
    return sent;
  }

  public boolean postWithSavepointLeaks(Connection conn, Entry entry) throws SQLException {
    conn.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Savepoint savepoint = conn.setSavepoint("before_post");
    try {
      insertEntry(conn, entry);
      insertEntry(conn, entry.reversed());
    } catch (SQLException e) {
      conn.rollback(savepoint);
      log.warn("posting {} failed", entry.account, e);
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
    conn.commit();
    return true;
  }

  public void closePeriodIsClean(LocalDate day) throws SQLException {
    try (Connection conn = dataSource.getConnection()) {
      conn.setAutoCommit(false);
      try (PreparedStatement ps = conn.prepareStatement(CLOSE_SQL)) {
        ps.setObject(1, day);
        int rows = ps.executeUpdate();
        log.info("closed {} entries for {}", rows, day);
        conn.commit();
      } catch (Throwable t) {
        conn.rollback();
        throw t;
      }
    }
  }

  public void recordFeeIsClean(Connection conn, Entry fee, boolean useTx) throws SQLException {
    if (useTx) {
      conn.setAutoCommit(false);
    }
    try {
      insertEntry(conn, fee);
      if (useTx) {
        conn.commit();
      }
    } catch (SQLException | RuntimeException e) {
      if (useTx) {
        conn.rollback();
      }
      throw e;
    }
  }

  public void reverseEntryIsClean(long entryId) throws SQLException {
    Connection conn = dataSource.getConnection();
    try {
      conn.setAutoCommit(false);
      Entry original = loadEntry(conn, entryId);
      insertEntry(conn, original.reversed());
      conn.commit();
    } finally {
      if (!conn.getAutoCommit()) {
        conn.rollback();
      }
      conn.close();
    }
  }

  public void mirrorToReportingEndedByClose(Entry entry) throws SQLException {
    try (Connection main = dataSource.getConnection();
        // BUG: Diagnostic contains: [TransactionEndedByClose]
        Connection reporting = reportingDataSource.getConnection()) {
      main.setAutoCommit(false);
      reporting.setAutoCommit(false);
      try {
        insertEntry(main, entry);
        insertEntry(reporting, entry);
        main.commit();
        reporting.commit();
      } catch (SQLException | RuntimeException e) {
        main.rollback();
        throw e;
      }
    }
  }

  public void settleAccountsLeaks(Connection conn, List<String> accounts) throws SQLException {
    for (String account : accounts) {
      conn.setAutoCommit(false);
      try {
        long balance = balanceOf(conn, account);
        if (balance == 0) {
          // BUG: Diagnostic contains: [UncommittedTransaction]
          continue;
        }
        insertEntry(conn, new Entry(account, -balance));
        conn.commit();
      } catch (SQLException | RuntimeException e) {
        conn.rollback();
        throw e;
      }
    }
  }
}
