package blind4b.keycloaktx;

/** Keycloak's KeycloakTransactionManager: the session's transaction, enlisting the providers'. */
public interface KeycloakTransactionManager extends KeycloakTransaction {
    void enlist(KeycloakTransaction transaction);

    void enlistAfterCompletion(KeycloakTransaction transaction);

    void enlistPrepare(KeycloakTransaction transaction);
}
