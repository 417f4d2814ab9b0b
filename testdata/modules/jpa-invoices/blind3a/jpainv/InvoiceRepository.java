package blind3a.jpainv;

import jakarta.persistence.EntityManager;
import java.util.List;

/** Callers of AbstractRepository's, Tx's and JpaSupport's wrappers. */
public class InvoiceRepository extends AbstractRepository {

    public InvoiceRepository(EntityManager em) {
        super(em);
    }

    /** Negated instance query wrapper: rethrows untouched only when nothing is open. */
    public void saveIsClean(Object invoice) {
        beginTx();
        try {
            em.persist(invoice);
            commitTx();
        } catch (RuntimeException e) {
            if (!inTransaction()) {
                throw e;
            }
            rollbackTx();
            throw e;
        }
    }

    /** Early return from the try with the field's transaction open. */
    public boolean approveLeaks(Object invoice) {
        beginTx();
        try {
            if (em.contains(invoice)) {
                // BUG: Diagnostic contains: [UncommittedTransaction]
                return false;
            }
            em.persist(invoice);
            commitTx();
            return true;
        } catch (RuntimeException e) {
            if (inTransaction()) {
                rollbackTx();
            }
            throw e;
        }
    }

    /** Begins only where transactional is true; ends correlated with it. */
    public void updateIsClean(Object invoice, boolean transactional) {
        JpaSupport.beginIf(em, transactional);
        try {
            em.merge(invoice);
            if (transactional) {
                commitTx();
            }
        } catch (RuntimeException e) {
            if (transactional) {
                rollbackTx();
            }
            throw e;
        }
    }

    /** beginIf(em, true) begins; the commit is skipped when commit is false. */
    public void reindexLeaks(Object invoice, boolean commit) {
        JpaSupport.beginIf(em, true);
        try {
            em.merge(invoice);
        } catch (RuntimeException e) {
            rollbackTx();
            throw e;
        }
        if (commit) {
            commitTx();
        }
    // BUG: Diagnostic contains: [UncommittedTransaction]
    }

    /** A fresh EntityManager from the factory wrapper, rolled back by a static end wrapper. */
    public void importIsClean(List<Object> rows) {
        EntityManager batchEm = JpaSupport.createEntityManager();
        try {
            batchEm.getTransaction().begin();
            for (Object r : rows) {
                batchEm.persist(r);
            }
            batchEm.getTransaction().commit();
        } catch (RuntimeException e) {
            JpaSupport.rollbackIfActive(batchEm);
            throw e;
        } finally {
            batchEm.close();
        }
    }

    /** Guard on a different object: the field's EntityManager, not batchEm; close ends nothing. */
    public void importLeaks(List<Object> rows) {
        EntityManager batchEm = JpaSupport.createEntityManager();
        try {
            batchEm.getTransaction().begin();
            for (Object r : rows) {
                batchEm.persist(r);
            }
            batchEm.getTransaction().commit();
        } catch (RuntimeException e) {
            if (inTransaction()) {
                batchEm.getTransaction().rollback();
            }
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            throw e;
        } finally {
            batchEm.close();
        }
    }

    /** Fresh begun EntityManager through a wrapper of a wrapper; guarded by Tx.running. */
    public void exportIsClean(List<Object> rows) {
        EntityManager work = Tx.openWork();
        try {
            for (Object r : rows) {
                work.merge(r);
            }
            work.getTransaction().commit();
        } finally {
            if (Tx.running(work)) {
                work.getTransaction().rollback();
            }
            work.close();
        }
    }

    /** Same without the rollback: EntityManager.close() does not end the transaction. */
    public void exportLeaks(List<Object> rows) {
        EntityManager work = Tx.openWork();
        try {
            for (Object r : rows) {
                // BUG: Diagnostic contains: [UncommittedTransactionOnException]
                work.merge(r);
            }
            work.getTransaction().commit();
        } finally {
            work.close();
        }
    }
}
