// Covers (Java 25, JEP 513): flexible constructor bodies, statements before super(...) and
// this(...), on JDBC. Leaks: a local connection begun before super(...) and never ended (the
// super call may throw, and the constructor falls off its end), a parameter's transaction
// committed only after super(...) (the super call may throw first), one begun before this(...)
// and left open by an early validation throw. Clean: a transaction begun and committed (or
// rolled back) before super(...) or this(...); a constructor that only begins on its parameter
// is a begin wrapper (its callers own the transaction), as a method would be.
package cases.java25;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

public class FlexibleConstructorCases {

  static class Base {
    final String name;

    Base(String name) {
      this.name = name;
    }
  }

  static class LocalBegunBeforeSuperLeaks extends Base {
    LocalBegunBeforeSuperLeaks(DataSource ds) throws SQLException {
      Connection conn = ds.getConnection();
      conn.setAutoCommit(false);
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      super("local");
      // BUG: Diagnostic contains: [UncommittedTransaction]
    }
  }

  static class CommittedAfterSuperLeaksOnException extends Base {
    CommittedAfterSuperLeaksOnException(Connection conn) throws SQLException {
      conn.setAutoCommit(false);
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      super("late commit");
      conn.commit();
    }
  }

  static class BeginWrapperBeforeSuperIsClean extends Base {
    BeginWrapperBeforeSuperIsClean(Connection conn) throws SQLException {
      conn.setAutoCommit(false);
      super("wrapper");
    }
  }

  static class CommittedBeforeSuperIsClean extends Base {
    CommittedBeforeSuperIsClean(Connection conn, Statement st, String sql) throws SQLException {
      conn.setAutoCommit(false);
      try {
        st.executeUpdate(sql);
        conn.commit();
      } catch (SQLException | RuntimeException e) {
        conn.rollback();
        throw e;
      }
      super(sql);
    }
  }

  static class Delegating extends Base {
    Delegating(String name) {
      super(name);
    }

    Delegating(Connection conn, boolean invalid) throws SQLException {
      conn.setAutoCommit(false);
      if (invalid) {
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        throw new IllegalArgumentException("no statement");
      }
      conn.rollback();
      this("rolled back");
    }

    Delegating(Connection conn, Statement st, String sql) throws SQLException {
      conn.setAutoCommit(false);
      try {
        st.executeUpdate(sql);
        conn.commit();
      } catch (SQLException | RuntimeException e) {
        conn.rollback();
        throw e;
      }
      this(sql);
    }
  }
}
