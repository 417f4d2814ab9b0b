package blind4b.keycloaktx;

/** Keycloak's org.keycloak.models.KeycloakTransaction. */
public interface KeycloakTransaction {
    void begin();

    void commit();

    void rollback();

    void setRollbackOnly();

    boolean getRollbackOnly();

    boolean isActive();
}
