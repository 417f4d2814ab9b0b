package org.example.roster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Callers of DbConnectionManager, leaking and fixed.
 *
 * Readings: getTransactionConnection() is a begin returning a fresh handle (rule 3);
 * closeTransactionConnection(con, abort) ends on every value of abort; closeConnection(con) is a
 * closer in another file of the module, so a path it alone ends is TransactionEndedByClose.
 */
public class RosterStore {

    private static final Logger LOG = Logger.getLogger("roster");

    private static void insertItem(Connection con, long userId, String jid) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("insert into roster(uid, jid) values (?, ?)")) {
            ps.setLong(1, userId);
            ps.setString(2, jid);
            ps.executeUpdate();
        }
    }

    private static void updateNick(Connection con, long userId, String jid, String nick) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("update roster set nick = ? where uid = ? and jid = ?")) {
            ps.setString(1, nick);
            ps.setLong(2, userId);
            ps.setString(3, jid);
            ps.executeUpdate();
        }
    }

    private static void deleteRow(Connection con, long userId, String jid) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("delete from roster where uid = ? and jid = ?")) {
            ps.setLong(1, userId);
            ps.setString(2, jid);
            ps.executeUpdate();
        }
    }

    // Begin wrapper on its parameter.
    private static void beginBatch(Connection con) throws SQLException {
        con.setAutoCommit(false);
    }

    public void addItemIsClean(long userId, String jid) {
        Connection con = null;
        boolean abortTransaction = false;
        try {
            con = DbConnectionManager.getTransactionConnection();
            insertItem(con, userId, jid);
        } catch (SQLException e) {
            abortTransaction = true;
            LOG.log(Level.WARNING, "add failed", e);
        } finally {
            DbConnectionManager.closeTransactionConnection(con, abortTransaction);
        }
    }

    public void renameItemLeaks(long userId, String jid, String nick) throws SQLException {
        Connection con = DbConnectionManager.getTransactionConnection();
        if (nick == null) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            return;
        }
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        updateNick(con, userId, jid, nick);
        DbConnectionManager.closeTransactionConnection(con, false);
    }

    public void renameItemIsClean(long userId, String jid, String nick) throws SQLException {
        Connection con = DbConnectionManager.getTransactionConnection();
        boolean abort = true;
        try {
            if (nick == null) {
                return;
            }
            updateNick(con, userId, jid, nick);
            abort = false;
        } finally {
            DbConnectionManager.closeTransactionConnection(con, abort);
        }
    }

    // closeConnection instead of closeTransactionConnection: on failure only the close ends it.
    public void deleteItemEndedByClose(long userId, String jid) {
        Connection con = null;
        try {
            con = DbConnectionManager.getTransactionConnection();
            deleteRow(con, userId, jid);
            con.commit();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "delete failed", e);
        } finally {
            // BUG: Diagnostic contains: [TransactionEndedByClose]
            DbConnectionManager.closeConnection(con);
        }
    }

    public void importLeaks(long userId, List<String> jids) throws SQLException {
        Connection con = DbConnectionManager.getConnection();
        beginBatch(con);
        for (String jid : jids) {
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            insertItem(con, userId, jid);
        }
        con.commit();
        DbConnectionManager.closeConnection(con);
    }

    public void importIsClean(long userId, List<String> jids) throws SQLException {
        Connection con = DbConnectionManager.getConnection();
        boolean abort = true;
        try {
            beginBatch(con);
            for (String jid : jids) {
                insertItem(con, userId, jid);
            }
            abort = false;
        } finally {
            DbConnectionManager.closeTransactionConnection(con, abort);
        }
    }

    // Connection borrowed from the caller, begun and left for the caller to end: a begin wrapper.
    public void addAllIsClean(Connection con, long userId, List<String> jids) throws SQLException {
        beginBatch(con);
        for (String jid : jids) {
            insertItem(con, userId, jid);
        }
    }

    public void syncLeaks(long userId, List<String> jids) throws SQLException {
        Connection con = DbConnectionManager.getConnection();
        addAllIsClean(con, userId, jids);
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        LOG.info("synced " + jids.size());
        con.commit();
        DbConnectionManager.closeConnection(con);
    }

    public void syncIsClean(long userId, List<String> jids) throws SQLException {
        Connection con = DbConnectionManager.getConnection();
        boolean abort = true;
        try {
            addAllIsClean(con, userId, jids);
            LOG.info("synced " + jids.size());
            abort = false;
        } finally {
            DbConnectionManager.closeTransactionConnection(con, abort);
        }
    }
}
