package jfctx;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Moderation batches that want atomicity even when the forum runs in auto-commit: they switch
 * the context's (borrowed) connection themselves and commit it, so they own that transaction.
 */
public class TopicBatch {
  private void update(Connection c, String sql, int id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setInt(1, id);
      p.executeUpdate();
    }
  }

  /** Correct: rollback and rethrow, auto-commit restored. */
  public void moveTopics(int[] topicIds, int toForum) throws SQLException {
    Connection c = JForumExecutionContext.getConnection();
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      for (int id : topicIds) {
        update(c, "UPDATE jforum_topics SET forum_id = " + toForum + " WHERE topic_id = ?", id);
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /** Sets the context's rollback flag instead of rolling back its own transaction. */
  public void deleteTopics(int[] topicIds) throws SQLException {
    Connection c = JForumExecutionContext.getConnection();
    c.setAutoCommit(false);
    try {
      for (int id : topicIds) {
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        update(c, "DELETE FROM jforum_posts WHERE topic_id = ?", id);
        update(c, "DELETE FROM jforum_topics WHERE topic_id = ?", id);
      }
      c.commit();
    } catch (SQLException e) {
      JForumExecutionContext.enableRollback();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  /** An invalid id returns from inside the try: neither commit nor rollback. */
  public boolean lockTopics(int[] topicIds) throws SQLException {
    Connection c = JForumExecutionContext.getConnection();
    c.setAutoCommit(false);
    try {
      for (int id : topicIds) {
        if (id <= 0) {
          // BUG: Diagnostic contains: [UncommittedTransaction]
          return false;
        }
        update(c, "UPDATE jforum_topics SET topic_status = 1 WHERE topic_id = ?", id);
      }
      c.commit();
      return true;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }
}
