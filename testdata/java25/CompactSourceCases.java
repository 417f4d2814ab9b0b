// Covers (Java 25, JEP 512): a compact source file, whose methods and fields belong to an
// implicit class named after the file, with an instance main method; java.base (List) is
// imported implicitly, java.sql explicitly. Leaks: an early return in a method of the implicit
// class, a lambda in a field initializer falling off its end. Clean: main, and a loop committed
// with a rollback on every exception.
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

interface Work {
  void run(String label, DataSource ds) throws SQLException;
}

final Work leakyWork = (label, ds) -> {
  Connection conn = ds.getConnection();
  conn.setAutoCommit(false);
  // BUG: Diagnostic contains: [UncommittedTransaction]
};

void main() {
  System.out.println("compact source file");
}

void earlyReturnLeaks(Connection conn, boolean skip) throws SQLException {
  conn.setAutoCommit(false);
  if (skip) {
    // BUG: Diagnostic contains: [UncommittedTransaction]
    return;
  }
  conn.commit();
}

void loopCommittedIsClean(Connection conn, Statement st, List<String> sqls) throws SQLException {
  conn.setAutoCommit(false);
  try {
    for (String sql : sqls) {
      st.executeUpdate(sql);
    }
    conn.commit();
  } catch (SQLException | RuntimeException e) {
    conn.rollback();
    throw e;
  }
}
