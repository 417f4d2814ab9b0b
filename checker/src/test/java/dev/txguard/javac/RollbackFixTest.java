package dev.txguard.javac;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import org.junit.jupiter.api.Test;

/** The suggested fix: a rollback before an early return, only where that is safe. */
class RollbackFixTest {
  private BugCheckerRefactoringTestHelper helper() {
    return BugCheckerRefactoringTestHelper.newInstance(UncommittedTransaction.class, getClass())
        .addInputLines("t/Orm.java", CheckerTestSupport.ORM)
        .expectUnchanged();
  }

  @Test
  void bracesAreAddedAroundAnUnbracedReturn() {
    helper()
        .addInputLines("t/C.java", """
            package t;
            class C {
              Orm orm = new Orm();
              boolean m(boolean bad) {
                orm.begin();
                if (bad) return false;
                orm.commit();
                return true;
              }
            }
            """)
        .addOutputLines("t/C.java", """
            package t;
            class C {
              Orm orm = new Orm();
              boolean m(boolean bad) {
                orm.begin();
                if (bad) { orm.rollback(); return false; }
                orm.commit();
                return true;
              }
            }
            """)
        .doTest();
  }

  @Test
  void jdbcRollbackIsOfferedWhenTheMethodDeclaresSqlException() {
    helper()
        .addInputLines("t/C.java", """
            package t;
            import java.sql.Connection;
            import java.sql.SQLException;
            class C {
              boolean m(Connection conn, boolean bad) throws SQLException {
                conn.setAutoCommit(false);
                if (bad) {
                  return false;
                }
                conn.commit();
                return true;
              }
            }
            """)
        .addOutputLines("t/C.java", """
            package t;
            import java.sql.Connection;
            import java.sql.SQLException;
            class C {
              boolean m(Connection conn, boolean bad) throws SQLException {
                conn.setAutoCommit(false);
                if (bad) {
                  conn.rollback();
                  return false;
                }
                conn.commit();
                return true;
              }
            }
            """)
        .doTest();
  }

  @Test
  void noFixWhenTheRollbackWouldThrowAnUnhandledCheckedException() {
    helper()
        .addInputLines("t/C.java", """
            package t;
            import java.sql.Connection;
            import java.sql.SQLException;
            class C {
              boolean m(Connection conn, boolean bad) {
                try {
                  conn.setAutoCommit(false);
                } catch (SQLException e) {
                  return false;
                }
                if (bad) {
                  return false;
                }
                try {
                  conn.commit();
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
                return true;
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }

  @Test
  void noFixWhenTheReturnValueCallsSomething() {
    helper()
        .addInputLines("t/C.java", """
            package t;
            class C {
              Orm orm = new Orm();
              int count() { return 1; }
              int m(boolean bad) {
                orm.begin();
                if (bad) {
                  return count();
                }
                orm.commit();
                return 0;
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }

  @Test
  void returnedHandleVariableMustBeInScope() {
    helper()
        .addInputLines("t/C.java", """
            package t;
            import org.hibernate.Session;
            import org.hibernate.Transaction;
            class C {
              boolean m(Session session, boolean bad) {
                Transaction tx = session.beginTransaction();
                if (bad) {
                  return false;
                }
                tx.commit();
                return true;
              }
            }
            """)
        .addOutputLines("t/C.java", """
            package t;
            import org.hibernate.Session;
            import org.hibernate.Transaction;
            class C {
              boolean m(Session session, boolean bad) {
                Transaction tx = session.beginTransaction();
                if (bad) {
                  tx.rollback();
                  return false;
                }
                tx.commit();
                return true;
              }
            }
            """)
        .doTest();
  }
}
