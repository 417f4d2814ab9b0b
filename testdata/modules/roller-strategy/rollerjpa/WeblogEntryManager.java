package rollerjpa;

import javax.persistence.EntityManager;
import javax.persistence.Query;

/**
 * A manager in another file, after Roller's JPA manager implementations: most methods store and
 * leave flush() and release() to the request; a few flush themselves.
 */
public class WeblogEntryManager {
  private final JPAPersistenceStrategy strategy;

  public WeblogEntryManager(JPAPersistenceStrategy strategy) {
    this.strategy = strategy;
  }

  /** Roller's usual manager method: stores and leaves the transaction to the request. No finding. */
  public void saveWeblogEntry(WeblogEntry entry) throws WebloggerException {
    entry.setUpdateTime(System.currentTimeMillis());
    strategy.store(entry);
  }

  /** Also only a begin: no finding. */
  public void removeComment(WeblogEntryComment comment) throws WebloggerException {
    strategy.remove(comment);
  }

  /** A read: getEntityManager(false) begins nothing. */
  public WeblogEntry getWeblogEntry(String id) throws WebloggerException {
    return strategy.load(WeblogEntry.class, id);
  }

  /**
   * A bulk update flushed at once: the method flushes, so it owns the transaction, and a failing
   * setParameter or executeUpdate leaves it open.
   */
  public int applyCommentDefaults(String weblogId, boolean allowComments)
      throws WebloggerException {
    Query q = strategy.getNamedUpdate("WeblogEntry.updateAllowComments");
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    q.setParameter(1, allowComments);
    q.setParameter(2, weblogId);
    int updated = q.executeUpdate();
    strategy.flush();
    return updated;
  }

  /** The thread's EntityManager with a transaction, committed or rolled back here: correct. */
  public void purgeSpam(String weblogId) throws WebloggerException {
    EntityManager em = strategy.getEntityManager(true);
    try {
      em.createNamedQuery("WeblogEntryComment.removeSpam")
          .setParameter(1, weblogId)
          .executeUpdate();
      em.getTransaction().commit();
    } catch (RuntimeException e) {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      throw new WebloggerException(e);
    }
  }

  /** Spam is released (rolled back) at once, anything else flushed: correct. */
  public boolean postComment(WeblogEntryComment comment) throws WebloggerException {
    boolean spam = comment.isSpam();
    strategy.store(comment);
    if (spam) {
      strategy.release();
      return false;
    }
    strategy.flush();
    return true;
  }
}
