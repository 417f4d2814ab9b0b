// Covers (Java 22, JEP 456): unnamed variables and patterns `_` in catch parameters, for-each and
// lambda parameters, try-with-resources, record patterns in switch and instanceof, on JDBC
// (setAutoCommit(false) begins; commit(), rollback() end). Leaks: a swallowing `catch (... _)`
// that returns, an unnamed-pattern switch case that returns, a lambda with an unnamed parameter
// that falls off its end. Clean: `catch (... _)` that rolls back, a loop over `_`, `instanceof`
// with `_` components guarding the commit, an unnamed resource.
package cases.java25;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

public class UnnamedCases {

  sealed interface Step permits Sql, Done {}

  record Sql(String text, int timeout) implements Step {}

  record Done(boolean ok) implements Step {}

  interface SqlAction<T> {
    void run(T t, DataSource ds) throws SQLException;
  }

  public void unnamedCatchThatReturnsLeaks(Connection conn, Statement st, String sql)
      throws SQLException {
    conn.setAutoCommit(false);
    try {
      st.executeUpdate(sql);
      conn.commit();
    } catch (SQLException | RuntimeException _) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
  }

  public void unnamedCatchThatRollsBackIsClean(Connection conn, Statement st, String sql)
      throws SQLException {
    conn.setAutoCommit(false);
    try {
      st.executeUpdate(sql);
      conn.commit();
    } catch (SQLException | RuntimeException _) {
      conn.rollback();
    }
  }

  public void unnamedLoopVariableIsClean(Connection conn, Statement st, List<String> sqls)
      throws SQLException {
    conn.setAutoCommit(false);
    int n = 0;
    for (String _ : sqls) {
      n++;
    }
    try {
      st.executeUpdate("delete from t where n = " + n);
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    }
  }

  public void unnamedPatternCaseLeaks(Connection conn, Statement st, Step step)
      throws SQLException {
    conn.setAutoCommit(false);
    try {
      switch (step) {
        case Sql(String text, _) -> st.executeUpdate(text);
        case Done(_) -> {
          // BUG: Diagnostic contains: [UncommittedTransaction]
          return;
        }
      }
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    }
  }

  public void unnamedPatternInstanceofIsClean(Connection conn, Statement st, Step step)
      throws SQLException {
    if (step instanceof Sql(var text, _)) {
      conn.setAutoCommit(false);
      try {
        st.executeUpdate(text);
        conn.commit();
      } catch (SQLException | RuntimeException e) {
        conn.rollback();
        throw e;
      }
    }
  }

  public void unnamedResourceIsClean(Connection conn, Statement st, String sql)
      throws SQLException {
    conn.setAutoCommit(false);
    try (var _ = conn.createStatement()) {
      st.executeUpdate(sql);
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      conn.rollback();
      throw e;
    }
  }

  public void unnamedLambdaParameterLeaks(List<String> items, DataSource ds) throws SQLException {
    each(items, ds, (_, source) -> {
      Connection c = source.getConnection();
      c.setAutoCommit(false);
      // BUG: Diagnostic contains: [UncommittedTransaction]
    });
  }

  public void unnamedLambdaParameterIsClean(List<String> items, DataSource ds) throws SQLException {
    each(items, ds, (_, source) -> {
      Connection c = source.getConnection();
      c.setAutoCommit(false);
      c.setAutoCommit(true);
    });
  }

  private static void each(List<String> items, DataSource ds, SqlAction<String> action)
      throws SQLException {
    for (String item : items) {
      action.run(item, ds);
    }
  }
}
