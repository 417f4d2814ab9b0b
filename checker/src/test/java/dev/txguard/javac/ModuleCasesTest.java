package dev.txguard.javac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import dev.txguard.audit.AuditOptions;
import dev.txguard.audit.AuditRunner;
import dev.txguard.analysis.Finding;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.report.AuditResult;
import dev.txguard.report.AuditedFile;
import dev.txguard.report.ReportedFinding;
import dev.txguard.report.RuleSelection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The multi-file cases under {@code testdata/modules/}: each folder is one module, compiled in one javac invocation
 * with the three checks, and audited as one source tree. Both front ends must give exactly the marked findings, so
 * callers in one file are judged through the summaries of helpers in another (semantics: "The module").
 */
class ModuleCasesTest {
  private static final Pattern MARKER = Pattern.compile("// BUG: Diagnostic contains: \\[(\\w+)]");

  static List<Path> modules() throws IOException {
    try (Stream<Path> dirs = Files.list(TestdataCasesTest.testdata().resolve("modules"))) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }

  static List<Path> javaFiles(Path module) throws IOException {
    try (Stream<Path> files = Files.walk(module)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> errorProneGivesTheMarkedFindings() throws IOException {
    return modules().stream().map(module -> DynamicTest.dynamicTest(module.getFileName().toString(), () -> {
      CompilationTestHelper helper = CompilationTestHelper.newInstance(
          ScannerSupplier.fromBugCheckerClasses(UncommittedTransaction.class, UncommittedTransactionOnException.class,
              TransactionEndedByClose.class),
          getClass()).setArgs("-Xep:" + TransactionEndedByClose.NAME);
      for (Path f : javaFiles(module)) {
        helper.addSourceLines(module.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
      }
      helper.doTest();
    }));
  }

  @TestFactory
  Stream<DynamicTest> theAuditGivesTheMarkedFindings() throws IOException {
    return modules().stream().map(module -> DynamicTest.dynamicTest(module.getFileName().toString(), () -> {
      List<Path> jars = new ArrayList<>();
      for (String entry : CaseDiffAccess.classpath().split(java.io.File.pathSeparator, -1)) {
        if (entry.endsWith(".jar") && !entry.contains("error_prone") && !entry.contains("junit")) {
          jars.add(Path.of(entry));
        }
      }
      assertAuditFindsTheMarkers(module, jars);
    }));
  }

  /**
   * As users audit legacy code: without any jar. A helper in another file that takes a type of a missing jar
   * ({@code Tx.start(session)} without Hibernate) is still its callee: the solver gives up on such calls, the audit
   * finds the module method by name and arity.
   */
  @TestFactory
  Stream<DynamicTest> theAuditWithoutJarsGivesTheMarkedFindings() throws IOException {
    return modules().stream().map(module -> DynamicTest.dynamicTest(module.getFileName().toString(),
        () -> assertAuditFindsTheMarkers(module, List.of())));
  }

  private static void assertAuditFindsTheMarkers(Path module, List<Path> jars) throws IOException {
    AuditOptions options = new AuditOptions(List.of(module), jars, ProtocolRegistry.builtin(), 2, false)
        .withRules(RuleSelection.all());
    AuditResult result = new AuditRunner(options, null).run();
    Set<String> found = new TreeSet<>();
    for (AuditedFile af : result.files()) {
      for (ReportedFinding rf : af.findings()) {
        Finding f = rf.finding();
        found.add(Path.of(af.path()).getFileName() + ":" + f.at().line() + " [" + f.rule().checkName() + "]");
      }
    }
    assertEquals(expected(module), found, "problems: " + result.problems());
  }

  /** file:line [rule] for each marker: the finding is on the line after it. */
  static Set<String> expected(Path module) throws IOException {
    Set<String> out = new TreeSet<>();
    for (Path f : javaFiles(module)) {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = MARKER.matcher(lines.get(i));
        if (m.find()) {
          out.add(f.getFileName() + ":" + (i + 2) + " [" + m.group(1) + "]");
        }
      }
    }
    return out;
  }
}
