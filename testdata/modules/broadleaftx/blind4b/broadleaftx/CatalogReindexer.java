package blind4b.broadleaftx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * A subclass of StreamingTransactionCapableUtil calling its inherited startTransaction /
 * endTransaction (wrappers of the TransactionUtils wrappers) unqualified.
 */
public class CatalogReindexer extends StreamingTransactionCapableUtil {

    protected ProductDao productDao;

    protected SearchServer server;

    public CatalogReindexer(PlatformTransactionManager transactionManager, ProductDao productDao,
            SearchServer server) {
        super(transactionManager);
        this.productDao = productDao;
        this.server = server;
    }

    public void reindexPageIsClean(int page, int pageSize) throws IOException, SearchServerException {
        TransactionStatus status = startTransaction(TransactionDefinition.PROPAGATION_REQUIRED,
                TransactionDefinition.ISOLATION_DEFAULT);
        boolean isError = false;
        try {
            List<String> documents = new ArrayList<>();
            for (Long productId : productDao.readProductIds(page, pageSize)) {
                documents.add(productDao.buildDocument(productId));
            }
            server.add(documents);
        } catch (IOException | SearchServerException | RuntimeException e) {
            isError = true;
            throw e;
        } finally {
            endTransaction(status, isError, RuntimeException.class);
        }
    }

    /** Ends only after the work succeeded: any failure of the work leaves it open. */
    public void reindexPageLeaks(int page, int pageSize) throws IOException, SearchServerException {
        List<String> documents = new ArrayList<>();
        TransactionStatus status = startTransaction(TransactionDefinition.PROPAGATION_REQUIRED,
                TransactionDefinition.ISOLATION_DEFAULT);
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        for (Long productId : productDao.readProductIds(page, pageSize)) {
            documents.add(productDao.buildDocument(productId));
        }
        server.add(documents);
        endTransaction(status, false, RuntimeException.class);
    }

    /** The runner with an anonymous operation: nothing to end by hand here. */
    public void reindexAllIsClean(final int pageSize) {
        runTransactionalOperation(new StreamCapableTransactionalOperation() {
            @Override
            public void execute() throws Throwable {
                List<String> documents = new ArrayList<>();
                for (Long productId : productDao.readProductIds(0, pageSize)) {
                    documents.add(productDao.buildDocument(productId));
                }
                server.add(documents);
            }

            @Override
            public boolean shouldRetryOnTransactionLockAcquisitionFailure() {
                return true;
            }

            @Override
            public int retryMaxCountOverrideForLockAcquisitionFailure() {
                return -1;
            }
        }, RuntimeException.class);
    }
}
