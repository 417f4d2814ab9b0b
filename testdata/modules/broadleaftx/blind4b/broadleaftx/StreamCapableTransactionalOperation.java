package blind4b.broadleaftx;

/** Broadleaf's unit of work for StreamingTransactionCapableUtil. */
public interface StreamCapableTransactionalOperation {
    void execute() throws Throwable;

    boolean shouldRetryOnTransactionLockAcquisitionFailure();

    int retryMaxCountOverrideForLockAcquisitionFailure();
}
