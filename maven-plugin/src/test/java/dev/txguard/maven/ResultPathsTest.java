package dev.txguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.txguard.report.AuditResult;
import dev.txguard.report.AuditedFile;
import dev.txguard.report.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultPathsTest {
  @TempDir
  Path dir;

  @Test
  void auditedRootIsTheDeepestDirectoryHoldingEveryFile() {
    Path a = dir.resolve("src/main/java/com/acme/A.java");
    Path b = dir.resolve("src/main/java/com/acme/b/B.java");
    Path gen = dir.resolve("target/generated-sources/x/G.java");
    assertEquals(dir.resolve("src/main/java/com/acme"), ResultPaths.auditedRoot(List.of(a)));
    assertEquals(dir.resolve("src/main/java/com/acme"), ResultPaths.auditedRoot(List.of(a, b)));
    assertEquals(dir, ResultPaths.auditedRoot(List.of(a, b, gen)));
  }

  @Test
  void rebasesFilesAndProblemsButNotAbsolutePaths() {
    Path root = dir.resolve("src/main/java/com/acme");
    AuditResult result = new AuditResult(List.of(new AuditedFile("b/B.java", "", List.of())),
        List.of(new Problem("A.java", 3, "does not parse"), new Problem("/opt/lib/x.jar", 0, "not a jar")), 2, 1);
    AuditResult rebased = ResultPaths.rebase(result, root, dir);
    assertEquals("src/main/java/com/acme/b/B.java", rebased.files().get(0).path());
    assertEquals(List.of("/opt/lib/x.jar", "src/main/java/com/acme/A.java"),
        rebased.problems().stream().map(Problem::path).toList());
    assertEquals(3, rebased.problems().get(1).line());
    assertEquals(2, rebased.filesAnalysed());
    assertEquals(1, rebased.baselined());
    // Into a parent directory, as for an aggregate.
    assertEquals(dir.getFileName() + "/src/main/java/com/acme/b/B.java",
        ResultPaths.rebase(rebased, dir, dir.getParent()).files().get(0).path());
    assertSame(result, ResultPaths.rebase(result, dir, dir));
  }

  @Test
  void theAuditReportsPathsAgainstTheRootComputedHere() throws IOException {
    List<Path> files = Sources.module(dir);
    AuditResult result = Sources.audit(files, dir);
    assertEquals(List.of("src/main/java/com/acme/Service.java"), result.files().stream()
        .filter(f -> !f.findings().isEmpty()).map(AuditedFile::path).toList());
    ResultPaths.requireAudited(result, dir, Set.copyOf(files));
    assertThrows(IllegalStateException.class,
        () -> ResultPaths.requireAudited(result, dir.resolve("src"), Set.copyOf(files)));
  }
}
