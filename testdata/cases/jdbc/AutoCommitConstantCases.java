// Covers: setAutoCommit with a constant false (a final boolean initialised with a literal, or Boolean.FALSE) begins
// as the literal does, in both front ends; a field that is not final is no constant (no begin, as any value not known).
package cases.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

public class AutoCommitConstantCases {
  private static final boolean MANUAL = false;
  private static boolean manualSetting = false;

  public void constantFieldEarlyReturnLeaks(Connection c, boolean skip) throws SQLException {
    c.setAutoCommit(MANUAL);
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    c.commit();
  }

  public void finalLocalEarlyReturnLeaks(Connection c, boolean skip) throws SQLException {
    final boolean off = false;
    c.setAutoCommit(off);
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    c.commit();
  }

  public void boxedFalseEarlyReturnLeaks(Connection c, boolean skip) throws SQLException {
    c.setAutoCommit(Boolean.FALSE);
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    c.commit();
  }

  public void nonFinalFieldIsClean(Connection c, boolean skip) throws SQLException {
    c.setAutoCommit(manualSetting);
    if (skip) {
      return;
    }
    c.commit();
  }
}
