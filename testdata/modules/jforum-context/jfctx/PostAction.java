package jfctx;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Request handlers: the connection is the context's, and finish() decides. The context's
 * auto-commit switch is configuration (not a constant), so nothing here begins a transaction.
 */
public class PostAction {
  /** The servlet's idiom: flag on failure, finish in finally. */
  public void service(int topicId, String text) {
    try {
      Connection c = JForumExecutionContext.getConnection();
      insertPost(c, topicId, text);
      JForumExecutionContext.setRedirect("/posts/list/" + topicId + ".page");
    } catch (Exception e) {
      JForumExecutionContext.enableRollback();
      throw new DatabaseException(e);
    } finally {
      JForumExecutionContext.finish();
    }
  }

  /** Forgets enableRollback(): finish() commits half a request, but no begin is visible here. */
  public void insertSave(int topicId, String text) {
    try {
      Connection c = JForumExecutionContext.getConnection();
      insertPost(c, topicId, text);
      insertPost(c, topicId, "[quote]" + text + "[/quote]");
    } catch (SQLException e) {
      throw new DatabaseException(e);
    } finally {
      JForumExecutionContext.finish();
    }
  }

  private void insertPost(Connection c, int topicId, String text) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO jforum_posts (topic_id, post_text) VALUES (?, ?)")) {
      p.setInt(1, topicId);
      p.setString(2, text);
      p.executeUpdate();
    }
  }
}
