package dev.txguard.javac;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import org.junit.jupiter.api.Test;

/** The bug that motivated txguard, as the issue states it. */
class ExampleTest {
  private final CompilationTestHelper both =
      CompilationTestHelper.newInstance(
          ScannerSupplier.fromBugCheckerClasses(UncommittedTransaction.class, UncommittedTransactionOnException.class),
          getClass());

  private static final String ORM =
      """
      package example;
      class Orm {
        void begin() {}
        void commit() {}
        void rollback() {}
      }
      """;

  @Test
  void earlyReturnIsReportedWithTheBeginSite() {
    both.addSourceLines("example/Orm.java", ORM)
        .addSourceLines(
            "example/Service.java",
            """
            package example;
            import java.util.Map;
            class Service {
              private final Orm orm = new Orm();
              boolean update() {
                orm.begin();
                // BUG: Diagnostic contains: [UncommittedTransactionOnException] transaction begun at line 6
                Map<Integer, Integer> m = lookup();
                if (m == null) {
                  // BUG: Diagnostic contains: [UncommittedTransaction] transaction begun at line 6 (orm.begin()) is still active when this return leaves update(); commit or roll it back first
                  return false;
                }
                int rows = m.size();
                if (rows > 0) { orm.commit(); return true; }
                orm.rollback();
                return false;
              }
              Map<Integer, Integer> lookup() { return null; }
            }
            """)
        .doTest();
  }

  @Test
  void fixInsertsRollback() {
    BugCheckerRefactoringTestHelper.newInstance(UncommittedTransaction.class, getClass())
        .addInputLines("example/Orm.java", ORM)
        .expectUnchanged()
        .addInputLines(
            "example/Service.java",
            """
            package example;
            import java.util.Map;
            class Service {
              private final Orm orm = new Orm();
              boolean update(Map<Integer, Integer> m) {
                orm.begin();
                if (m == null) {
                  return false;
                }
                orm.commit();
                return true;
              }
            }
            """)
        .addOutputLines(
            "example/Service.java",
            """
            package example;
            import java.util.Map;
            class Service {
              private final Orm orm = new Orm();
              boolean update(Map<Integer, Integer> m) {
                orm.begin();
                if (m == null) {
                  orm.rollback();
                  return false;
                }
                orm.commit();
                return true;
              }
            }
            """)
        .doTest();
  }
}
