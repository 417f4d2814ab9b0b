package blind4b.quartzstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Modelled on Quartz's org.quartz.impl.jdbcjobstore.JobStoreSupport: the connection helpers that
 * every JDBC job store routes its transactions through. getConnection() begins (auto-commit off)
 * on the provider's connection and returns it; commitConnection / rollbackConnection end it
 * (null-guarded, the rollback swallows its SQLException); cleanupConnection / closeConnection
 * close it. getNonManagedTXConnection() is abstract here and implemented by JobStoreTX.
 */
public abstract class JobStoreSupport implements Constants {

    private static final Logger LOG = Logger.getLogger(JobStoreSupport.class.getName());

    protected String dsName;

    protected String instanceId;

    private DriverDelegate delegate;

    private Semaphore lockHandler;

    private boolean setTxIsolationLevelSequential = false;

    private boolean isClustered = false;

    private long misfireThreshold = 60000L;

    public void setDataSource(String dsName) {
        this.dsName = dsName;
    }

    public String getDataSource() {
        return dsName;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public boolean isClustered() {
        return isClustered;
    }

    public boolean isTxIsolationLevelSerializable() {
        return setTxIsolationLevelSequential;
    }

    protected DriverDelegate getDelegate() {
        return delegate;
    }

    public void setDelegate(DriverDelegate delegate) {
        this.delegate = delegate;
    }

    protected Semaphore getLockHandler() {
        return lockHandler;
    }

    public void setLockHandler(Semaphore lockHandler) {
        this.lockHandler = lockHandler;
    }

    protected Logger getLog() {
        return LOG;
    }

    protected long getMisfireTime() {
        long misfireTime = System.currentTimeMillis();
        if (misfireThreshold > 0) {
            misfireTime -= misfireThreshold;
        }
        return (misfireTime > 0) ? misfireTime : 0;
    }

    /** Implemented by JobStoreTX (its own transaction) and JobStoreCMT (a second data source). */
    protected abstract Connection getNonManagedTXConnection() throws JobPersistenceException;

    protected Connection getConnection() throws JobPersistenceException {
        Connection conn;
        try {
            conn = DBConnectionManager.getInstance().getConnection(getDataSource());
        } catch (SQLException sqle) {
            throw new JobPersistenceException("Failed to obtain DB connection from data source '"
                    + getDataSource() + "': " + sqle.toString(), sqle);
        } catch (Throwable e) {
            throw new JobPersistenceException("Failed to obtain DB connection from data source '"
                    + getDataSource() + "': " + e.toString(), e);
        }

        if (conn == null) {
            throw new JobPersistenceException(
                    "Could not get connection from DataSource '" + getDataSource() + "'");
        }

        try {
            conn.setAutoCommit(false);
        } catch (SQLException sqle) {
            closeConnection(conn);
            throw new JobPersistenceException("Failure setting up connection.", sqle);
        }

        // Set any connection attributes we are to override.
        try {
            if (isTxIsolationLevelSerializable()) {
                conn.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            }
        } catch (SQLException sqle) {
            getLog().log(Level.WARNING, "Failed to override connection transaction isolation.", sqle);
        } catch (Throwable e) {
            try {
                conn.close();
            } catch (Throwable ignored) {
                // ignored
            }
            throw new JobPersistenceException("Failure setting up connection.", e);
        }

        return conn;
    }

    protected void releaseLock(String lockName, boolean doIt) {
        if (doIt) {
            try {
                getLockHandler().releaseLock(lockName);
            } catch (LockException le) {
                getLog().log(Level.SEVERE, "Error returning lock: " + le.getMessage(), le);
            }
        }
    }

    /** Closes the connection (Quartz first restores the attributes its proxy changed). */
    protected void cleanupConnection(Connection conn) {
        if (conn != null) {
            closeConnection(conn);
        }
    }

    protected void closeConnection(Connection conn) {
        if (conn != null) {
            try {
                conn.close();
            } catch (SQLException e) {
                getLog().log(Level.SEVERE, "Failed to close Connection", e);
            } catch (Throwable e) {
                getLog().log(Level.SEVERE, "Unexpected exception closing Connection.", e);
            }
        }
    }

    /**
     * Logs any SQLException it gets trying to rollback, but will not propagate the exception lest
     * it mask the exception that caused the caller to need to rollback in the first place.
     */
    protected void rollbackConnection(Connection conn) {
        if (conn != null) {
            try {
                conn.rollback();
            } catch (SQLException e) {
                getLog().log(Level.SEVERE, "Couldn't rollback jdbc connection. " + e.getMessage(), e);
            }
        }
    }

    protected void commitConnection(Connection conn) throws JobPersistenceException {
        if (conn != null) {
            try {
                conn.commit();
            } catch (SQLException e) {
                throw new JobPersistenceException("Couldn't commit jdbc connection. " + e.getMessage(), e);
            }
        }
    }

    /**
     * The real Quartz recovery loop lives here, in the abstract class, and calls the abstract
     * getNonManagedTXConnection(): a call of a method without a body, so no begin is visible
     * here. Correct either way.
     */
    protected int doRecoverMisfiresIsClean() throws JobPersistenceException {
        boolean transOwner = false;
        Connection conn = getNonManagedTXConnection();
        try {
            int recovered = 0;
            int misfireCount = getDelegate().countMisfiredTriggersInState(
                    conn, STATE_WAITING, getMisfireTime());
            if (misfireCount > 0) {
                transOwner = getLockHandler().obtainLock(conn, LOCK_TRIGGER_ACCESS);
                recovered = getDelegate().updateTriggerStatesFromOtherStates(
                        conn, STATE_WAITING, STATE_ACQUIRED, STATE_BLOCKED);
            }
            commitConnection(conn);
            return recovered;
        } catch (JobPersistenceException e) {
            rollbackConnection(conn);
            throw e;
        } catch (SQLException e) {
            rollbackConnection(conn);
            throw new JobPersistenceException("Database error recovering from misfires.", e);
        } catch (RuntimeException e) {
            rollbackConnection(conn);
            throw new JobPersistenceException("Unexpected runtime exception: " + e.getMessage(), e);
        } finally {
            try {
                releaseLock(LOCK_TRIGGER_ACCESS, transOwner);
            } finally {
                cleanupConnection(conn);
            }
        }
    }
}
