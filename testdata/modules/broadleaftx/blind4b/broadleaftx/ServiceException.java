package blind4b.broadleaftx;

/** Broadleaf's checked ServiceException. */
public class ServiceException extends Exception {
    private static final long serialVersionUID = 1L;

    public ServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
