package blind4b.keycloaktx;

import java.util.List;

/** Keycloak's MigrationModelManager: migrates the stored model to the running version. */
public class MigrationModelManager {

    public static void migrate(KeycloakSession session) {
        List<RealmModel> realms = session.realms().getRealms(0, Integer.MAX_VALUE);
        for (RealmModel realm : realms) {
            if (realm.getName() == null) {
                throw new IllegalStateException("Realm without a name: " + realm.getId());
            }
        }
    }
}
