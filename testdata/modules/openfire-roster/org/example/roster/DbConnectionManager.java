package org.example.roster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Chat-server style connection helpers (all clean). */
public final class DbConnectionManager {

    private static final Logger LOG = Logger.getLogger("db");
    private static DataSource dataSource;

    private DbConnectionManager() {
    }

    public static void setDataSource(DataSource ds) {
        dataSource = ds;
    }

    // Factory wrapper: returns a connection acquired in this call and stored nowhere else.
    public static Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    // Begins on a fresh connection and returns it: for callers, a begin returning a fresh handle.
    public static Connection getTransactionConnection() throws SQLException {
        Connection con = getConnection();
        con.setAutoCommit(false);
        return con;
    }

    // End wrapper (both values of abortTransaction end) and closer.
    public static void closeTransactionConnection(Connection con, boolean abortTransaction) {
        try {
            if (abortTransaction) {
                con.rollback();
            } else {
                con.commit();
            }
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "ending transaction failed", e);
        }
        try {
            con.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "restoring auto-commit failed", e);
        }
        closeConnection(con);
    }

    // Closer: closes its parameter under a null guard, swallowing the failure.
    public static void closeConnection(Connection con) {
        try {
            if (con != null) {
                con.close();
            }
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "close failed", e);
        }
    }
}
