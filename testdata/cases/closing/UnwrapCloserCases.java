// Covers: closing through a proxy's or wrapper's underlying connection (docs/design.md, "The same object behind a
// proxy or a wrapper"). Quartz's JobStoreSupport hands out a java.lang.reflect.Proxy around each pooled connection
// and its cleanupConnection(conn) closes the wrapped connection when conn is its own proxy, conn itself otherwise:
// both paths close the same physical connection, so cleanupConnection is a closer. A no-argument call returning a
// Connection on the invocation handler of conn's proxy (Proxy.getInvocationHandler(conn)), and conn.unwrap(..), denote
// conn. A clean-up whose proxy branch closes nothing, or closes a connection that is not conn's, is no closer.
package cases.closing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

public class UnwrapCloserCases {
  private final DataSource ds;
  private final DataSource other;

  public UnwrapCloserCases(DataSource ds, DataSource other) {
    this.ds = ds;
    this.other = other;
  }

  /** Restores what the store changed on the connection it wraps (quartz: AttributeRestoringConnectionInvocationHandler). */
  static final class RestoringHandler implements InvocationHandler {
    private final Connection conn;

    RestoringHandler(Connection conn) {
      this.conn = conn;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      return method.invoke(conn, args);
    }

    void restoreOriginalAttributes() {}

    Connection getWrappedConnection() {
      return conn;
    }

    String describe() {
      return String.valueOf(conn);
    }
  }

  /** Begins on a fresh proxy around a pooled connection: a begin returning a fresh handle for callers. */
  Connection getConnection() throws SQLException {
    Connection raw = ds.getConnection();
    Connection conn = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Connection.class}, new RestoringHandler(raw));
    conn.setAutoCommit(false);
    return conn;
  }

  /** Closes conn's wrapped connection when conn is our proxy, conn itself otherwise: a closer. */
  void cleanupConnection(Connection conn) {
    if (conn != null) {
      if (conn instanceof Proxy) {
        Proxy connProxy = (Proxy) conn;
        InvocationHandler invocationHandler = Proxy.getInvocationHandler(connProxy);
        if (invocationHandler instanceof RestoringHandler) {
          RestoringHandler connHandler = (RestoringHandler) invocationHandler;
          connHandler.restoreOriginalAttributes();
          closeConnection(connHandler.getWrappedConnection());
          return;
        }
      }
      closeConnection(conn);
    }
  }

  /** The proxy branch restores the attributes and closes nothing: no closer. */
  void restoreOnly(Connection conn) {
    if (conn instanceof Proxy) {
      RestoringHandler h = (RestoringHandler) Proxy.getInvocationHandler(conn);
      h.restoreOriginalAttributes();
      return;
    }
    closeConnection(conn);
  }

  /** The proxy branch closes another connection: no closer. */
  void closeAnother(Connection conn) throws SQLException {
    if (conn instanceof Proxy) {
      other.getConnection().close();
      return;
    }
    closeConnection(conn);
  }

  static void closeConnection(Connection conn) {
    if (conn != null) {
      try {
        conn.close();
      } catch (SQLException e) {
        // logged in the real code
      }
    }
  }

  interface Callback {
    Object execute(Connection conn) throws SQLException;
  }

  Object executeInLockEndedByClose(Callback callback) throws SQLException {
    Connection conn = null;
    try {
      conn = getConnection();
      return callback.execute(conn);
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      cleanupConnection(conn);
    }
  }

  Object unwrapEndedByClose(Callback callback) throws SQLException {
    Connection conn = ds.getConnection();
    try {
      conn.setAutoCommit(false);
      return callback.execute(conn);
    } finally {
      try {
        // BUG: Diagnostic contains: [TransactionEndedByClose]
        conn.unwrap(Connection.class).close();
      } catch (SQLException e) {
        // logged in the real code
      }
    }
  }

  Object handlerCloseEndedByClose(Callback callback) throws SQLException {
    Connection conn = getConnection();
    try {
      return callback.execute(conn);
    } finally {
      RestoringHandler h = (RestoringHandler) Proxy.getInvocationHandler(conn);
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      h.getWrappedConnection().close();
    }
  }

  Object restoreOnlyLeaks(Callback callback) throws SQLException {
    Connection conn = getConnection();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      Object result = callback.execute(conn);
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return result;
    } finally {
      restoreOnly(conn);
    }
  }

  Object closeAnotherLeaks(Callback callback) throws SQLException {
    Connection conn = getConnection();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      Object result = callback.execute(conn);
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return result;
    } finally {
      closeAnother(conn);
    }
  }
}
