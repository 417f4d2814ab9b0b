package blind4b.quartzstore;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A pooled provider: hands out connections of a {@link DataSource}. */
public class PoolingConnectionProvider implements ConnectionProvider {
    private final DataSource datasource;

    public PoolingConnectionProvider(DataSource datasource) {
        this.datasource = datasource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return datasource.getConnection();
    }

    @Override
    public void shutdown() throws SQLException {
        // the pool is closed by its owner
    }
}
