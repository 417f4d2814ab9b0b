package reposrv;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Injected unit-of-work helper over its own connection field. Its method names are not the
 * zero-config begin names, so beginWork() is a begin wrapper (slot: the field conn), commitWork()
 * and rollbackWork() end wrappers of that slot.
 */
public class JdbcWork {
    private static final Logger LOG = Logger.getLogger(JdbcWork.class.getName());
    private final Connection conn;

    public JdbcWork(Connection conn) {
        this.conn = conn;
    }

    public void beginWork() throws SQLException {
        conn.setAutoCommit(false);
    }

    public void commitWork() throws SQLException {
        conn.commit();
        conn.setAutoCommit(true);
    }

    public void rollbackWork() {
        try {
            conn.rollback();
            conn.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "rollback failed", e);
        }
    }

    public int update(String sql, String arg) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, arg);
            return ps.executeUpdate();
        }
    }
}
