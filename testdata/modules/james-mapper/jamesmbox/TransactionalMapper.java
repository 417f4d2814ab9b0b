package jamesmbox;

/**
 * After James' store-level TransactionalMapper: execute() brackets the work with the abstract
 * begin(), commit() and rollback() of the subclass (home-grown, zero config: this type declares
 * no-arg commit() and rollback()). It rolls back on the mailbox exception only.
 */
public abstract class TransactionalMapper implements Mapper {

  @Override
  public final <T> T execute(Transaction<T> transaction) throws MailboxException {
    begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      T value = transaction.run();
      commit();
      return value;
    } catch (MailboxException e) {
      rollback();
      throw e;
    }
  }

  protected abstract void begin() throws MailboxException;

  protected abstract void commit() throws MailboxException;

  protected abstract void rollback() throws MailboxException;
}
