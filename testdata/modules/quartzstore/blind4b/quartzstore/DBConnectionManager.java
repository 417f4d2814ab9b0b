package blind4b.quartzstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;

/** Quartz's org.quartz.utils.DBConnectionManager: named connection providers. */
public class DBConnectionManager {
    private static final DBConnectionManager INSTANCE = new DBConnectionManager();

    private final HashMap<String, ConnectionProvider> providers = new HashMap<>();

    private DBConnectionManager() {
    }

    public static DBConnectionManager getInstance() {
        return INSTANCE;
    }

    public void addConnectionProvider(String dataSourceName, ConnectionProvider provider) {
        this.providers.put(dataSourceName, provider);
    }

    public Connection getConnection(String dsName) throws SQLException {
        ConnectionProvider provider = providers.get(dsName);
        if (provider == null) {
            throw new SQLException("There is no DataSource named '" + dsName + "'");
        }
        return provider.getConnection();
    }
}
