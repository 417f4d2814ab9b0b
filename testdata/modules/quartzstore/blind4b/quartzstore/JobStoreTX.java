package blind4b.quartzstore;

import java.sql.Connection;

/**
 * Quartz's JobStoreTX: "meant to be used in a standalone environment. Both commit and rollback
 * will be handled by this class." Its non-managed connection is getConnection()'s, auto-commit
 * off (a begin wrapper of a begin wrapper).
 */
public class JobStoreTX extends JobStoreSupport {

    @Override
    protected Connection getNonManagedTXConnection() throws JobPersistenceException {
        return getConnection();
    }
}
