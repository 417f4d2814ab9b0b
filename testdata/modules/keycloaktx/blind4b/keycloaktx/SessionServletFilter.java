package blind4b.keycloaktx;

/**
 * Keycloak's KeycloakSessionServletFilter: begins the session's transaction, runs the chain, and
 * in finally rolls back whatever is still active and closes the session (the commit is done by
 * a response filter on success).
 */
public class SessionServletFilter {

    protected final KeycloakSessionFactory sessionFactory;

    public SessionServletFilter(KeycloakSessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public void doFilterIsClean(KeycloakSessionTask chain) {
        KeycloakSession session = sessionFactory.create();
        KeycloakTransaction tx = session.getTransactionManager();
        tx.begin();

        try {
            chain.run(session);
        } finally {
            closeSession(session);
        }
    }

    /** Keycloak's KeycloakTransactionCommitter, called on the response path. */
    public void commitIsClean(KeycloakSession session) {
        KeycloakTransactionManager tx = session.getTransactionManager();
        if (tx.isActive()) {
            if (tx.getRollbackOnly()) {
                tx.rollback();
            } else {
                tx.commit();
            }
        }
    }

    private void closeSession(KeycloakSession session) {
        // KeycloakTransactionCommitter is responsible for committing the transaction, but if an
        // exception is thrown it's not invoked and transaction should be rolled back
        if (session.getTransactionManager() != null && session.getTransactionManager().isActive()) {
            session.getTransactionManager().rollback();
        }
        session.close();
    }
}
