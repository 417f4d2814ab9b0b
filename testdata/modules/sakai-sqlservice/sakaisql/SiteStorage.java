package sakaisql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Storage classes that run their own transactions on borrowed connections. */
public class SiteStorage {
  private static final Logger LOG = Logger.getLogger(SiteStorage.class.getName());

  private final SqlService sqlService;

  public SiteStorage(SqlService sqlService) {
    this.sqlService = sqlService;
  }

  /** The storage idiom: remember auto-commit, roll back on any failure, restore, return. */
  public void saveSite(String id, String title, List<String> pages) {
    Connection dbCon = null;
    boolean wasCommit = true;
    try {
      dbCon = sqlService.borrowConnection();
      wasCommit = dbCon.getAutoCommit();
      dbCon.setAutoCommit(false);
      sqlService.dbWrite(dbCon, "UPDATE SAKAI_SITE SET TITLE = ? WHERE SITE_ID = ?", new Object[] {title, id});
      for (String page : pages) {
        sqlService.dbWrite(dbCon, "INSERT INTO SAKAI_SITE_PAGE (SITE_ID, PAGE_ID) VALUES (?, ?)", new Object[] {id, page});
      }
      dbCon.commit();
    } catch (Exception e) {
      if (dbCon != null) {
        try {
          dbCon.rollback();
        } catch (SQLException ee) {
          LOG.log(Level.WARNING, "saveSite: rollback", ee);
        }
      }
      throw new StorageException("saveSite: " + id, e);
    } finally {
      if (dbCon != null) {
        try {
          dbCon.setAutoCommit(wasCommit);
        } catch (SQLException e) {
          LOG.log(Level.WARNING, "saveSite: restore auto-commit", e);
        }
        sqlService.returnConnection(dbCon);
      }
    }
  }

  /** Logs and swallows without a rollback: the failed path is ended only by returning the connection. */
  public void deleteSite(String id) {
    Connection dbCon = null;
    try {
      dbCon = sqlService.borrowConnection();
      dbCon.setAutoCommit(false);
      sqlService.dbWrite(dbCon, "DELETE FROM SAKAI_SITE_PAGE WHERE SITE_ID = ?", new Object[] {id});
      sqlService.dbWrite(dbCon, "DELETE FROM SAKAI_SITE WHERE SITE_ID = ?", new Object[] {id});
      dbCon.commit();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "deleteSite: " + id, e);
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      sqlService.returnConnection(dbCon);
    }
  }

  /** Returns early from the try; the restore of auto-commit in finally commits the switch's work. */
  public boolean renamePage(String siteId, String pageId, String title) {
    Connection dbCon = null;
    boolean wasCommit = true;
    try {
      dbCon = sqlService.borrowConnection();
      wasCommit = dbCon.getAutoCommit();
      dbCon.setAutoCommit(false);
      int n = sqlService.dbWrite(dbCon, "UPDATE SAKAI_SITE_PAGE SET TITLE = ? WHERE PAGE_ID = ?", new Object[] {title, pageId});
      if (n == 0) {
        return false;
      }
      sqlService.dbWrite(dbCon, "UPDATE SAKAI_SITE SET MODIFIEDON = CURRENT_TIMESTAMP WHERE SITE_ID = ?", new Object[] {siteId});
      dbCon.commit();
      return true;
    } catch (Exception e) {
      if (dbCon != null) {
        try {
          dbCon.rollback();
        } catch (SQLException ee) {
          LOG.log(Level.WARNING, "renamePage: rollback", ee);
        }
      }
      throw new StorageException("renamePage: " + pageId, e);
    } finally {
      if (dbCon != null) {
        try {
          dbCon.setAutoCommit(wasCommit);
        } catch (SQLException e) {
          LOG.log(Level.WARNING, "renamePage: restore auto-commit", e);
        }
        sqlService.returnConnection(dbCon);
      }
    }
  }

  /** Nested writes through transact(): the callback begins nothing itself. */
  public boolean copySite(String fromId, String toId) {
    return sqlService.transact(() -> {
      try {
        sqlService.dbWrite("INSERT INTO SAKAI_SITE (SITE_ID, TITLE) SELECT ?, TITLE FROM SAKAI_SITE WHERE SITE_ID = ?",
            new Object[] {toId, fromId});
        sqlService.dbWrite("INSERT INTO SAKAI_SITE_PAGE (SITE_ID, PAGE_ID) SELECT ?, PAGE_ID FROM SAKAI_SITE_PAGE WHERE SITE_ID = ?",
            new Object[] {toId, fromId});
      } catch (SQLException e) {
        throw new StorageException("copySite: " + fromId, e);
      }
    }, "copySite");
  }

  /** An early return inside try/finally: the only end on that path is returning the connection. */
  public boolean updateQuota(String siteId, long quota) throws SQLException {
    Connection conn = sqlService.borrowConnection();
    try {
      conn.setAutoCommit(false);
      if (quota < 0) {
        return false;
      }
      sqlService.dbWrite(conn, "UPDATE SAKAI_SITE SET QUOTA = ? WHERE SITE_ID = ?", new Object[] {quota, siteId});
      conn.commit();
      return true;
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      sqlService.returnConnection(conn);
    }
  }
}
