package blind4b.keycloaktx;

/**
 * Keycloak's Quarkus TransactionalSessionHandler: create() begins the new session's transaction
 * and returns the session; close(session) commits or rolls back while active, then closes.
 */
public interface TransactionalSessionHandler {

    default KeycloakSession create() {
        KeycloakSessionFactory sessionFactory = KeycloakApplication.getSessionFactory();
        KeycloakSession session = sessionFactory.create();
        KeycloakTransactionManager tx = session.getTransactionManager();
        tx.begin();
        return session;
    }

    default void close(KeycloakSession session) {
        KeycloakTransactionManager tx = session.getTransactionManager();

        try {
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
    }
}
