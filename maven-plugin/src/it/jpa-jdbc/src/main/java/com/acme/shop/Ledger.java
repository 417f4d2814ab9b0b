package com.acme.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** JDBC: setAutoCommit(false) begins; commit(), rollback() and setAutoCommit(true) end. */
public class Ledger {
  private final DataSource ds;

  public Ledger(DataSource ds) {
    this.ds = ds;
  }

  public void post(long account, long cents) throws SQLException {
    try (Connection conn = ds.getConnection();
        PreparedStatement st = conn.prepareStatement("update account set cents = cents + ? where id = ?")) {
      conn.setAutoCommit(false);
      // No finding of the default rules: try-with-resources closes the connection on the exception path, which
      // ends the transaction by close (contract version 2); TransactionEndedByClose, off by default, reports it.
      st.setLong(1, cents);
      st.setLong(2, account);
      st.executeUpdate();
      conn.commit();
    }
  }

  public void postSafely(long account, long cents) throws SQLException {
    try (Connection conn = ds.getConnection();
        PreparedStatement st = conn.prepareStatement("update account set cents = cents + ? where id = ?")) {
      conn.setAutoCommit(false);
      try {
        st.setLong(1, cents);
        st.setLong(2, account);
        st.executeUpdate();
        conn.commit();
      } catch (SQLException | RuntimeException e) {
        conn.rollback();
        throw e;
      }
    }
  }
}
