package jrbatch;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Callers in another file, after Jackrabbit's bundle persistence manager: every write runs in the
 * helper's batch (startBatch / endBatch(commit)) held by the field conHelper.
 */
public class BundleDbPersistenceManager {
  private final ConnectionHelper conHelper;
  private final String updateBundleSQL = "UPDATE BUNDLE SET BUNDLE_DATA = ? WHERE NODE_ID = ?";
  private final String deleteBundleSQL = "DELETE FROM BUNDLE WHERE NODE_ID = ?";
  private final String deleteRefsSQL = "DELETE FROM REFS WHERE NODE_ID = ?";
  private final String updateIndexSQL = "UPDATE NAMES SET STAMP = STAMP + 1 WHERE NODE_ID = ?";

  public BundleDbPersistenceManager(ConnectionHelper conHelper) {
    this.conHelper = conHelper;
  }

  /**
   * Jackrabbit's store(): retried once after a connection failure, rolled back on the
   * ItemStateException of the store. An unchecked failure of the store passes both catches.
   */
  public synchronized void store(ChangeLog changeLog) throws ItemStateException {
    int failures = 0;
    ItemStateException lastException = null;
    while (failures <= 1) {
      try {
        conHelper.startBatch();
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        storeInternal(changeLog);
        conHelper.endBatch(true);
        return;
      } catch (SQLException e) {
        // startBatch or endBatch failed: nothing is left to roll back
        lastException = new ItemStateException(e.getMessage(), e);
      } catch (ItemStateException e) {
        lastException = e;
        try {
          conHelper.endBatch(false);
        } catch (SQLException e2) {
          DbUtility.logException("rollback failed", e2);
        }
      }
      failures++;
    }
    throw lastException;
  }

  /** Commit in the try, rollback in the finally when the flag was not set: correct. */
  public void destroy(String nodeId) throws ItemStateException {
    try {
      conHelper.startBatch();
    } catch (SQLException e) {
      throw new ItemStateException("failed to start batch", e);
    }
    boolean ok = false;
    try {
      conHelper.update(deleteRefsSQL, nodeId);
      conHelper.update(deleteBundleSQL, nodeId);
      conHelper.endBatch(true);
      ok = true;
    } catch (SQLException e) {
      throw new ItemStateException("failed to delete bundle " + nodeId, e);
    } finally {
      if (!ok) {
        try {
          conHelper.endBatch(false);
        } catch (SQLException e) {
          DbUtility.logException("rollback failed", e);
        }
      }
    }
  }

  /** endBatch(ok) in the finally commits or rolls back by the flag: correct. */
  public void storeChecked(ChangeLog changeLog) throws ItemStateException {
    try {
      conHelper.startBatch();
    } catch (SQLException e) {
      throw new ItemStateException("failed to start batch", e);
    }
    boolean ok = false;
    try {
      storeInternal(changeLog);
      updateIndex(changeLog);
      ok = true;
    } finally {
      try {
        conHelper.endBatch(ok);
      } catch (SQLException e) {
        DbUtility.logException("failed to end batch", e);
      }
    }
  }

  /** The batch is started before the emptiness test, and the early return never ends it. */
  public void storeIfChanged(ChangeLog changeLog) throws ItemStateException {
    boolean empty = changeLog.isEmpty();
    try {
      conHelper.startBatch();
    } catch (SQLException e) {
      throw new ItemStateException("failed to start batch", e);
    }
    if (empty) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    boolean ok = false;
    try {
      storeInternal(changeLog);
      conHelper.endBatch(true);
      ok = true;
    } catch (SQLException e) {
      throw new ItemStateException("commit failed", e);
    } finally {
      if (!ok) {
        try {
          conHelper.endBatch(false);
        } catch (SQLException e) {
          DbUtility.logException("rollback failed", e);
        }
      }
    }
  }

  /** The flag is set after the store but before the index update: a failing update skips the rollback. */
  public void storeAndIndex(ChangeLog changeLog) throws ItemStateException {
    boolean stored = false;
    try {
      conHelper.startBatch();
      storeInternal(changeLog);
      stored = true;
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      updateIndex(changeLog);
      conHelper.endBatch(true);
    } catch (SQLException e) {
      throw new ItemStateException("store failed", e);
    } finally {
      if (!stored) {
        try {
          conHelper.endBatch(false);
        } catch (SQLException e) {
          DbUtility.logException("rollback failed", e);
        }
      }
    }
  }

  private void storeInternal(ChangeLog changeLog) throws ItemStateException {
    try {
      for (String id : changeLog.modifiedStates()) {
        conHelper.update(updateBundleSQL, id.getBytes(StandardCharsets.UTF_8), id);
      }
      for (String id : changeLog.deletedStates()) {
        conHelper.update(deleteBundleSQL, id);
      }
    } catch (SQLException e) {
      throw new ItemStateException("failed to write bundles", e);
    }
  }

  private void updateIndex(ChangeLog changeLog) throws ItemStateException {
    try {
      for (String id : changeLog.modifiedStates()) {
        conHelper.update(updateIndexSQL, id);
      }
    } catch (SQLException e) {
      throw new ItemStateException("failed to update the index", e);
    }
  }
}
