package blind4b.quartzstore;

import java.sql.Connection;

/** The unit of work run by the job store's transaction template. */
public interface TransactionCallback<T> {
    T execute(Connection conn) throws JobPersistenceException;
}
