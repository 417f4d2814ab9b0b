package blind3a.hibdao;

import java.util.List;
import org.hibernate.Transaction;

/** Callers: begin, end and query the thread session's transaction through the other files. */
public class OrderDao extends BaseDao {

    /** Null-safe guard through two wrapper levels: rolled back on every failure. */
    public void saveOrderIsClean(Object order) {
        Transaction tx = null;
        try {
            tx = beginTx();
            session().persist(order);
            commitTx(tx);
        } catch (RuntimeException e) {
            if (isActive(tx)) {
                rollbackTx(tx);
            }
            throw e;
        }
    }

    /** Inverted guard: the rollback runs only when the transaction is no longer active. */
    public void saveOrderInvertedGuardLeaks(Object order) {
        Transaction tx = null;
        try {
            tx = beginTx();
            session().persist(order);
            commitTx(tx);
        } catch (RuntimeException e) {
            if (!isActive(tx)) {
                rollbackTx(tx);
            }
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            throw e;
        }
    }

    /** Static thread-session wrappers, finally guarded by a wrapper of inTransaction(). */
    public void archiveOrdersIsClean(List<Object> orders) {
        HibernateUtil.beginTransaction();
        try {
            for (Object o : orders) {
                HibernateUtil.currentSession().merge(o);
            }
            HibernateUtil.commitTransaction();
        } finally {
            if (TxChecks.transactionOpen()) {
                HibernateUtil.rollbackTransaction();
            }
        }
    }

    /** Guard on a different object: the audit transaction's state decides this rollback. */
    public void purgeOrderLeaks(Object order, Transaction auditTx) {
        Transaction tx = beginTx();
        try {
            session().remove(order);
            commitTx(tx);
        } catch (RuntimeException e) {
            if (isActive(auditTx)) {
                rollbackTx(tx);
            }
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            throw e;
        }
    }

    /** End wrapper guarded by a negated wrapper of a query wrapper, in another file. */
    public void renameCustomerIsClean(Object customer) {
        Transaction tx = beginTx();
        try {
            session().merge(customer);
            tx.commit();
        } catch (RuntimeException e) {
            TxChecks.rollbackIfNeeded(tx);
            throw e;
        }
    }

    /** Dry run returns with the thread session's transaction still open. */
    public void closeOrderLeaks(Object order, boolean dryRun) {
        HibernateUtil.beginTransaction();
        try {
            HibernateUtil.currentSession().merge(order);
            if (dryRun) {
                // BUG: Diagnostic contains: [UncommittedTransaction]
                return;
            }
            HibernateUtil.commitTransaction();
        } catch (RuntimeException e) {
            if (HibernateUtil.inTransaction()) {
                HibernateUtil.rollbackTransaction();
            }
            throw e;
        }
    }

    /** Status test wrapper accepting only ACTIVE: a MARKED_ROLLBACK transaction stays open. */
    public void addLineLeaks(Object line) {
        Transaction tx = beginTx();
        try {
            session().persist(line);
            tx.commit();
        } catch (RuntimeException e) {
            if (TxChecks.isRunning(tx)) {
                tx.rollback();
            }
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            throw e;
        }
    }

    /** Status test wrapper using canRollback(): a full guard. */
    public void addLineIsClean(Object line) {
        Transaction tx = beginTx();
        try {
            session().persist(line);
            tx.commit();
        } catch (RuntimeException e) {
            if (TxChecks.mayRollback(tx)) {
                tx.rollback();
            }
            throw e;
        }
    }
}
