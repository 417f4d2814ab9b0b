package com.acme.orders;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

public class LedgerDao {
  public void post(Connection conn, Statement st, String sql, boolean dryRun) throws SQLException {
    conn.setAutoCommit(false);
    try {
      st.executeUpdate(sql);
      if (dryRun) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    }
  }

  public void postSafely(Connection conn, Statement st, String sql) throws SQLException {
    conn.setAutoCommit(false);
    try {
      st.executeUpdate(sql);
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    }
  }
}
