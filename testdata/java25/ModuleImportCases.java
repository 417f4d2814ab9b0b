// Covers (Java 25, JEP 511): a module import declaration, `import module java.sql;`, as the only
// import of the JDBC types: Connection and Statement must resolve as java.sql's. Leaks: an
// early return, an exception escaping. Clean: commit with a rollback on every exception.
package cases.java25;

import module java.sql;

public class ModuleImportCases {

  public void earlyReturnLeaks(Connection conn, boolean skip) throws SQLException {
    conn.setAutoCommit(false);
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    conn.commit();
  }

  public void exceptionEscapesLeaks(Connection conn, Statement st, String sql)
      throws SQLException {
    conn.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    st.executeUpdate(sql);
    conn.commit();
  }

  public void rollbackOnEveryExceptionIsClean(Connection conn, Statement st, String sql)
      throws SQLException {
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
