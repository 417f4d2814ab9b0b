package blind4b.keycloaktx;

import java.util.List;

/** Keycloak's RealmProvider (session.realms()). */
public interface RealmProvider {
    RealmModel getRealm(String id);

    RealmModel getRealmByName(String name);

    RealmModel createRealm(String name);

    boolean removeRealm(String id);

    List<RealmModel> getRealms(int first, int max);
}
