package blind4b.quartzstore;

/** Quartz's checked persistence exception (org.quartz.JobPersistenceException). */
public class JobPersistenceException extends Exception {
    private static final long serialVersionUID = 1L;

    public JobPersistenceException(String msg) {
        super(msg);
    }

    public JobPersistenceException(String msg, Throwable cause) {
        super(msg, cause);
    }
}
