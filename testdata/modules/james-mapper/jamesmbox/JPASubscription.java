package jamesmbox;

/** A subscription row. */
public class JPASubscription {
  private final String user;
  private final String mailbox;

  public JPASubscription(String user, String mailbox) {
    this.user = user;
    this.mailbox = mailbox;
  }

  public String getUser() {
    return user;
  }

  public String getMailbox() {
    return mailbox;
  }
}
