package jamesmbox;

public class SubscriptionException extends MailboxException {
  public SubscriptionException(Throwable cause) {
    super("subscription failed", cause);
  }
}
