package blind4b.broadleaftx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/** Broadleaf's SolrIndexServiceImpl.buildIncrementalIndex: a read-only transaction per page. */
public class SolrIndexServiceImpl {

    protected PlatformTransactionManager transactionManager;

    protected ProductDao productDao;

    protected SearchServer server;

    public SolrIndexServiceImpl(PlatformTransactionManager transactionManager, ProductDao productDao,
            SearchServer server) {
        this.transactionManager = transactionManager;
        this.productDao = productDao;
        this.server = server;
    }

    public void buildIncrementalIndexIsClean(int page, int pageSize) throws ServiceException {
        TransactionStatus status = TransactionUtils.createTransaction("readProducts",
                TransactionDefinition.PROPAGATION_REQUIRED, transactionManager, true);
        try {
            List<String> documents = new ArrayList<>();
            for (Long productId : productDao.readProductIds(page, pageSize)) {
                String doc = productDao.buildDocument(productId);
                if (doc != null) {
                    documents.add(doc);
                }
            }
            if (!documents.isEmpty()) {
                server.add(documents);
                server.optimize();
            }
            TransactionUtils.finalizeTransaction(status, transactionManager, false);
        } catch (SearchServerException e) {
            TransactionUtils.finalizeTransaction(status, transactionManager, true);
            throw new ServiceException("Could not rebuild index", e);
        } catch (IOException e) {
            TransactionUtils.finalizeTransaction(status, transactionManager, true);
            throw new ServiceException("Could not rebuild index", e);
        } catch (RuntimeException e) {
            TransactionUtils.finalizeTransaction(status, transactionManager, true);
            throw e;
        }
    }

    /** The IOException branch was added later and forgot to finalize. */
    public void buildIncrementalIndexLeaks(int page, int pageSize) throws ServiceException {
        TransactionStatus status = TransactionUtils.createTransaction("readProducts",
                TransactionDefinition.PROPAGATION_REQUIRED, transactionManager, true);
        try {
            List<String> documents = new ArrayList<>();
            for (Long productId : productDao.readProductIds(page, pageSize)) {
                String doc = productDao.buildDocument(productId);
                if (doc != null) {
                    documents.add(doc);
                }
            }
            if (!documents.isEmpty()) {
                server.add(documents);
                server.optimize();
            }
            TransactionUtils.finalizeTransaction(status, transactionManager, false);
        } catch (SearchServerException e) {
            TransactionUtils.finalizeTransaction(status, transactionManager, true);
            throw new ServiceException("Could not rebuild index", e);
        } catch (IOException e) {
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            throw new ServiceException("Could not rebuild index", e);
        } catch (RuntimeException e) {
            TransactionUtils.finalizeTransaction(status, transactionManager, true);
            throw e;
        }
    }
}
