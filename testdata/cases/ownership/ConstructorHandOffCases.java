// Version 2 (semantics.md, settled detail 9): passing the handle to a constructor of the module that stores it hands
// it off only if the new object itself escapes (returned, stored, passed on to an executor or any method outside
// the module). A new object kept in a local and used there leaves the transaction the method's own.
package cases.ownership;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

public class ConstructorHandOffCases {
  static final class Task implements Runnable {
    private final Connection conn;

    Task(Connection conn) {
      this.conn = conn;
    }

    @Override
    public void run() {}
  }

  static final class Logger {
    Logger(Connection conn) {}

    void log(String s) {}
  }

  private final DataSource ds;
  private Task pending;

  ConstructorHandOffCases(DataSource ds) {
    this.ds = ds;
  }

  Task returnedTaskIsSilent() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    return new Task(c);
  }

  void storedTaskIsSilent() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    Task t = new Task(c);
    this.pending = t;
  }

  void submittedTaskIsSilent(Executor executor) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    Task t = new Task(c);
    executor.execute(t);
  }

  void localTaskLeaks() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Task t = new Task(c);
    t.run();
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void constructorThatDoesNotStoreLeaks() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Logger l = new Logger(c);
    l.log("started");
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }
}
