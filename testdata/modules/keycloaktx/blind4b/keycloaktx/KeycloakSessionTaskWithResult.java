package blind4b.keycloaktx;

/** Keycloak's KeycloakSessionTaskWithResult. */
@FunctionalInterface
public interface KeycloakSessionTaskWithResult<V> {
    V run(KeycloakSession session);
}
