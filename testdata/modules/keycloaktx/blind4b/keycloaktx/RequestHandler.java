package blind4b.keycloaktx;

/** A request handler (Keycloak's QuarkusRequestFilter) using the handler's create / close. */
public class RequestHandler implements TransactionalSessionHandler {

    public String handleIsClean(String realmName) {
        KeycloakSession session = create();
        try {
            RealmModel realm = session.realms().getRealmByName(realmName);
            return realm == null ? null : realm.getId();
        } finally {
            close(session);
        }
    }
}
