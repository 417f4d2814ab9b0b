package jamesmbox;

/** A user row. */
public class JPAUser {
  private final String name;
  private String passwordHash;

  public JPAUser(String name, String passwordHash) {
    this.name = name;
    this.passwordHash = passwordHash;
  }

  public String getName() {
    return name;
  }

  public void setPasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }
}
