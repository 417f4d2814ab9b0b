package jamesmbox;

/** A mailbox row. */
public class JPAMailbox {
  private long mailboxId;
  private String name;

  public JPAMailbox(String name) {
    this.name = name;
  }

  public long getMailboxId() {
    return mailboxId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
