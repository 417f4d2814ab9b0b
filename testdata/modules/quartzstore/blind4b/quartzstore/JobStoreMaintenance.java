package blind4b.quartzstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;

/**
 * Callers of the inherited connection helpers, in the shapes of Quartz's JobStoreSupport
 * (doRecoverMisfires, doCheckin, clusterRecover, executeInNonManagedTXLock) and of sloppier
 * copies of them. getNonManagedTXConnection() resolves to JobStoreTX's body here: a fresh
 * connection with auto-commit off, which the caller must commit or roll back.
 */
public class JobStoreMaintenance extends JobStoreTX {

    /** Quartz's executeInNonManagedTXLock, without the commit-failure validator and retry. */
    protected <T> T executeInNonManagedTXLockIsClean(String lockName, TransactionCallback<T> txCallback)
            throws JobPersistenceException {
        boolean transOwner = false;
        Connection conn = null;
        try {
            if (lockName != null) {
                // If we aren't using db locks, then delay getting DB connection
                // until after acquiring the lock since it isn't needed.
                if (getLockHandler().requiresConnection()) {
                    conn = getNonManagedTXConnection();
                }
                transOwner = getLockHandler().obtainLock(conn, lockName);
            }

            if (conn == null) {
                conn = getNonManagedTXConnection();
            }

            final T result = txCallback.execute(conn);
            try {
                commitConnection(conn);
            } catch (JobPersistenceException e) {
                rollbackConnection(conn);
                throw e;
            }
            return result;
        } catch (JobPersistenceException e) {
            rollbackConnection(conn);
            throw e;
        } catch (RuntimeException e) {
            rollbackConnection(conn);
            throw new JobPersistenceException("Unexpected runtime exception: " + e.getMessage(), e);
        } finally {
            try {
                releaseLock(lockName, transOwner);
            } finally {
                cleanupConnection(conn);
            }
        }
    }

    /** Quartz's storeJob: the work runs in an anonymous callback, the template ends it. */
    public void storeJobIsClean(final String jobName) throws JobPersistenceException {
        executeInNonManagedTXLockIsClean(LOCK_TRIGGER_ACCESS, new TransactionCallback<Void>() {
            @Override
            public Void execute(Connection conn) throws JobPersistenceException {
                try {
                    getDelegate().insertJobDetail(conn, jobName);
                } catch (SQLException e) {
                    throw new JobPersistenceException("Couldn't store job: " + e.getMessage(), e);
                }
                return null;
            }
        });
    }

