package blind4b.keycloaktx;

/** Keycloak's RealmManager: realm operations on the session it was created with. */
public class RealmManager {
    protected KeycloakSession session;

    public RealmManager(KeycloakSession session) {
        this.session = session;
    }

    public RealmModel getRealm(String id) {
        return session.realms().getRealm(id);
    }

    public RealmModel getRealmByName(String name) {
        return session.realms().getRealmByName(name);
    }

    public RealmModel importRealm(RealmRepresentation rep) {
        return session.realms().createRealm(rep.getRealm());
    }

    public boolean removeRealm(RealmModel realm) {
        return session.realms().removeRealm(realm.getId());
    }
}
