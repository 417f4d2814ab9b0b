package dev.txguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.txguard.report.AuditResult;
import dev.txguard.report.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenMessagesTest {
  @TempDir
  Path dir;

  @Test
  void findingsInTheCompilerFormWithTheirPath() throws IOException {
    AuditResult result = Sources.audit(Sources.module(dir), dir);
    List<String> messages = new java.util.ArrayList<>();
    AbstractReportingMojo.logFindings(result, dir, m -> messages.add(m.toString()));
    String file = dir.resolve("src/main/java/com/acme/Service.java").toString();
    assertEquals(List.of(
        file + ":[6,5] [UncommittedTransactionOnException] transaction begun at line 5 (orm.begin()) is still active"
            + " when an unchecked exception thrown here leaves update(); roll it back in a catch or finally block\n"
            + "    line 5: transaction begins: orm.begin()\n"
            + "    line 6: an unchecked exception thrown by work.run()",
        file + ":[8,7] [UncommittedTransaction] transaction begun at line 5 (orm.begin()) is still active when this"
            + " return leaves update(); commit or roll it back first\n"
            + "    line 5: transaction begins: orm.begin()\n"
            + "    line 7: skip is true\n"
            + "    line 8: returns: return false;"), messages);
    assertEquals("2 findings (1 UncommittedTransaction, 1 UncommittedTransactionOnException)",
        MavenMessages.findingCount(result));
  }

  @Test
  void problemsWithTheirLineWhenThereIsOne() {
    assertEquals(dir.resolve("src/A.java") + ":[3] [txguard] does not parse: ';' expected",
        MavenMessages.problem(dir, new Problem("src/A.java", 3, "does not parse: ';' expected")));
    assertEquals("/opt/x.jar [txguard] classpath entry is not a readable jar",
        MavenMessages.problem(dir, new Problem("/opt/x.jar", 0, "classpath entry is not a readable jar")));
  }

  @Test
  void anUnparseableFileIsAProblemAtItsLineAndColumnUnderTheModule() throws IOException {
    List<Path> files = new java.util.ArrayList<>(Sources.module(dir));
    files.add(java.nio.file.Files.writeString(dir.resolve("src/main/java/com/acme/Broken.java"),
        "package com.acme;\n\nclass Broken { void f() { int x = ; } }\n"));
    AuditResult result = Sources.audit(files, dir);
    assertEquals(1, result.problems().size());
    String message = MavenMessages.problem(dir, result.problems().get(0));
    assertEquals(dir.resolve("src/main/java/com/acme/Broken.java")
        + ":[3,35] [txguard] does not parse at Java 25: Parse error. Found \";\"", message);
    assertEquals(2, result.filesAnalysed());
  }

  @Test
  void untrustedTextCannotStartALogLine() {
    assertEquals("a b c\\u001b[31m", MavenMessages.oneLine("a\nb\rc\u001b[31m"));
  }
}
