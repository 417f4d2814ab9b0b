package blind4b.broadleaftx;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * Callers of TransactionUtils in the shape of Broadleaf's OrderServiceImpl.save and a custom
 * cancelOrder: createTransaction returns a fresh TransactionStatus, finalizeTransaction(status,
 * tm, isError) ends it (commit, or rollback on error or rollback-only).
 */
public class OrderServiceImpl {

    protected PlatformTransactionManager transactionManager;

    protected OrderDao orderDao;

    protected CancelOrderWorkflow cancelOrderWorkflow;

    public OrderServiceImpl(PlatformTransactionManager transactionManager, OrderDao orderDao,
            CancelOrderWorkflow cancelOrderWorkflow) {
        this.transactionManager = transactionManager;
        this.orderDao = orderDao;
        this.cancelOrderWorkflow = cancelOrderWorkflow;
    }

    public Order saveIsClean(Order order) {
        TransactionStatus status = TransactionUtils.createTransaction("saveOrder",
                TransactionDefinition.PROPAGATION_REQUIRED, transactionManager);
        try {
            order = orderDao.save(order);
            TransactionUtils.finalizeTransaction(status, transactionManager, false);
        } catch (RuntimeException ex) {
            TransactionUtils.finalizeTransaction(status, transactionManager, true);
            throw ex;
        }
        return order;
    }

    /** An already submitted order is returned as it is, from inside the transaction. */
    public Order saveLeaks(Order order) {
        TransactionStatus status = TransactionUtils.createTransaction("saveOrder",
                TransactionDefinition.PROPAGATION_REQUIRED, transactionManager);
        try {
            Order existing = orderDao.readOrderById(order.getId());
            if (existing != null && existing.isSubmitted()) {
                // BUG: Diagnostic contains: [UncommittedTransaction]
                return existing;
            }
            order = orderDao.save(order);
            TransactionUtils.finalizeTransaction(status, transactionManager, false);
        } catch (RuntimeException ex) {
            TransactionUtils.finalizeTransaction(status, transactionManager, true);
            throw ex;
        }
        return order;
    }

    public void cancelOrderIsClean(Long orderId) throws WorkflowException {
        TransactionStatus status = TransactionUtils.createTransaction("customCancelOrder",
                TransactionDefinition.PROPAGATION_REQUIRED, transactionManager);
        try {
            Order order = orderDao.readOrderById(orderId);
            order = cancelOrderWorkflow.doActivities(order);
            order.setStatus("CANCELLED");
            orderDao.save(order);
            TransactionUtils.finalizeTransaction(status, transactionManager, false);
        } catch (RuntimeException ex) {
            TransactionUtils.finalizeTransaction(status, transactionManager, true);
            throw new WorkflowException(ex);
        }
    }

    /** The failure is wrapped and rethrown without finalizing the transaction. */
    public void cancelOrderLeaks(Long orderId) throws WorkflowException {
        TransactionStatus status = TransactionUtils.createTransaction("customCancelOrder",
                TransactionDefinition.PROPAGATION_REQUIRED, transactionManager);
        try {
            Order order = orderDao.readOrderById(orderId);
            order = cancelOrderWorkflow.doActivities(order);
            order.setStatus("CANCELLED");
            orderDao.save(order);
            TransactionUtils.finalizeTransaction(status, transactionManager, false);
        } catch (RuntimeException ex) {
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            throw new WorkflowException(ex);
        }
    }
}
