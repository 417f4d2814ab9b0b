package blind4b.keycloaktx;

/**
 * Keycloak's KeycloakModelUtils.runJobInTransaction: a session from the factory, its transaction
 * begun, the task run, then commit (or rollback if marked rollback-only) while active; a runtime
 * failure rolls back if still active; the session is closed in finally.
 */
public final class KeycloakModelUtils {

    private KeycloakModelUtils() {
    }

    public static void runJobInTransaction(KeycloakSessionFactory factory, KeycloakSessionTask task) {
        KeycloakSession session = factory.create();
        KeycloakTransaction tx = session.getTransactionManager();
        try {
            tx.begin();
            task.run(session);

            if (tx.isActive()) {
                if (tx.getRollbackOnly()) {
                    tx.rollback();
                } else {
                    tx.commit();
                }
            }
        } catch (RuntimeException re) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw re;
        } finally {
            session.close();
        }
    }

    /** The same for a task with a result, written without the catch: a failing task leaks. */
    public static <V> V runJobInTransactionWithResultLeaks(KeycloakSessionFactory factory,
            KeycloakSessionTaskWithResult<V> callable) {
        KeycloakSession session = factory.create();
        KeycloakTransaction tx = session.getTransactionManager();
        V result;
        try {
            tx.begin();
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            result = callable.run(session);

            if (tx.isActive()) {
                if (tx.getRollbackOnly()) {
                    tx.rollback();
                } else {
                    tx.commit();
                }
            }
        } finally {
            session.close();
        }
        return result;
    }

    public static <V> V runJobInTransactionWithResultIsClean(KeycloakSessionFactory factory,
            KeycloakSessionTaskWithResult<V> callable) {
        KeycloakSession session = factory.create();
        KeycloakTransaction tx = session.getTransactionManager();
        V result;
        try {
            tx.begin();
            result = callable.run(session);

            if (tx.isActive()) {
                if (tx.getRollbackOnly()) {
                    tx.rollback();
                } else {
                    tx.commit();
                }
            }
        } catch (RuntimeException re) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw re;
        } finally {
            session.close();
        }
        return result;
    }
}
