package jfctx;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A scheduled job outside any request: it sets up and finishes its own context. */
public class SummaryJob {
  public int run() {
    JForumExecutionContext ex = JForumExecutionContext.get();
    JForumExecutionContext.set(ex);
    try {
      Connection c = JForumExecutionContext.getConnection();
      try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM jforum_posts");
          ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    } catch (SQLException e) {
      JForumExecutionContext.enableRollback();
      return -1;
    } finally {
      JForumExecutionContext.finish();
    }
  }
}
