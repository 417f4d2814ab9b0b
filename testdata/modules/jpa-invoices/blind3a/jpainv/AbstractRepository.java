package blind3a.jpainv;

import jakarta.persistence.EntityManager;

/** Base repository: helpers on the injected EntityManager field. */
public abstract class AbstractRepository {

    protected final EntityManager em;

    protected AbstractRepository(EntityManager em) {
        this.em = em;
    }

    /** Instance query wrapper on the field. */
    protected boolean inTransaction() {
        return em.getTransaction().isActive();
    }

    /** Begin wrapper of a wrapper of a wrapper (beginTx -> Tx.start -> JpaSupport.begin). */
    protected void beginTx() {
        Tx.start(em);
    }

    /** End wrapper of a wrapper of a wrapper. */
    protected void commitTx() {
        Tx.finish(em);
    }

    /** End wrapper guarded by the instance query wrapper. */
    protected void rollbackTx() {
        if (inTransaction()) {
            em.getTransaction().rollback();
        }
    }
}
