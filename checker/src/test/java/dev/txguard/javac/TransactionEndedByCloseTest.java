package dev.txguard.javac;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import org.junit.jupiter.api.Test;

/**
 * The third check: off unless named on the command line, and then it reports each path that only a close ends, at
 * the close, while the default checks stay silent there.
 */
class TransactionEndedByCloseTest {
  private static final String CLOSED_IN_FINALLY = """
      package t;
      import java.sql.Connection;
      import java.sql.SQLException;
      import javax.sql.DataSource;
      class C {
        void save(DataSource ds, boolean skip) throws SQLException {
          Connection c = ds.getConnection();
          try {
            c.setAutoCommit(false);
            if (skip) {
              return;
            }
            c.commit();
          } finally {
            // BUG: Diagnostic contains: [TransactionEndedByClose] transaction begun at line 9 (c.setAutoCommit(false))
            c.close();
          }
        }
      }
      """;

  private static CompilationTestHelper all(Class<?> test) {
    return CompilationTestHelper.newInstance(ScannerSupplier.fromBugCheckerClasses(UncommittedTransaction.class,
        UncommittedTransactionOnException.class, TransactionEndedByClose.class), test);
  }

  private static String unmarked(String source) {
    return source.replaceAll("(?m)^\\s*// BUG: .*\\n", "");
  }

  @Test
  void offByDefault() {
    all(getClass()).addSourceLines("t/C.java", unmarked(CLOSED_IN_FINALLY)).expectNoDiagnostics().doTest();
  }

  @Test
  void onWhenNamed() {
    all(getClass()).setArgs("-Xep:TransactionEndedByClose").addSourceLines("t/C.java", CLOSED_IN_FINALLY).doTest();
  }

  @Test
  void onAtAChosenLevel() {
    all(getClass()).setArgs("-Xep:TransactionEndedByClose:ERROR").addSourceLines("t/C.java", CLOSED_IN_FINALLY)
        .doTest();
  }

  @Test
  void onWithAllDisabledChecksAsWarnings() {
    all(getClass()).setArgs("-XepAllDisabledChecksAsWarnings").addSourceLines("t/C.java", CLOSED_IN_FINALLY)
        .doTest();
  }

  @Test
  void offWhenTurnedOffExplicitly() {
    all(getClass()).setArgs("-XepAllDisabledChecksAsWarnings", "-Xep:TransactionEndedByClose:OFF")
        .addSourceLines("t/C.java", unmarked(CLOSED_IN_FINALLY)).expectNoDiagnostics().doTest();
  }

  @Test
  void suppressedByItsOwnNameOnly() {
    String byOwnName = unmarked(CLOSED_IN_FINALLY)
        .replace("  void save(", "  @SuppressWarnings(\"TransactionEndedByClose\")\n  void save(");
    all(getClass()).setArgs("-Xep:TransactionEndedByClose").addSourceLines("t/C.java", byOwnName)
        .expectNoDiagnostics().doTest();
    String byOtherName = CLOSED_IN_FINALLY.replace("at line 9 (", "at line 10 (")
        .replace("  void save(", "  @SuppressWarnings(\"UncommittedTransaction\")\n  void save(");
    all(getClass()).setArgs("-Xep:TransactionEndedByClose").addSourceLines("t/C.java", byOtherName).doTest();
  }

  @Test
  void entityManagerCloseEndsNothing() {
    all(getClass()).setArgs("-Xep:TransactionEndedByClose").addSourceLines("t/C.java", """
        package t;
        import jakarta.persistence.EntityManager;
        import jakarta.persistence.EntityManagerFactory;
        class C {
          void save(EntityManagerFactory emf, Object o, boolean skip) {
            EntityManager em = emf.createEntityManager();
            try {
              em.getTransaction().begin();
              if (skip) {
                // BUG: Diagnostic contains: [UncommittedTransaction]
                return;
              }
              em.getTransaction().commit();
            } finally {
              em.close();
            }
          }
        }
        """).doTest();
  }
}
