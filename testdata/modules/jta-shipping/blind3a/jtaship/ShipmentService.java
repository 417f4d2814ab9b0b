package blind3a.jtaship;

import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.logging.Logger;

/** Bean-managed-transaction service: callers of TxContext (a field) and TxStatus. */
public class ShipmentService {

    private static final Logger LOG = Logger.getLogger(ShipmentService.class.getName());

    private final UserTransaction ut;
    private final TxContext tx;
    private final EntityManager em;

    public ShipmentService(UserTransaction ut, TxContext tx, EntityManager em) {
        this.ut = ut;
        this.tx = tx;
        this.em = em;
    }

    /** finally guarded by the injected helper's complete query wrapper. */
    public void shipIsClean(Object shipment) throws Exception {
        tx.beginWork();
        try {
            em.persist(shipment);
            tx.commitWork();
        } finally {
            if (tx.isWorkActive()) {
                tx.rollbackWork();
            }
        }
    }

    /** finally guarded by STATUS_ACTIVE only: a marked-rollback transaction is left open. */
    public void shipStrictGuardLeaks(Object shipment) throws Exception {
        tx.beginWork();
        try {
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            em.persist(shipment);
            tx.commitWork();
        } finally {
            if (tx.isStrictlyActive()) {
                tx.rollbackWork();
            }
        }
    }

    /** catch guarded by ACTIVE || MARKED_ROLLBACK (complete). */
    public void receiveIsClean(Object receipt) throws Exception {
        ut.begin();
        try {
            em.persist(receipt);
            ut.commit();
        } catch (Exception e) {
            if (TxStatus.isActiveOrMarked(ut)) {
                ut.rollback();
            }
            throw e;
        }
    }

    /** catch guarded by == STATUS_ACTIVE (incomplete) through a static wrapper. */
    public void receiveLeaks(Object receipt) throws Exception {
        ut.begin();
        try {
            em.persist(receipt);
            ut.commit();
        } catch (Exception e) {
            if (TxStatus.isActive(ut)) {
                ut.rollback();
            }
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            throw e;
        }
    }

    /** Joins a caller's transaction or begins (and then owns) its own. */
    public void joinOrBeginIsClean(Object order) throws Exception {
        boolean owner = false;
        if (!TxStatus.isOpen(ut)) {
            ut.begin();
            owner = true;
        }
        try {
            em.persist(order);
            if (owner) {
                ut.commit();
            }
        } catch (Exception e) {
            if (owner && TxStatus.isActiveOrMarked(ut)) {
                ut.rollback();
            }
            throw e;
        }
    }

    /** continue inside try/finally: the finally rolls the skipped item back. */
    public void batchIsClean(List<Object> batch) throws Exception {
        for (Object item : batch) {
            tx.beginWork();
            try {
                if (item == null) {
                    continue;
                }
                em.persist(item);
                tx.commitWork();
            } finally {
                if (tx.isWorkActive()) {
                    tx.rollbackWork();
                }
            }
        }
    }

    /** Negated complete guard in finally. */
    public void cancelIsClean(Object shipment) throws Exception {
        ut.begin();
        try {
            em.remove(em.merge(shipment));
            ut.commit();
        } finally {
            if (!TxStatus.isOpen(ut)) {
                LOG.fine("cancel committed");
            } else {
                ut.rollback();
            }
        }
    }

    /** validateOnly returns from the try with the transaction open; the catch does not run. */
    public boolean redeliverLeaks(Object shipment, boolean validateOnly) throws Exception {
        tx.beginWork();
        try {
            em.merge(shipment);
            if (validateOnly) {
                // BUG: Diagnostic contains: [UncommittedTransaction]
                return true;
            }
            tx.commitWork();
            return true;
        } catch (RuntimeException e) {
            if (tx.isWorkActive()) {
                tx.rollbackWork();
            }
            throw e;
        }
    }
}
