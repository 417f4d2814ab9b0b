package dev.txguard.fuzz;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import dev.txguard.javac.UncommittedTransaction;
import dev.txguard.javac.UncommittedTransactionOnException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Error Prone checks on the generated files, at sizes javac compiles ({@link Generators#forJavac}): each must report
 * exactly the marked findings, as the audit does. javac recurses once per nesting level too, so each compiles on a
 * thread with the audit's stack size. Left out: the budget cases (the checks skip such methods), files nested beyond
 * the audit's limit, and the long line (javac limits a string constant to 65,535 bytes).
 */
class CheckerGeneratorsTest {
  @TestFactory
  Stream<DynamicTest> generatedFilesCompileWithTheMarkedFindings() {
    return Generators.forJavac().stream().map(g -> DynamicTest.dynamicTest(g.name(), () -> compile(g)));
  }

  private void compile(Generators.Generated g) throws Throwable {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        CompilationTestHelper.newInstance(ScannerSupplier.fromBugCheckerClasses(UncommittedTransaction.class,
                UncommittedTransactionOnException.class), getClass())
            .addSourceLines(g.fileName(), g.source())
            .doTest();
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "javac-" + g.name(), 256L << 20);
    t.start();
    t.join();
    if (failure.get() != null) {
      throw failure.get();
    }
  }

}
