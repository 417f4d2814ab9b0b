package rollerreal;

import javax.persistence.Query;

/** Callers in another file, after Roller's JPAThreadManagerImpl and JPAWeblogManagerImpl. */
public class LeaseManager {
  private final PersistenceStrategy strategy;

  public LeaseManager(PersistenceStrategy strategy) {
    this.strategy = strategy;
  }

  /**
   * Roller's registerLease: flushes only when the update hit one row, so it owns the transaction; the other
   * returns leave it open.
   */
  public boolean registerLease(String task, String client) {
    try {
      Query q = strategy.getNamedUpdate("TaskLock.update");
      q.setParameter(1, client);
      q.setParameter(2, task);
      int result = q.executeUpdate();
      if (result == 1) {
        strategy.flush();
        return true;
      }
    } catch (Exception e) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
    return false;
  }

  /** The same, with the thread's transaction released on every other path: correct. */
  public boolean registerLeaseReleased(String task, String client) {
    try {
      Query q = strategy.getNamedUpdate("TaskLock.update");
      q.setParameter(1, client);
      int result = q.executeUpdate();
      if (result == 1) {
        strategy.flush();
        return true;
      }
      strategy.release();
      return false;
    } catch (Exception e) {
      strategy.release();
      return false;
    }
  }

  /**
   * Several stores join one transaction (no second begin while it is active), one flush ends it: correct, and no
   * "begun again" at the second store.
   */
  public void saveBoth(Object a, Object b) throws AppException {
    try {
      strategy.store(a);
      strategy.store(b);
      strategy.flush();
    } catch (AppException | RuntimeException e) {
      strategy.release();
      throw e;
    }
  }

  /** Stores in a loop, flushes after it, releases on failure: correct. */
  public void saveAll(Iterable<Object> items) throws AppException {
    try {
      for (Object item : items) {
        strategy.store(item);
      }
      strategy.flush();
    } finally {
      strategy.release();
    }
  }

  /** Only stores: a begin wrapper itself, the request flushes. No finding. */
  public void saveLater(Object a, Object b) throws AppException {
    strategy.store(a);
    strategy.store(b);
  }

  /**
   * Flushes in the middle, as Roller's removeWebsiteContents does: the first transaction is committed, the second,
   * begun by the next store and joined by the one after, is left open when the count check returns, and when the
   * second store fails.
   */
  public int purge(Object a, Object b, Object c) throws AppException {
    strategy.store(a);
    strategy.flush();
    strategy.store(b);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    strategy.store(c);
    int n = count();
    if (n == 0) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return 0;
    }
    strategy.flush();
    return n;
  }

  private int count() {
    return 1;
  }
}
