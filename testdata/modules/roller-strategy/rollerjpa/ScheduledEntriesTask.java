package rollerjpa;

import javax.persistence.Query;

/** Tasks in a third file: Roller's "flush in the try, release in the finally" and its mistakes. */
public class ScheduledEntriesTask {
  private final JPAPersistenceStrategy strategy;
  private final WeblogEntryManager entryManager;

  public ScheduledEntriesTask(JPAPersistenceStrategy strategy, WeblogEntryManager entryManager) {
    this.strategy = strategy;
    this.entryManager = entryManager;
  }

  /** The task idiom: flush in the try, release in the finally. Correct. */
  public void publishEntry(String entryId) {
    try {
      WeblogEntry entry = strategy.load(WeblogEntry.class, entryId);
      if (entry == null) {
        return;
      }
      entry.setStatus(WeblogEntry.PUBLISHED);
      strategy.store(entry);
      strategy.flush();
    } catch (WebloggerException e) {
      log("could not publish " + entryId, e);
    } finally {
      strategy.release();
    }
  }

  /** Through the manager's wrapper, flushed and released here: correct. */
  public void touchEntry(WeblogEntry entry) {
    try {
      entryManager.saveWeblogEntry(entry);
      strategy.flush();
    } catch (WebloggerException e) {
      log("could not touch entry", e);
    } finally {
      strategy.release();
    }
  }

  /** Flushes on one path, so it owns the transaction; the early return neither flushes nor releases. */
  public boolean approveComment(WeblogEntryComment comment, boolean notify)
      throws WebloggerException {
    comment.setStatus(WeblogEntryComment.APPROVED);
    strategy.store(comment);
    if (!notify) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    sendApprovalMail(comment);
    strategy.flush();
    return true;
  }

  /** The flag is set before the update runs: when executeUpdate fails, the finally skips release. */
  public void moveEntries(String fromCategory, String toCategory) throws WebloggerException {
    boolean moved = false;
    try {
      Query q = strategy.getNamedUpdate("WeblogEntry.updateCategory");
      q.setParameter(1, toCategory);
      q.setParameter(2, fromCategory);
      moved = true;
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      q.executeUpdate();
      strategy.flush();
    } finally {
      if (!moved) {
        strategy.release();
      }
    }
  }

  /** The same with the flag set after the flush: correct. */
  public void retagEntries(String oldTag, String newTag) throws WebloggerException {
    boolean done = false;
    try {
      Query q = strategy.getNamedUpdate("WeblogEntryTag.rename");
      q.setParameter(1, newTag);
      q.setParameter(2, oldTag);
      q.executeUpdate();
      strategy.flush();
      done = true;
    } finally {
      if (!done) {
        strategy.release();
      }
    }
  }

  /** Catch-and-wrap without a release: the wrapped exception leaves the stored comment pending. */
  public void saveCommentAndIndex(WeblogEntryComment comment) throws WebloggerException {
    try {
      strategy.store(comment);
      reindex(comment);
      strategy.flush();
    } catch (RuntimeException e) {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw new WebloggerException(e);
    }
  }

  private void sendApprovalMail(WeblogEntryComment comment) {
    if (comment.getEmail() == null) {
      throw new IllegalStateException("no address");
    }
  }

  private void reindex(WeblogEntryComment comment) {
    if (comment.getContent() == null) {
      throw new IllegalArgumentException("empty comment");
    }
  }

  private static void log(String message, Exception e) {
    System.err.println(message + ": " + e);
  }
}
