package blind3a.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Callers of ErpDao's, UnitOfWork's (injected fields) and TxSupport's helpers. */
public class JournalDao extends ErpDao {

    private final UnitOfWork ledger;
    private final UnitOfWork audit;

    public JournalDao(DataSource dataSource, UnitOfWork ledger, UnitOfWork audit) {
        super(dataSource);
        this.ledger = ledger;
        this.audit = audit;
    }

    /** Fresh transactional connection, committed or aborted by the base-class wrappers. */
    public void postJournalIsClean(String entry) throws SQLException {
        Connection c = openTransaction();
        try {
            insert(c, entry);
            finish(c);
        } catch (SQLException | RuntimeException e) {
            abort(c);
            throw e;
        }
    }

    /** Same without the try: a failing insert leaves the fresh connection's transaction open. */
    public void postJournalLeaks(String entry) throws SQLException {
        Connection c = openTransaction();
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        insert(c, entry);
        finish(c);
    }

    /** Early return from the loop with the fresh connection neither ended nor closed. */
    public int importBatchLeaks(List<String> lines) throws SQLException {
        Connection c = openTransaction();
        try {
            int n = 0;
            for (String line : lines) {
                if (line.isEmpty()) {
                    // BUG: Diagnostic contains: [UncommittedTransaction]
                    return n;
                }
                insert(c, line);
                n++;
            }
            finish(c);
            return n;
        } catch (SQLException | RuntimeException e) {
            abort(c);
            throw e;
        }
    }

    /** Fixed version: break, then finish. */
    public int importBatchIsClean(List<String> lines) throws SQLException {
        Connection c = openTransaction();
        try {
            int n = 0;
            for (String line : lines) {
                if (line.isEmpty()) {
                    break;
                }
                insert(c, line);
                n++;
            }
            finish(c);
            return n;
        } catch (SQLException | RuntimeException e) {
            abort(c);
            throw e;
        }
    }

    /** Injected helper: begin/commit/rollback and its query wrapper on the same field. */
    public void transferIsClean(long from, long to, long amount) throws SQLException {
        ledger.beginWork();
        try {
            post(ledger.connection(), from, -amount);
            post(ledger.connection(), to, amount);
            ledger.commitWork();
        } catch (SQLException | RuntimeException e) {
            if (ledger.inWork()) {
                ledger.rollbackWork();
            }
            throw e;
        }
    }

    /** Guard on a different object: the audit unit's state decides the ledger's rollback. */
    public void auditedTransferLeaks(long from, long to, long amount) throws SQLException {
        ledger.beginWork();
        try {
            post(ledger.connection(), from, -amount);
            post(ledger.connection(), to, amount);
            ledger.commitWork();
        } catch (SQLException | RuntimeException e) {
            if (audit.inWork()) {
                ledger.rollbackWork();
            }
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            throw e;
        }
    }

    /** Only SQLException is rolled back: an unchecked failure escapes with the work open. */
    public void reverseLeaks(long entryId) throws SQLException {
        ledger.beginWork();
        try {
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            markReversed(ledger.connection(), entryId);
            ledger.commitWork();
        } catch (SQLException e) {
            ledger.rollbackWork();
            throw e;
        }
    }

    /** Borrowed parameter connection; negated static query wrapper in the catch. */
    public void closePeriodIsClean(Connection con, int period) throws SQLException {
        con.setAutoCommit(false);
        try {
            closePeriod(con, period);
            con.commit();
        } catch (SQLException | RuntimeException e) {
            if (!TxSupport.inTransaction(con)) {
                throw e;
            }
            con.rollback();
            throw e;
        }
    }

    private static void insert(Connection c, String entry) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal(entry) VALUES (?)")) {
            ps.setString(1, entry);
            ps.executeUpdate();
        }
    }

    private static void post(Connection c, long account, long amount) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE account SET balance = balance + ? WHERE id = ?")) {
            ps.setLong(1, amount);
            ps.setLong(2, account);
            ps.executeUpdate();
        }
    }

    private static void markReversed(Connection c, long entryId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE journal SET reversed = 1 WHERE id = ?")) {
            ps.setLong(1, entryId);
            ps.executeUpdate();
        }
    }

    private static void closePeriod(Connection c, int period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE period SET closed = 1 WHERE id = ?")) {
            ps.setInt(1, period);
            ps.executeUpdate();
        }
    }
}
