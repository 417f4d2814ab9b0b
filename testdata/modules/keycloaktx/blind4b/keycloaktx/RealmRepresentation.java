package blind4b.keycloaktx;

/** The imported JSON form of a realm. */
public class RealmRepresentation {
    private String id;
    private String realm;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealm() {
        return realm;
    }

    public void setRealm(String realm) {
        this.realm = realm;
    }
}
