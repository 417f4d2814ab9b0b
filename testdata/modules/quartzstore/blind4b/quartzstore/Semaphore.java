package blind4b.quartzstore;

import java.sql.Connection;

/** Quartz's lock handler (StdRowLockSemaphore, SimpleSemaphore). */
public interface Semaphore {
    boolean obtainLock(Connection conn, String lockName) throws LockException;

    void releaseLock(String lockName) throws LockException;

    boolean requiresConnection();
}
