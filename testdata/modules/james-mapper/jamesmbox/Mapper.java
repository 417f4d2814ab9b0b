package jamesmbox;

/** A mapper runs work inside a transaction of its own. */
public interface Mapper {
  <T> T execute(Transaction<T> transaction) throws MailboxException;

  /** The unit of work: declares only the mailbox exception. */
  interface Transaction<T> {
    T run() throws MailboxException;
  }
}
