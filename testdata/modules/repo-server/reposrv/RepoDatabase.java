package reposrv;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * newConnection(): factory wrapper (new connection each call). open(transactional): begins only when
 * passed true and returns the fresh connection. closeQuietly(c): a closer.
 */
public class RepoDatabase {
    private static final Logger LOG = Logger.getLogger(RepoDatabase.class.getName());
    private final DataSource dataSource;

    public RepoDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Connection newConnection() throws SQLException {
        return dataSource.getConnection();
    }

    public Connection open(boolean transactional) throws SQLException {
        Connection c = dataSource.getConnection();
        if (transactional) {
            c.setAutoCommit(false);
        }
        return c;
    }

    public static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "close failed", e);
        }
    }
}