    /** Quartz's doRecoverMisfires, here where the begin wrapper's body is visible. */
    protected int recoverMisfiresIsClean() throws JobPersistenceException {
        boolean transOwner = false;
        Connection conn = getNonManagedTXConnection();
        try {
            int recovered = 0;
            int misfireCount = getDelegate().countMisfiredTriggersInState(
                    conn, STATE_WAITING, getMisfireTime());
            if (misfireCount == 0) {
                getLog().fine("Found 0 triggers that missed their scheduled fire-time.");
            } else {
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

    /** One transaction per batch; the flag decides after the commit whether to go on. */
    protected int recoverMisfiresInBatchesIsClean(int maxBatches) throws JobPersistenceException {
        int total = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            Connection conn = getNonManagedTXConnection();
            boolean more;
            try {
                int misfireCount = getDelegate().countMisfiredTriggersInState(
                        conn, STATE_WAITING, getMisfireTime());
                more = misfireCount > 0;
                if (more) {
                    total += getDelegate().updateTriggerStatesFromOtherStates(
                            conn, STATE_WAITING, STATE_ACQUIRED, STATE_BLOCKED);
                }
                commitConnection(conn);
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
                cleanupConnection(conn);
            }
            if (!more) {
                break;
            }
        }
        return total;
    }

    /** Not clustered: the connection is rolled back and closed before the early return. */
    protected boolean doCheckinIsClean() throws JobPersistenceException {
        boolean clustered = isClustered();
        Connection conn = getNonManagedTXConnection();
        if (!clustered) {
            rollbackConnection(conn);
            cleanupConnection(conn);
            return false;
        }
        boolean transStateOwner = false;
        try {
            transStateOwner = getLockHandler().obtainLock(conn, LOCK_STATE_ACCESS);
            long now = System.currentTimeMillis();
            if (getDelegate().updateSchedulerState(conn, getInstanceId(), now) == 0) {
                getDelegate().insertSchedulerState(conn, getInstanceId(), now, 7500L);
            }
            commitConnection(conn);
            return true;
        } catch (JobPersistenceException e) {
            rollbackConnection(conn);
            throw e;
        } catch (SQLException e) {
            rollbackConnection(conn);
            throw new JobPersistenceException("Failure updating scheduler state when checking-in: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollbackConnection(conn);
            throw new JobPersistenceException("Unexpected runtime exception: " + e.getMessage(), e);
        } finally {
            try {
                releaseLock(LOCK_STATE_ACCESS, transStateOwner);
            } finally {
                cleanupConnection(conn);
            }
        }
    }

    /** The not-clustered shortcut returns before the try: neither ended nor closed. */
    protected boolean doCheckinLeaks() throws JobPersistenceException {
        boolean clustered = isClustered();
        Connection conn = getNonManagedTXConnection();
        if (!clustered) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            return false;
        }
        boolean transStateOwner = false;
        try {
            transStateOwner = getLockHandler().obtainLock(conn, LOCK_STATE_ACCESS);
            long now = System.currentTimeMillis();
            if (getDelegate().updateSchedulerState(conn, getInstanceId(), now) == 0) {
                getDelegate().insertSchedulerState(conn, getInstanceId(), now, 7500L);
            }
            commitConnection(conn);
            return true;
        } catch (JobPersistenceException e) {
            rollbackConnection(conn);
            throw e;
        } catch (SQLException e) {
            rollbackConnection(conn);
            throw new JobPersistenceException("Failure updating scheduler state when checking-in: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollbackConnection(conn);
            throw new JobPersistenceException("Unexpected runtime exception: " + e.getMessage(), e);
        } finally {
            try {
                releaseLock(LOCK_STATE_ACCESS, transStateOwner);
            } finally {
                cleanupConnection(conn);
            }
        }
    }

    /** Nothing to remove: returns inside the try, with no finally that closes. */
    protected int removeCompletedTriggersLeaks() throws JobPersistenceException {
        Connection conn = getNonManagedTXConnection();
        try {
            List<String> completed = getDelegate().selectTriggersInState(conn, STATE_COMPLETE);
            if (completed.isEmpty()) {
                getLog().fine("No 'complete' triggers to remove.");
                // BUG: Diagnostic contains: [UncommittedTransaction]
                return 0;
            }
            for (String triggerKey : completed) {
                getDelegate().deleteTrigger(conn, triggerKey);
            }
            commitConnection(conn);
            cleanupConnection(conn);
            return completed.size();
        } catch (JobPersistenceException e) {
            rollbackConnection(conn);
            throw e;
        } catch (SQLException e) {
            rollbackConnection(conn);
            throw new JobPersistenceException("Couldn't remove 'complete' triggers: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollbackConnection(conn);
            throw new JobPersistenceException("Unexpected runtime exception: " + e.getMessage(), e);
        }
    }

    /** The SQLException branch wraps and rethrows without rolling back (and nothing closes). */
    protected int updateSchedulerStateLeaks() throws JobPersistenceException {
        boolean transStateOwner = false;
        Connection conn = getNonManagedTXConnection();
        try {
            transStateOwner = getLockHandler().obtainLock(conn, LOCK_STATE_ACCESS);
            List<String> states = getDelegate().selectSchedulerStateRecords(conn, null);
            long now = System.currentTimeMillis();
            if (getDelegate().updateSchedulerState(conn, getInstanceId(), now) == 0) {
                getDelegate().insertSchedulerState(conn, getInstanceId(), now, 7500L);
            }
            commitConnection(conn);
            cleanupConnection(conn);
            return states.size();
        } catch (JobPersistenceException e) {
            rollbackConnection(conn);
            throw e;
        } catch (SQLException e) {
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            throw new JobPersistenceException("Failure updating scheduler state when checking-in: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollbackConnection(conn);
            throw new JobPersistenceException("Unexpected runtime exception: " + e.getMessage(), e);
        } finally {
            releaseLock(LOCK_STATE_ACCESS, transStateOwner);
        }
    }

    /** Stops at the first empty batch without committing the batch's transaction. */
    protected int recoverMisfiresInBatchesLeaks(int maxBatches) throws JobPersistenceException {
        int total = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            Connection conn = getNonManagedTXConnection();
            try {
                int misfireCount = getDelegate().countMisfiredTriggersInState(
                        conn, STATE_WAITING, getMisfireTime());
                if (misfireCount == 0) {
                    // BUG: Diagnostic contains: [UncommittedTransaction]
                    break;
                }
                total += getDelegate().updateTriggerStatesFromOtherStates(
                        conn, STATE_WAITING, STATE_ACQUIRED, STATE_BLOCKED);
                commitConnection(conn);
            } catch (JobPersistenceException e) {
                rollbackConnection(conn);
                throw e;
            } catch (SQLException e) {
                rollbackConnection(conn);
                throw new JobPersistenceException("Database error recovering from misfires.", e);
            } catch (RuntimeException e) {
                rollbackConnection(conn);
                throw new JobPersistenceException("Unexpected runtime exception: " + e.getMessage(), e);
            }
            cleanupConnection(conn);
        }
        return total;
    }

    /**
     * Quartz's clusterRecover under the trigger lock, with the rollback guarded by the lock flag
     * instead of the connection: a lock that failed to come leaves the transaction open.
     */
    protected void clusterRecoverLeaks(List<String> failedInstanceIds) throws JobPersistenceException {
        boolean transOwner = false;
        Connection conn = getNonManagedTXConnection();
        try {
            transOwner = getLockHandler().obtainLock(conn, LOCK_TRIGGER_ACCESS);
            for (String failedId : failedInstanceIds) {
                int n = getDelegate().deleteFiredTriggers(conn, failedId);
                getLog().info("ClusterManager: removed " + n + " fired triggers of " + failedId);
            }
            commitConnection(conn);
        } catch (JobPersistenceException e) {
            if (transOwner) {
                rollbackConnection(conn);
            }
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            throw e;
        } catch (SQLException e) {
            rollbackConnection(conn);
            throw new JobPersistenceException("Failure recovering jobs: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollbackConnection(conn);
            throw new JobPersistenceException("Unexpected runtime exception: " + e.getMessage(), e);
        } finally {
            releaseLock(LOCK_TRIGGER_ACCESS, transOwner);
        }
        cleanupConnection(conn);
    }

    /** The same recovery with the rollback guarded by the connection, as Quartz does it. */
    protected void clusterRecoverIsClean(List<String> failedInstanceIds) throws JobPersistenceException {
        boolean transOwner = false;
        Connection conn = getNonManagedTXConnection();
        try {
            transOwner = getLockHandler().obtainLock(conn, LOCK_TRIGGER_ACCESS);
            for (String failedId : failedInstanceIds) {
                int n = getDelegate().deleteFiredTriggers(conn, failedId);
                getLog().log(Level.INFO, "ClusterManager: removed " + n + " fired triggers of " + failedId);
            }
            commitConnection(conn);
        } catch (JobPersistenceException e) {
            if (conn != null) {
                rollbackConnection(conn);
            }
            throw e;
        } catch (SQLException e) {
            rollbackConnection(conn);
            throw new JobPersistenceException("Failure recovering jobs: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollbackConnection(conn);
            throw new JobPersistenceException("Unexpected runtime exception: " + e.getMessage(), e);
        } finally {
            releaseLock(LOCK_TRIGGER_ACCESS, transOwner);
        }
        cleanupConnection(conn);
    }
}
