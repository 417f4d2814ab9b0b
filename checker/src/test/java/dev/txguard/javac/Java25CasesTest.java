package dev.txguard.javac;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Error Prone's front end on the Java 22-25 cases ({@link Java25Sources}): each file's {@code // BUG:} markers are
 * exactly its findings. Needs javac 25.
 */
class Java25CasesTest {
  @TestFactory
  Stream<DynamicTest> everyJava25Case() throws IOException {
    return Java25Sources.files().stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
          Java25Sources.assumeJavac25();
          CompilationTestHelper helper = CompilationTestHelper.newInstance(
              ScannerSupplier.fromBugCheckerClasses(UncommittedTransaction.class, UncommittedTransactionOnException.class),
              getClass());
          helper.addSourceLines(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
          helper.doTest();
        }));
  }
}
