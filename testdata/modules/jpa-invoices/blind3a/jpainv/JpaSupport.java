package blind3a.jpainv;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

/** Static resource-local JPA helpers on an EntityManager parameter. */
public final class JpaSupport {

    private static final EntityManagerFactory EMF =
            Persistence.createEntityManagerFactory("invoices");

    private JpaSupport() {
    }

    /** Factory wrapper: a new EntityManager, kept nowhere. */
    public static EntityManager createEntityManager() {
        return EMF.createEntityManager();
    }

    /** Begin wrapper that returns the fresh EntityManager it began on (kept nowhere). */
    public static EntityManager openWithTransaction() {
        EntityManager em = EMF.createEntityManager();
        em.getTransaction().begin();
        return em;
    }

    /** Query wrapper on the parameter. */
    public static boolean isActive(EntityManager em) {
        return em.getTransaction().isActive();
    }

    /** Begin wrapper on the parameter. */
    public static void begin(EntityManager em) {
        em.getTransaction().begin();
    }

    /** Begin wrapper only when needTx is true. */
    public static void beginIf(EntityManager em, boolean needTx) {
        if (needTx) {
            em.getTransaction().begin();
        }
    }

    /** End wrapper on the parameter. */
    public static void commit(EntityManager em) {
        em.getTransaction().commit();
    }

    /** End wrapper guarded by the query wrapper. */
    public static void rollbackIfActive(EntityManager em) {
        if (isActive(em)) {
            em.getTransaction().rollback();
        }
    }
}
