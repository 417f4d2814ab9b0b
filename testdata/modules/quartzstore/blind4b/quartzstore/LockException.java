package blind4b.quartzstore;

/** Thrown by a {@link Semaphore} that cannot obtain or release a lock. */
public class LockException extends JobPersistenceException {
    private static final long serialVersionUID = 1L;

    public LockException(String msg) {
        super(msg);
    }

    public LockException(String msg, Throwable cause) {
        super(msg, cause);
    }
}
