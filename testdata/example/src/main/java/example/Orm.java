package example;

/** A home-grown persistence layer: nothing here comes from JPA, JDBC or Spring. */
public class Orm {
    private boolean active;

    public void begin() {
        active = true;
    }

    public void commit() {
        active = false;
    }

    public void rollback() {
        active = false;
    }

    public boolean isActive() {
        return active;
    }
}
