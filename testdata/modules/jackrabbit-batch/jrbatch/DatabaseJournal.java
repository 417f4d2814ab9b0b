package jrbatch;

import java.sql.SQLException;

/**
 * After Jackrabbit's database journal: the global revision lock is the open batch. doLock() ends
 * it only when locking fails; on success it leaves it open for a later doUnlock(true).
 */
public class DatabaseJournal {
  private final ConnectionHelper conHelper;
  private final String updateGlobalStmtSQL =
      "UPDATE GLOBAL_REVISION SET REVISION_ID = REVISION_ID + 1";
  private final String selectGlobalStmtSQL = "SELECT REVISION_ID FROM GLOBAL_REVISION";
  private long lockedRevision;

  public DatabaseJournal(ConnectionHelper conHelper) {
    this.conHelper = conHelper;
  }

  /** Ends the batch on the failure paths, so it owns it: the successful exit leaves it open. */
  protected void doLock() throws JournalException {
    boolean succeeded = false;
    try {
      conHelper.startBatch();
    } catch (SQLException e) {
      throw new JournalException("Unable to set autocommit to false.", e);
    }
    try {
      conHelper.update(updateGlobalStmtSQL);
      lockedRevision = conHelper.queryLong(selectGlobalStmtSQL);
      succeeded = true;
    } catch (SQLException e) {
      throw new JournalException("Unable to lock global revision table.", e);
    } finally {
      if (!succeeded) {
        try {
          conHelper.endBatch(false);
        } catch (SQLException e) {
          DbUtility.logException("failed to end batch", e);
        }
      }
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  /** Begins nothing. */
  protected void doUnlock(boolean successful) {
    try {
      conHelper.endBatch(successful);
    } catch (SQLException e) {
      DbUtility.logException("failed to end batch", e);
    }
  }

  public long getLockedRevision() {
    return lockedRevision;
  }
}
