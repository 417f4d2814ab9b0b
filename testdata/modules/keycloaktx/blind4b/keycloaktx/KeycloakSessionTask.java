package blind4b.keycloaktx;

/** Keycloak's KeycloakSessionTask. */
@FunctionalInterface
public interface KeycloakSessionTask {
    void run(KeycloakSession session);
}
