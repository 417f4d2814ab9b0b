package dev.txguard.javac;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
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
  // ---- no unguarded rollback where a path reaches the return after a commit (semantics "Findings") ----

  @Test
  void noFixWhenTheReturnIsAlsoReachedAfterACommit() {
    helper()
        .addInputLines("t/C.java", """
            package t;
            class C {
              Orm orm = new Orm();
              boolean m(boolean bad) {
                orm.begin();
                if (!bad) {
                  orm.commit();
                }
                return true;
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhenTheCommitIsUnderAFlag() {
    helper()
        .addInputLines("t/C.java", """
            package t;
            class C {
              Orm orm = new Orm();
              boolean store() { return true; }
              boolean m() {
                orm.begin();
                boolean ok = store();
                if (ok) {
                  orm.commit();
                }
                return ok;
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhenAPathReachesTheReturnWithoutTheBegin() {
    helper()
        .addInputLines("t/C.java", """
            package t;
            class C {
              Orm orm = new Orm();
              boolean m(boolean useTx, boolean bad) {
                if (useTx) {
                  orm.begin();
                }
                if (bad) {
                  return false;
                }
                if (useTx) {
                  orm.commit();
                }
                return true;
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhenTheObjectIsClosedBeforeTheReturn() {
    helper()
        .addInputLines("t/C.java", """
            package t;
            import jakarta.persistence.EntityManager;
            import jakarta.persistence.EntityManagerFactory;
            class C {
              boolean m(EntityManagerFactory emf, boolean bad) {
                EntityManager em = emf.createEntityManager();
                em.getTransaction().begin();
                if (bad) {
                  em.close();
                  return false;
                }
                em.getTransaction().commit();
                em.close();
                return true;
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void aReturnReachedOnlyWhileActiveStillGetsItsFix() {
    helper()
        .addInputLines("t/C.java", """
            package t;
            class C {
              Orm orm = new Orm();
              boolean store() { return true; }
              boolean m() {
                orm.begin();
                if (!store()) {
                  return false;
                }
                orm.commit();
                return true;
              }
            }
            """)
        .addOutputLines("t/C.java", """
            package t;
            class C {
              Orm orm = new Orm();
              boolean store() { return true; }
              boolean m() {
                orm.begin();
                if (!store()) {
                  orm.rollback();
                  return false;
                }
                orm.commit();
                return true;
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  // ---- the inserted line keeps the return's indentation ----

  @Test
  void theRollbackKeepsTheIndentationOfTabs() {
    helper()
        .addInputLines("t/C.java",
            "package t;\n"
                + "class C {\n"
                + "\tOrm orm = new Orm();\n"
                + "\tboolean m(boolean bad) {\n"
                + "\t\torm.begin();\n"
                + "\t\tif (bad) {\n"
                + "\t\t\treturn false;\n"
                + "\t\t}\n"
                + "\t\torm.commit();\n"
                + "\t\treturn true;\n"
                + "\t}\n"
                + "}\n")
        .addOutputLines("t/C.java",
            "package t;\n"
                + "class C {\n"
                + "\tOrm orm = new Orm();\n"
                + "\tboolean m(boolean bad) {\n"
                + "\t\torm.begin();\n"
                + "\t\tif (bad) {\n"
                + "\t\t\torm.rollback();\n"
                + "\t\t\treturn false;\n"
                + "\t\t}\n"
                + "\t\torm.commit();\n"
                + "\t\treturn true;\n"
                + "\t}\n"
                + "}\n")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void theRollbackKeepsTheIndentationInNestedBlocks() {
    helper()
        .addInputLines("t/C.java", """
            package t;
            import java.util.List;
            class C {
              Orm orm = new Orm();
              int m(List<String> rows) {
                orm.begin();
                for (String row : rows) {
                  switch (row.length()) {
                    case 0:
                      if (row.isEmpty()) {
                          return -1;
                      }
                      break;
                    default:
                      break;
                  }
                }
                orm.commit();
                return 0;
              }
            }
            """)
        .addOutputLines("t/C.java", """
            package t;
            import java.util.List;
            class C {
              Orm orm = new Orm();
              int m(List<String> rows) {
                orm.begin();
                for (String row : rows) {
                  switch (row.length()) {
                    case 0:
                      if (row.isEmpty()) {
                          orm.rollback();
                          return -1;
                      }
                      break;
                    default:
                      break;
                  }
                }
                orm.commit();
                return 0;
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void aReturnAfterACaseLabelOnTheSameLineGetsTheRollbackOnThatLine() {
    helper()
        .addInputLines("t/C.java", """
            package t;
            class C {
              Orm orm = new Orm();
              int m(int kind) {
                orm.begin();
                switch (kind) {
                  case 1: return -1;
                  default: break;
                }
                orm.commit();
                return 0;
              }
            }
            """)
        .addOutputLines("t/C.java", """
            package t;
            class C {
              Orm orm = new Orm();
              int m(int kind) {
                orm.begin();
                switch (kind) {
                  case 1: orm.rollback(); return -1;
                  default: break;
                }
                orm.commit();
                return 0;
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }
}
