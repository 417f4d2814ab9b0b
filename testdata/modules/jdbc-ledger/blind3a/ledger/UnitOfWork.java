package blind3a.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Injected helper owning nothing: works on the connection it was given (a field). */
public class UnitOfWork {

    private static final Logger LOG = Logger.getLogger(UnitOfWork.class.getName());

    private final Connection connection;

    public UnitOfWork(Connection connection) {
        this.connection = connection;
    }

    /** Accessor. */
    public Connection connection() {
        return connection;
    }

    /** Begin wrapper on the field. */
    public void beginWork() throws SQLException {
        connection.setAutoCommit(false);
    }

    /** End wrapper on the field (commit, then back to auto-commit). */
    public void commitWork() throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
    }

    /** End wrapper on the field, failure swallowed. */
    public void rollbackWork() {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "rollback failed", e);
        }
    }

    /** Instance query wrapper on the field, through the static one. */
    public boolean inWork() {
        return TxSupport.inTransaction(connection);
    }
}
