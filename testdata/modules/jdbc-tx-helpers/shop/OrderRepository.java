package shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Callers of TxSupport (declared in TxSupport.java). */
public class OrderRepository {
  private final TxSupport tx;

  public OrderRepository(TxSupport tx) {
    this.tx = tx;
  }

  private static void insertOrder(Connection con, Order o) throws SQLException {
    try (PreparedStatement ps =
        con.prepareStatement("insert into orders(id, customer, amount) values (?, ?, ?)")) {
      ps.setLong(1, o.id);
      ps.setString(2, o.customer);
      ps.setLong(3, o.amountCents);
      ps.executeUpdate();
    }
  }

  private static int updateStatus(Connection con, long id, String status) throws SQLException {
    try (PreparedStatement ps = con.prepareStatement("update orders set status = ? where id = ?")) {
      ps.setString(1, status);
      ps.setLong(2, id);
      return ps.executeUpdate();
    }
  }

  private static List<Long> openOrderIds(Connection con) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps = con.prepareStatement("select id from orders where status = 'OPEN'");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  public void placeOrderIsClean(Order o) throws SQLException {
    Connection con = tx.openTxConnection();
    try {
      insertOrder(con, o);
      TxSupport.commitAndClose(con);
    } catch (SQLException | RuntimeException e) {
      TxSupport.rollbackAndClose(con);
      throw e;
    }
  }

  public void placeOrderCommitOnlyLeaks(Order o) throws SQLException {
    Connection con = tx.openTxConnection();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    insertOrder(con, o);
    TxSupport.commitAndClose(con);
  }

  public boolean cancelLeaks(long id) throws SQLException {
    Connection con = tx.openTxConnection();
    try {
      int updated = updateStatus(con, id, "CANCELLED");
      if (updated == 0) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return false;
      }
      TxSupport.commitAndClose(con);
      return true;
    } catch (SQLException | RuntimeException e) {
      TxSupport.rollbackAndClose(con);
      throw e;
    }
  }

  public void placeAllIsClean(List<Order> orders) throws SQLException {
    Connection con = tx.openTxConnection();
    try {
      for (Order o : orders) {
        insertOrder(con, o);
      }
      TxSupport.commitAndClose(con);
    } catch (SQLException | RuntimeException e) {
      TxSupport.rollbackAndClose(con);
      throw e;
    }
  }

  public void archiveWithoutCommitEndedByClose(long id) throws SQLException {
    Connection con = tx.openTxConnection();
    try {
      updateStatus(con, id, "ARCHIVED");
    } finally {
      // closeQuietly is a closer of this module: the close alone ends the transaction.
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      TxSupport.closeQuietly(con);
    }
  }

  public List<Long> openOrdersReadOnlyIsClean() throws SQLException {
    try (Connection con = tx.connection(false)) {
      return openOrderIds(con);
    }
  }

  public List<Long> lockOpenOrdersLeaks() throws SQLException {
    Connection con = tx.connection(true);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    List<Long> ids = openOrderIds(con);
    // BUG: Diagnostic contains: [UncommittedTransaction]
    return ids;
  }

  public void closeAllIsClean(boolean transactional) throws SQLException {
    Connection con = tx.connection(transactional);
    try {
      for (Long id : openOrderIds(con)) {
        updateStatus(con, id, "CLOSED");
      }
      if (transactional) {
        con.commit();
      }
    } catch (SQLException | RuntimeException e) {
      if (transactional) {
        con.rollback();
      }
      throw e;
    } finally {
      con.close();
    }
  }
}
