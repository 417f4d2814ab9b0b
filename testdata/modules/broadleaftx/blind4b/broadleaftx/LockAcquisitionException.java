package blind4b.broadleaftx;

/** Thrown when a row lock cannot be acquired; the streaming util retries on it. */
public class LockAcquisitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LockAcquisitionException(String message) {
        super(message);
    }
}
