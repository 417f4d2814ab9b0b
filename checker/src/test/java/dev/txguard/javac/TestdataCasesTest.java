package dev.txguard.javac;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compiles every case file under {@code testdata/cases/} with both checks; the expected findings are the
 * {@code // BUG: Diagnostic contains:} markers in the files, and every unmarked line must be clean. The third check,
 * {@code TransactionEndedByClose}, is off by default and turned on here, so its markers are checked too. The same files feed
 * the source audit, so both front ends are held to one set of labels.
 */
class TestdataCasesTest {
  static Path testdata() {
    String configured = System.getProperty("txguard.testdata");
    return Path.of(configured != null ? configured : "../testdata").toAbsolutePath().normalize();
  }

  static List<Path> caseFiles() throws IOException {
    try (Stream<Path> files = Files.walk(testdata().resolve("cases"))) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCaseFile() throws IOException {
    Path root = testdata().resolve("cases");
    return caseFiles().stream()
        .map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
          CompilationTestHelper helper = CompilationTestHelper.newInstance(
              ScannerSupplier.fromBugCheckerClasses(UncommittedTransaction.class, UncommittedTransactionOnException.class,
                  TransactionEndedByClose.class),
              getClass()).setArgs("-Xep:" + TransactionEndedByClose.NAME);
          helper.addSourceLines(root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
          helper.doTest();
        }));
  }
}
