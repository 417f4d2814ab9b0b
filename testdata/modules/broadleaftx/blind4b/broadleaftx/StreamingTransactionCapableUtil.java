package blind4b.broadleaftx;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * Broadleaf's StreamingTransactionCapableUtil: startTransaction / endTransaction wrap the
 * TransactionUtils wrappers a second time; the operation runner begins only if useTransaction
 * and ends in a finally under the same flag, retrying on lock acquisition failures.
 */
public class StreamingTransactionCapableUtil {

    private static final Logger LOG = Logger.getLogger(StreamingTransactionCapableUtil.class.getName());

    protected PlatformTransactionManager transactionManager;

    protected int retryMax = 10;

    public StreamingTransactionCapableUtil(PlatformTransactionManager transactionManager) {
        this.transactionManager = transactionManager;
    }

    public <G extends Throwable> void runTransactionalOperation(
            StreamCapableTransactionalOperation operation, Class<G> exceptionType) throws G {
        runOptionalTransactionalOperationIsClean(operation, exceptionType, true,
                TransactionDefinition.PROPAGATION_REQUIRED, TransactionDefinition.ISOLATION_DEFAULT);
    }

    public <G extends Throwable> void runOptionalTransactionalOperationIsClean(
            StreamCapableTransactionalOperation operation, Class<G> exceptionType,
            boolean useTransaction, int transactionBehavior, int isolationLevel) throws G {
        int maxCount = operation.retryMaxCountOverrideForLockAcquisitionFailure();
        if (maxCount == -1) {
            maxCount = retryMax;
        }
        int tryCount = 0;
        boolean retry = false;
        do {
            tryCount++;
            try {
                TransactionStatus status = null;
                if (useTransaction) {
                    status = startTransaction(transactionBehavior, isolationLevel);
                }
                boolean isError = false;
                try {
                    operation.execute();
                    retry = false;
                } catch (Throwable e) {
                    isError = true;
                    ExceptionHelper.processException(exceptionType, RuntimeException.class, e);
                } finally {
                    if (useTransaction) {
                        endTransaction(status, isError, exceptionType);
                    }
                }
            } catch (RuntimeException e) {
                checkException: {
                    if (operation.shouldRetryOnTransactionLockAcquisitionFailure()) {
                        if (ExceptionHelper.causedBy(LockAcquisitionException.class, e)) {
                            if (tryCount < maxCount) {
                                try {
                                    Thread.sleep(300);
                                } catch (InterruptedException ie) {
                                    //do nothing
                                }
                                LOG.fine("Unable to acquire a transaction lock. Retrying - count(" + tryCount + ").");
                                retry = true;
                                break checkException;
                            }
                            LOG.warning("Unable to acquire a transaction lock after " + maxCount + " tries.");
                        }
                    }
                    throw e;
                }
            }
        } while (tryCount < maxCount && retry && operation.shouldRetryOnTransactionLockAcquisitionFailure());
    }

    public PlatformTransactionManager getTransactionManager() {
        return transactionManager;
    }

    protected <G extends Throwable> void endTransaction(TransactionStatus status, boolean error,
            Class<G> exceptionType) throws G {
        try {
            TransactionUtils.finalizeTransaction(status, transactionManager, error);
        } catch (Throwable e) {
            ExceptionHelper.processException(exceptionType, RuntimeException.class, e);
        }
    }

    protected TransactionStatus startTransaction(int propagationBehavior, int isolationLevel) {
        TransactionStatus status;
        try {
            status = TransactionUtils.createTransaction(propagationBehavior, isolationLevel,
                    transactionManager, false);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not start transaction", e);
            throw e;
        }
        return status;
    }
}
