package dev.txguard.javac;

import com.google.errorprone.CompilationTestHelper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The -XepOpt:Txguard:* flags, suppression, and crash isolation. */
class ConfigurationTest {
  @TempDir Path dir;

  private static final String WORK =
      """
      package t;
      class C {
        Orm orm = new Orm();
        void m() {
          orm.begin();
          // BUG: Diagnostic contains: [UncommittedTransactionOnException]
          orm.work();
          orm.commit();
        }
      }
      """;

  @Test
  void userProtocolFromFile() throws IOException {
    Path file = dir.resolve("protocols.txt");
    Files.writeString(file, """
        # Acme's unit of work
        [acme]
        api = Acme UnitOfWork
        type = t.UnitOfWork
        begin = start
        end = finish, abort
        active = isRunning
        """);
    CompilationTestHelper.newInstance(UncommittedTransaction.class, getClass())
        .setArgs("-XepOpt:Txguard:Protocols=" + file)
        .addSourceLines("t/UnitOfWork.java", """
            package t;
            public class UnitOfWork {
              public void start() {}
              public void finish() {}
              public void abort() {}
              public boolean isRunning() { return false; }
            }
            """)
        .addSourceLines("t/C.java", """
            package t;
            class C {
              boolean m(boolean bad) {
                UnitOfWork u = new UnitOfWork();
                u.start();
                if (bad) {
                  // BUG: Diagnostic contains: transaction begun at line 5 (u.start()) is still active when this return leaves m()
                  return false;
                }
                u.finish();
                return true;
              }
              void guarded(boolean bad) {
                UnitOfWork u = new UnitOfWork();
                u.start();
                try {
                  if (bad) return;
                  u.finish();
                } finally {
                  if (u.isRunning()) u.abort();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void badProtocolFileIsReportedOnceWithFileAndLine() throws IOException {
    Path file = dir.resolve("bad.txt");
    Files.writeString(file, "[acme]\ntype = t.X\nbegni = start\n");
    CompilationTestHelper.newInstance(UncommittedTransaction.class, getClass())
        .setArgs("-XepOpt:Txguard:Protocols=" + file)
        .addSourceLines("t/C.java", """
            package t;
            // BUG: Diagnostic contains: bad.txt:3: unknown key 'begni' in [acme]
            class C {}
            """)
        .doTest();
  }

  @Test
  void uncheckedExceptionsCanBeTurnedOff() {
    CheckerTestSupport.both(getClass())
        .setArgs("-XepOpt:Txguard:UncheckedExceptions=false")
        .addSourceLines("t/C.java", WORK.replace("  // BUG: Diagnostic contains: [UncommittedTransactionOnException]\n", ""))
        .doTest();
  }

  @Test
  void ignoredExceptionTypes() {
    CheckerTestSupport.both(getClass())
        .setArgs("-XepOpt:Txguard:IgnoredExceptions=java.lang.RuntimeException")
        .addSourceLines("t/C.java", WORK.replace("  // BUG: Diagnostic contains: [UncommittedTransactionOnException]\n", ""))
        .doTest();
  }

  /** The README's "only txguard's checks": Error Prone's own checks off, txguard's two back on. */
  @Test
  void onlyTxguardsChecksAfterDisableAllChecks() {
    CheckerTestSupport.both(getClass())
        .setArgs("-XepDisableAllChecks", "-Xep:UncommittedTransaction:WARN", "-Xep:UncommittedTransactionOnException:WARN")
        .addSourceLines("t/C.java", WORK)
        .addSourceLines("t/D.java", EARLY_RETURN)
        .doTest();
  }

  /** The README's switch for one build: both checks OFF by name, or every check off. */
  @Test
  void switchedOffForOneBuild() {
    for (String[] args : new String[][] {
        {"-Xep:UncommittedTransaction:OFF", "-Xep:UncommittedTransactionOnException:OFF"}, {"-XepDisableAllChecks"}}) {
      CheckerTestSupport.both(getClass())
          .setArgs(args)
          .addSourceLines("t/C.java", WORK.replace("  // BUG: Diagnostic contains: [UncommittedTransactionOnException]\n", ""))
          .addSourceLines("t/D.java", EARLY_RETURN.replace("      // BUG: Diagnostic contains: [UncommittedTransaction]\n", ""))
          .expectNoDiagnostics()
          .doTest();
    }
  }

  private static final String EARLY_RETURN =
      """
      package t;
      class D {
        Orm orm = new Orm();
        boolean m(boolean b) {
          orm.begin();
          if (b) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            return false;
          }
          orm.commit();
          return true;
        }
      }
      """;

  @Test
  void exceptionRuleCountsUncheckedByDefault() {
    CheckerTestSupport.both(getClass()).addSourceLines("t/C.java", WORK).doTest();
  }

  @Test
  void configuredHandOffMethod() {
    CheckerTestSupport.both(getClass())
        .setArgs("-XepOpt:Txguard:HandOffMethods=release")
        .addSourceLines("t/Pool.java", "package t;\npublic interface Pool { void release(Orm o); }\n")
        .addSourceLines("t/C.java", """
            package t;
            class C {
              void m(Pool pool) {
                Orm orm = new Orm();
                orm.begin();
                pool.release(orm);
              }
            }
            """)
        .doTest();
  }

  @Test
  void zeroConfigCanBeTurnedOff() {
    CheckerTestSupport.both(getClass())
        .setArgs("-XepOpt:Txguard:ZeroConfig=false")
        .addSourceLines("t/C.java", """
            package t;
            class C {
              void m() {
                Orm orm = new Orm();
                orm.begin();
                orm.work();
              }
            }
            """)
        .doTest();
  }

  @Test
  void suppressWarningsByEitherNameOrAll() {
    CheckerTestSupport.both(getClass())
        .addSourceLines("t/C.java", """
            package t;
            class C {
              Orm orm = new Orm();
              @SuppressWarnings("UncommittedTransaction")
              boolean familyNameSilencesBoth(boolean b) {
                orm.begin();
                orm.work();
                if (b) return false;
                orm.commit();
                return true;
              }
              @SuppressWarnings("UncommittedTransactionOnException")
              boolean exceptionNameSilencesOnlyThatRule(boolean b) {
                orm.begin();
                orm.work();
                if (b) {
                  // BUG: Diagnostic contains: [UncommittedTransaction]
                  return false;
                }
                orm.commit();
                return true;
              }
              @SuppressWarnings("all")
              boolean allSilencesBoth(boolean b) {
                orm.begin();
                orm.work();
                if (b) return false;
                orm.commit();
                return true;
              }
            }
            @SuppressWarnings("UncommittedTransaction")
            class D {
              Orm orm = new Orm();
              boolean onTheClass(boolean b) {
                orm.begin();
                orm.work();
                if (b) return false;
                orm.commit();
                return true;
              }
            }
            """)
        .doTest();
  }

  @Test
  void internalFailureIsAWarningAndTheRestIsAnalysed() {
    CheckerTestSupport.both(getClass())
        .setArgs("-XepOpt:Txguard:FailOnMethodForTesting=broken")
        .addSourceLines("t/C.java", """
            package t;
            class C {
              Orm orm = new Orm();
              // BUG: Diagnostic contains: txguard internal error while analysing broken() (it was skipped
              void broken() {
                orm.begin();
                orm.commit();
              }
              boolean fine(boolean b) {
                orm.begin();
                if (b) {
                  // BUG: Diagnostic contains: [UncommittedTransaction]
                  return false;
                }
                orm.commit();
                return true;
              }
            }
            """)
        .doTest();
  }

  @Test
  void aMethodOverTheStepBudgetIsNamedAsNotFullyAnalysed() {
    CheckerTestSupport.both(getClass())
        .setArgs("-XepOpt:Txguard:MaxSteps=3")
        .addSourceLines("t/C.java", """
            package t;
            class C {
              Orm orm = new Orm();
              // BUG: Diagnostic contains: txguard could not fully analyse big(): the analysis of big() exceeded
              boolean big(boolean a, boolean b) {
                orm.begin();
                if (a) {
                  orm.work();
                }
                if (b) {
                  return false;
                }
                orm.commit();
                return true;
              }
              void none() {}
            }
            """)
        .doTest();
  }
}
