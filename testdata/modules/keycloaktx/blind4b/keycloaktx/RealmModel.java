package blind4b.keycloaktx;

/** Keycloak's RealmModel. */
public interface RealmModel {
    String getId();

    String getName();
}
