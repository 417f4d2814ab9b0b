package cases.blind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * JDBC DAO shapes: setAutoCommit(false) without rollback on the exception path, commit only on a
 * row count, a borrowed unit-of-work connection, Jackrabbit-style failure flags, auto-commit
 * restored before close; each with the fixed version.
 *
 * Readings: DataSource.getConnection() acquires; UnitOfWork.getConnection() returns a field, so its
 * result is borrowed and only rule 1 decides. Connection.close() ends the transaction for the two
 * default rules and is reported by TransactionEndedByClose where it is the only end.
 */
public class BlindJdbcDaoRealLeakCases {

    private static final Logger LOG = Logger.getLogger("dao");

    /** Caller-managed connection holder. */
    static final class UnitOfWork {
        private final Connection connection;

        UnitOfWork(Connection connection) {
            this.connection = connection;
        }

        Connection getConnection() {
            return connection;
        }
    }

    private final DataSource ds;

    BlindJdbcDaoRealLeakCases(DataSource ds) {
        this.ds = ds;
    }

    // End wrapper: the rollback counts inside a try whose catch swallows.
    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // nothing
        }
    }

    // ---- exception between begin and commit ----

    void insertLeaks(String name) throws SQLException {
        Connection c = ds.getConnection();
        c.setAutoCommit(false);
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        try (PreparedStatement ps = c.prepareStatement("insert into item(name) values (?)")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
        c.commit();
        c.close();
    }

    // Rollback on failure, auto-commit restored before the close.
    void insertIsClean(String name) throws SQLException {
        Connection c = ds.getConnection();
        try {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into item(name) values (?)")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
            c.close();
        }
    }

    // ---- commit only under a condition ----

    void adjustLeaks(long id, int expected) throws SQLException {
        Connection c = ds.getConnection();
        c.setAutoCommit(false);
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        int n = c.createStatement().executeUpdate("update acct set v = v - 1 where id = " + id);
        if (n == expected) {
            c.commit();
        }
        // BUG: Diagnostic contains: [TransactionEndedByClose]
        c.close();
    }

    void adjustIsClean(long id, int expected) throws SQLException {
        Connection c = ds.getConnection();
        try {
            c.setAutoCommit(false);
            int n;
            try (Statement st = c.createStatement()) {
                n = st.executeUpdate("update acct set v = v - 1 where id = " + id);
            }
            if (n == expected) {
                c.commit();
            } else {
                c.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.close();
        }
    }

    // ---- connection borrowed from a getter ----

    // Borrowed and never ended here: a begin wrapper, the caller owns the unit of work.
    void appendAuditIsClean(UnitOfWork uow, String msg) throws SQLException {
        Connection c = uow.getConnection();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("insert into audit(msg) values (?)")) {
            ps.setString(1, msg);
            ps.executeUpdate();
        }
    }

    // Borrowed, but committed on one path: responsible by rule 1.
    void transferLeaks(UnitOfWork uow, long from, long to) throws SQLException {
        Connection c = uow.getConnection();
        c.setAutoCommit(false);
        if (from == to) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            return;
        }
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        c.createStatement().executeUpdate("update acct set v = v - 1 where id = " + from);
        c.createStatement().executeUpdate("update acct set v = v + 1 where id = " + to);
        c.commit();
    }

    void transferIsClean(UnitOfWork uow, long from, long to) throws SQLException {
        Connection c = uow.getConnection();
        c.setAutoCommit(false);
        try {
            if (from == to) {
                c.rollback();
                return;
            }
            c.createStatement().executeUpdate("update acct set v = v - 1 where id = " + from);
            c.createStatement().executeUpdate("update acct set v = v + 1 where id = " + to);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    // ---- failure flag assigned from a catch parameter ----
    // An unchecked exception passes catch (SQLException): failure stays null and nothing rolls back.

    void storeLeaks(UnitOfWork uow, String key) throws SQLException {
        Connection c = uow.getConnection();
        SQLException failure = null;
        try {
            c.setAutoCommit(false);
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            c.createStatement().executeUpdate("delete from kv where k = '" + key + "'");
            c.commit();
        } catch (SQLException e) {
            failure = e;
        } finally {
            if (failure != null) {
                c.rollback();
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    void storeIsClean(String key) throws Exception {
        Connection c = ds.getConnection();
        Exception failure = null;
        try {
            c.setAutoCommit(false);
            c.createStatement().executeUpdate("delete from kv where k = '" + key + "'");
            c.commit();
        } catch (Exception e) {
            failure = e;
        } finally {
            if (failure != null) {
                c.rollback();
            }
            c.close();
        }
        if (failure != null) {
            throw failure;
        }
    }

    // ---- auto-commit restored to its original value before close ----
    // setAutoCommit(variable) begins nothing and ends an active transaction.

    void renameIsClean(long id, String name) throws SQLException {
        Connection c = ds.getConnection();
        boolean wasAutoCommit = c.getAutoCommit();
        try {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("update item set name = ? where id = ?")) {
                ps.setString(1, name);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(wasAutoCommit);
            c.close();
        }
    }

    // Pool connection closed in finally without rollback (Tomcat JDBC pool default keeps it open).
    void purgeEndedByClose() throws SQLException {
        Connection c = ds.getConnection();
        try {
            c.setAutoCommit(false);
            c.createStatement().executeUpdate("delete from kv");
            c.commit();
        } finally {
            // BUG: Diagnostic contains: [TransactionEndedByClose]
            c.close();
        }
    }

    // ---- wrap and rethrow from catch without rollback ----
    // "If the exception is caught and rethrown (or wrapped) from a catch, that throw is where it leaves."

    void purgeBorrowedLeaks(UnitOfWork uow) {
        Connection c = uow.getConnection();
        try {
            c.setAutoCommit(false);
            c.createStatement().executeUpdate("delete from kv");
            c.commit();
        } catch (Exception e) {
            LOG.warning("purge failed: " + e);
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            throw new IllegalStateException(e);
        }
    }

    void purgeBorrowedIsClean(UnitOfWork uow) {
        Connection c = uow.getConnection();
        try {
            c.setAutoCommit(false);
            c.createStatement().executeUpdate("delete from kv");
            c.commit();
        } catch (Exception e) {
            rollbackQuietly(c);
            LOG.warning("purge failed: " + e);
            throw new IllegalStateException(e);
        }
    }
}
