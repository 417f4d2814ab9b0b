package blind4b.quartzstore;

import java.sql.Connection;
import java.sql.SQLException;

/** Quartz's org.quartz.utils.ConnectionProvider. */
public interface ConnectionProvider {
    Connection getConnection() throws SQLException;

    void shutdown() throws SQLException;
}
