package blind3a.hibdao;

import org.hibernate.Transaction;
import org.hibernate.resource.transaction.spi.TransactionStatus;

/** Second-level helpers: wrappers of HibernateUtil's query wrappers, and status tests. */
public final class TxChecks {

    private TxChecks() {
    }

    /** Wrapper of the null-safe query wrapper HibernateUtil.isActive(tx). */
    public static boolean canRollback(Transaction tx) {
        return HibernateUtil.isActive(tx);
    }

    /** Wrapper of HibernateUtil.inTransaction(): a query on the thread's session. */
    public static boolean transactionOpen() {
        return HibernateUtil.inTransaction();
    }

    /** Incomplete status test: only ACTIVE (a MARKED_ROLLBACK transaction is still open). */
    public static boolean isRunning(Transaction tx) {
        return tx.getStatus() == TransactionStatus.ACTIVE;
    }

    /** Complete status test: canRollback() counts MARKED_ROLLBACK as open. */
    public static boolean mayRollback(Transaction tx) {
        return tx.getStatus().canRollback();
    }

    /** End wrapper guarded by the negated wrapper of a query wrapper. */
    public static void rollbackIfNeeded(Transaction tx) {
        if (!canRollback(tx)) {
            return;
        }
        tx.rollback();
    }
}
