package jfctx;

import java.sql.Connection;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The per-request context: a lazily opened connection per thread, a rollback flag that the
 * request sets on failure, and finish(), which commits or rolls back by that flag and gives the
 * connection back. Whether the connection runs in a transaction is configuration, so the
 * auto-commit switch is not a constant.
 */
public class JForumExecutionContext {
  private static final Logger LOG = Logger.getLogger(JForumExecutionContext.class.getName());
  private static final ThreadLocal<JForumExecutionContext> userData = new ThreadLocal<>();

  private Connection conn;
  private boolean enableRollback;
  private String redirectTo;

  public static JForumExecutionContext get() {
    JForumExecutionContext ex = userData.get();
    if (ex == null) {
      ex = new JForumExecutionContext();
      userData.set(ex);
    }
    return ex;
  }

  public static boolean exists() {
    return userData.get() != null;
  }

  public static void set(JForumExecutionContext ex) {
    userData.set(ex);
  }

  public void setConnection(Connection conn) {
    this.conn = conn;
  }

  public static Connection getConnection() {
    return getConnection(true);
  }

  public static Connection getConnection(boolean validate) {
    JForumExecutionContext ex = get();
    Connection c = ex.conn;
    if (validate && c == null) {
      c = DBConnection.getImplementation().getConnection();
      try {
        c.setAutoCommit(!SystemGlobals.getBoolValue(ConfigKeys.DATABASE_USE_TRANSACTIONS));
      } catch (Exception e) {
        // some drivers refuse the switch; the request goes on in auto-commit
      }
      ex.setConnection(c);
      set(ex);
    }
    return c;
  }

  public static void setRedirect(String url) {
    get().redirectTo = url;
  }

  public static String getRedirectTo() {
    return exists() ? get().redirectTo : null;
  }

  public static void enableRollback() {
    get().enableRollback = true;
  }

  public static boolean shouldRollback() {
    return get().enableRollback;
  }

  /** Ends the request: commit or rollback by the flag, release, forget the context. */
  public static void finish() {
    Connection conn = JForumExecutionContext.getConnection(false);
    if (conn != null) {
      if (SystemGlobals.getBoolValue(ConfigKeys.DATABASE_USE_TRANSACTIONS)) {
        if (JForumExecutionContext.shouldRollback()) {
          try {
            conn.rollback();
          } catch (Exception e) {
            LOG.log(Level.SEVERE, "Error while rolling back a transaction", e);
          }
        } else {
          try {
            conn.commit();
          } catch (Exception e) {
            LOG.log(Level.SEVERE, "Error while committing a transaction", e);
          }
        }
      }
      try {
        DBConnection.getImplementation().releaseConnection(conn);
      } catch (Exception e) {
        LOG.log(Level.WARNING, "Error while releasing the connection", e);
      }
    }
    userData.set(null);
  }
}
