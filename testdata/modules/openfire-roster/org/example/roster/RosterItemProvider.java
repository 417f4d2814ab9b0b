package org.example.roster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** A same-file wrapper around another file's begin wrapper: its result is the fresh handle that one began. */
public class RosterItemProvider {

    private Connection openBatch() throws SQLException {
        return DbConnectionManager.getTransactionConnection();
    }

    public void updateItemsLeaks(List<String> items) throws SQLException {
        Connection con = openBatch();
        for (String item : items) {
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            PreparedStatement ps = con.prepareStatement("UPDATE roster SET nick=? WHERE jid=?");
            ps.setString(1, item);
            ps.executeUpdate();
            ps.close();
        }
        DbConnectionManager.closeTransactionConnection(con, false);
    }

    public void updateItemsIsClean(List<String> items) throws SQLException {
        Connection con = openBatch();
        boolean abort = false;
        try {
            for (String item : items) {
                PreparedStatement ps = con.prepareStatement("UPDATE roster SET nick=? WHERE jid=?");
                ps.setString(1, item);
                ps.executeUpdate();
                ps.close();
            }
        } catch (SQLException e) {
            abort = true;
            throw e;
        } finally {
            DbConnectionManager.closeTransactionConnection(con, abort);
        }
    }

    public void renameLeaks(String jid, String nick) throws SQLException {
        Connection con = openBatch();
        if (nick == null) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            return;
        }
        try {
            PreparedStatement ps = con.prepareStatement("UPDATE roster SET nick=? WHERE jid=?");
            ps.setString(1, nick);
            ps.setString(2, jid);
            ps.executeUpdate();
            ps.close();
        } finally {
            DbConnectionManager.closeTransactionConnection(con, false);
        }
    }
}
