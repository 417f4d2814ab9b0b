package dev.txguard.javac;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;

/** A helper with both checks and the home-grown {@code Orm} type that most control-flow tests use. */
final class CheckerTestSupport {
  static final String ORM =
      """
      package t;
      public class Orm {
        public void begin() {}
        public void commit() {}
        public void rollback() {}
        public boolean isActive() { return true; }
        public void work() {}
      }
      """;

  private CheckerTestSupport() {}

  static CompilationTestHelper both(Class<?> test) {
    return CompilationTestHelper.newInstance(
            ScannerSupplier.fromBugCheckerClasses(UncommittedTransaction.class, UncommittedTransactionOnException.class),
            test)
        .addSourceLines("t/Orm.java", ORM);
  }
}
