package blind3a.jpainv;

import jakarta.persistence.EntityManager;

/** Second-level wrappers: each one only forwards to JpaSupport. */
public final class Tx {

    private Tx() {
    }

    /** Begin wrapper of a begin wrapper. */
    public static void start(EntityManager em) {
        JpaSupport.begin(em);
    }

    /** End wrapper of an end wrapper. */
    public static void finish(EntityManager em) {
        JpaSupport.commit(em);
    }

    /** Query wrapper of a query wrapper. */
    public static boolean running(EntityManager em) {
        return JpaSupport.isActive(em);
    }

    /** Returns the other file's fresh begin wrapper's result directly. */
    public static EntityManager openWork() {
        return JpaSupport.openWithTransaction();
    }
}
