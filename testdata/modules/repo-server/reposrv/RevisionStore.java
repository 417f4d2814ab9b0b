package reposrv;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Callers: `work` is an injected helper (borrowed; rule 1 decides), connections from
 * db.newConnection()/db.open(true) are acquired (rules 2 and 3).
 */
public class RevisionStore {
    private static final String INSERT_REV = "INSERT INTO revs (id) VALUES (?)";
    private static final String UPDATE_HEAD = "UPDATE heads SET rev=? WHERE name='trunk'";
    private static final String DELETE_BRANCH = "DELETE FROM branches WHERE name=?";
    private static final String INSERT_TAG = "INSERT INTO tags (name) VALUES (?)";
    private static final String RENAME = "UPDATE branches SET name=? WHERE old=1";
    private static final String COMPACT = "DELETE FROM deltas WHERE rev=?";
    private static final String SET_PROP = "UPDATE props SET val=1 WHERE name=?";
    private static final String INSERT_LINE = "INSERT INTO dump (line) VALUES (?)";
    private static final String PRUNE = "DELETE FROM revs WHERE ts < ?";
    private static final String SELECT_HEAD = "SELECT rev FROM heads WHERE name=?";

    private final RepoDatabase db;
    private final JdbcWork work;

    public RevisionStore(RepoDatabase db, JdbcWork work) {
        this.db = db;
        this.work = work;
    }

    public void commitRevisionIsClean(String rev) throws SQLException {
        boolean ok = false;
        work.beginWork();
        try {
            work.update(INSERT_REV, rev);
            work.update(UPDATE_HEAD, rev);
            ok = true;
        } finally {
            if (ok) {
                work.commitWork();
            } else {
                work.rollbackWork();
            }
        }
    }

    public void deleteBranchLeaks(String branch) throws SQLException {
        work.beginWork();
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        int n = work.update(DELETE_BRANCH, branch);
        if (n > 0) {
            work.commitWork();
        }
    // BUG: Diagnostic contains: [UncommittedTransaction]
    }

    void beginLockIsClean() throws SQLException {
        work.beginWork();
    }

    public void tagRevisionIsClean(String tag) throws SQLException {
        work.beginWork();
        try {
            work.update(INSERT_TAG, tag);
            work.commitWork();
        } catch (Exception e) {
            work.rollbackWork();
            throw e;
        }
    }

    public void renameBranchLeaks(String name) throws SQLException {
        work.beginWork();
        try {
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            work.update(RENAME, name);
            work.commitWork();
        } catch (SQLException e) {
            work.rollbackWork();
            throw e;
        }
    }

    public void compactLeaks(List<String> revs) throws SQLException {
        for (String rev : revs) {
            work.beginWork();
            try {
                int n = work.update(COMPACT, rev);
                if (n == 0) {
                    // BUG: Diagnostic contains: [UncommittedTransaction]
                    break;
                }
                work.commitWork();
            } catch (Exception e) {
                work.rollbackWork();
                throw e;
            }
        }
    }

    public void setPropertyIsClean(String key, boolean atomic) throws SQLException {
        if (atomic) {
            work.beginWork();
        }
        try {
            work.update(SET_PROP, key);
            if (atomic) {
                work.commitWork();
            }
        } catch (Exception e) {
            if (atomic) {
                work.rollbackWork();
            }
            throw e;
        }
    }

    public void importDumpLeaks(List<String> lines) throws SQLException {
        Connection c = db.newConnection();
        c.setAutoCommit(false);
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        PreparedStatement ps = c.prepareStatement(INSERT_LINE);
        for (String line : lines) {
            ps.setString(1, line);
            ps.executeUpdate();
        }
        ps.close();
    // BUG: Diagnostic contains: [UncommittedTransaction]
    }

    public void importDumpIsClean(List<String> lines) throws SQLException {
        try (Connection c = db.newConnection()) {
            c.setAutoCommit(false);
            try {
                PreparedStatement ps = c.prepareStatement(INSERT_LINE);
                for (String line : lines) {
                    ps.setString(1, line);
                    ps.executeUpdate();
                }
                ps.close();
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    public void pruneEndedByClose(long before) throws SQLException {
        Connection c = null;
        try {
            c = db.newConnection();
            c.setAutoCommit(false);
            PreparedStatement ps = c.prepareStatement(PRUNE);
            ps.setLong(1, before);
            ps.executeUpdate();
            ps.close();
            c.commit();
        } finally {
            // BUG: Diagnostic contains: [TransactionEndedByClose]
            RepoDatabase.closeQuietly(c);
        }
    }

    public String readHeadIsClean(String repo) throws SQLException {
        Connection c = db.open(false);
        try {
            PreparedStatement ps = c.prepareStatement(SELECT_HEAD);
            ps.setString(1, repo);
            ResultSet rs = ps.executeQuery();
            String head = rs.next() ? rs.getString(1) : null;
            ps.close();
            return head;
        } finally {
            c.close();
        }
    }

    public boolean writeHeadLeaks(String rev) throws SQLException {
        Connection c = db.open(true);
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        PreparedStatement ps = c.prepareStatement(UPDATE_HEAD);
        ps.setString(1, rev);
        if (ps.executeUpdate() != 1) {
            ps.close();
            // BUG: Diagnostic contains: [UncommittedTransaction]
            return false;
        }
        ps.close();
        c.commit();
        c.close();
        return true;
    }
}
