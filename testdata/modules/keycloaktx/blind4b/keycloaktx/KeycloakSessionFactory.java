package blind4b.keycloaktx;

/** Keycloak's KeycloakSessionFactory. */
public interface KeycloakSessionFactory {
    KeycloakSession create();
}
