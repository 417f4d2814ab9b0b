package blind4b.keycloaktx;

/**
 * Keycloak's KeycloakSession, as in the versions whose close() did not complete the transaction
 * (callers commit or roll back by hand, then close).
 */
public interface KeycloakSession {
    KeycloakTransactionManager getTransactionManager();

    RealmProvider realms();

    void close();
}
