package blind4b.broadleaftx;

/** Broadleaf's checked WorkflowException. */
public class WorkflowException extends Exception {
    private static final long serialVersionUID = 1L;

    public WorkflowException(Throwable cause) {
        super(cause);
    }
}
