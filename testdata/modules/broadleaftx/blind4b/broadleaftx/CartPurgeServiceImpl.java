package blind4b.broadleaftx;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/** Broadleaf's ResourcePurgeServiceImpl.purgeCarts: one transaction per cart. */
public class CartPurgeServiceImpl {

    private static final Logger LOG = Logger.getLogger(CartPurgeServiceImpl.class.getName());

    protected PlatformTransactionManager transactionManager;

    protected OrderDao orderDao;

    protected final Set<Long> cartPurgeErrors = new HashSet<>();

    public CartPurgeServiceImpl(PlatformTransactionManager transactionManager, OrderDao orderDao) {
        this.transactionManager = transactionManager;
        this.orderDao = orderDao;
    }

    public int purgeCartsIsClean(List<Order> carts) {
        int processedCount = 0;
        for (Order cart : carts) {
            TransactionStatus status = TransactionUtils.createTransaction("Cart Purge",
                    TransactionDefinition.PROPAGATION_REQUIRED, transactionManager, false);
            try {
                orderDao.delete(cart);
                TransactionUtils.finalizeTransaction(status, transactionManager, false);
                processedCount++;
            } catch (Exception e) {
                if (!status.isCompleted()) {
                    TransactionUtils.finalizeTransaction(status, transactionManager, true);
                }
                LOG.log(Level.SEVERE, String.format("Not able to purge Cart ID: %d", cart.getId()), e);
                cartPurgeErrors.add(cart.getId());
            }
        }
        return processedCount;
    }

    /**
     * A locked cart is skipped after its transaction was already created. The skipped cart's
     * transaction is still open when the next iteration calls cart.isLocked() and
     * createTransaction, so an exception there also leaves with it active.
     */
    public int purgeCartsLeaks(List<Order> carts) {
        int processedCount = 0;
        for (Order cart : carts) {
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            boolean locked = cart.isLocked();
            TransactionStatus status = TransactionUtils.createTransaction("Cart Purge",
                    TransactionDefinition.PROPAGATION_REQUIRED, transactionManager, false);
            if (locked) {
                // BUG: Diagnostic contains: [UncommittedTransaction]
                continue;
            }
            try {
                orderDao.delete(cart);
                TransactionUtils.finalizeTransaction(status, transactionManager, false);
                processedCount++;
            } catch (Exception e) {
                if (!status.isCompleted()) {
                    TransactionUtils.finalizeTransaction(status, transactionManager, true);
                }
                LOG.log(Level.SEVERE, String.format("Not able to purge Cart ID: %d", cart.getId()), e);
                cartPurgeErrors.add(cart.getId());
            }
        }
        return processedCount;
    }
}
