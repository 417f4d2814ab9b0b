package blind3a.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Static JDBC transaction helpers of a legacy ERP. */
public final class TxSupport {

    private TxSupport() {
    }

    /** Fresh connection with a transaction begun; kept nowhere. */
    public static Connection openTransactional(DataSource ds) throws SQLException {
        Connection c = ds.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    /**
     * Query wrapper on the parameter (auto-commit off = in a transaction). The SQLException of
     * getAutoCommit() is turned into an unchecked one so callers can use it in conditions.
     */
    public static boolean inTransaction(Connection c) {
        try {
            return !c.getAutoCommit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** End wrapper: guarded rollback, failure swallowed. */
    public static void rollbackQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            if (inTransaction(c)) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }

    /** Closer. */
    public static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }
}
