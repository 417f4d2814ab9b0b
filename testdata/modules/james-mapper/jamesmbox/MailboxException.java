package jamesmbox;

/** The checked exception of the mailbox API. */
public class MailboxException extends Exception {
  public MailboxException(String message) {
    super(message);
  }

  public MailboxException(String message, Throwable cause) {
    super(message, cause);
  }
}
