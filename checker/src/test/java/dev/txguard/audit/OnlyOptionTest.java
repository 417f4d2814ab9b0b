package dev.txguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.report.AuditResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --only}: the files it names are analysed and reported, and every other file the audited paths select still
 * belongs to the module. The module is testdata's connection-manager (callers in RosterStore.java begin and end
 * through DbConnectionManager.java) plus a file with a leak of its own.
 */
class OnlyOptionTest {
  @TempDir
  Path dir;

  private Path roster;
  private Path leaky;

  @BeforeEach
  void copyModule() throws IOException {
    Path from = Path.of(System.getProperty("txguard.testdata", "../testdata")).resolve("modules/connection-manager");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        TestProjects.write(dir, from.relativize(f).toString(), Files.readString(f));
      }
    }
    roster = dir.resolve("chat/RosterStore.java");
    leaky = TestProjects.write(dir, "app/Leaky.java", TestProjects.LEAKY);
  }

  private static AuditResult audit(List<Path> paths, List<Path> only) {
    return new AuditRunner(new AuditOptions(paths, List.of(), ProtocolRegistry.builtin(), 2, false)
        .withOnly(only), null).run();
  }

  /** "file:line rule" of every finding, in report order. */
  private static List<String> findings(AuditResult r) {
    return r.findings().map(l -> l.file().path() + ":" + l.finding().finding().at().line() + " " + l.finding().ruleId())
        .toList();
  }

  @Test
  void onlyTheNamedFileIsReportedWithTheWholeModulesBodies() {
    AuditResult whole = audit(List.of(dir), List.of());
    List<String> rosterFindings = findings(whole).stream().filter(f -> f.startsWith("chat/RosterStore.java:")).toList();
    assertEquals(3, rosterFindings.size(), findings(whole).toString()); // testdata's three BUG markers
    assertTrue(findings(whole).stream().anyMatch(f -> f.startsWith("app/Leaky.java:")), findings(whole).toString());

    AuditResult only = audit(List.of(dir), List.of(roster));
    // Must flag: the same findings through the helper's body in the other file. Must not: Leaky.java, not analysed.
    assertEquals(rosterFindings, findings(only));
    assertEquals(1, only.filesAnalysed());
    assertEquals(List.of(), only.problems());

    // The module is what makes them findings: the file audited on its own sees no helper body.
    assertNotEquals(rosterFindings, findings(audit(List.of(roster), List.of())));
  }

  @Test
  void aDirectorySelectsEveryFileUnderIt() {
    AuditResult only = audit(List.of(dir), List.of(dir.resolve("chat")));
    assertEquals(2, only.filesAnalysed());
    assertTrue(findings(only).stream().allMatch(f -> f.startsWith("chat/")), findings(only).toString());
    assertEquals(3, findings(only).size(), findings(only).toString());
  }

  @Test
  void aPathSelectingNoAuditedFileIsAProblemNamingIt() {
    Path outside = dir.resolveSibling(dir.getFileName() + "-elsewhere.java");
    AuditResult r = audit(List.of(dir.resolve("chat")), List.of(leaky, outside));
    assertEquals(0, r.filesAnalysed());
    assertEquals(List.of(), findings(r));
    assertEquals(2, r.problems().size(), r.problems().toString());
    assertEquals(java.util.Set.of(leaky.toString(), outside.toString()),
        r.problems().stream().map(p -> p.path()).collect(java.util.stream.Collectors.toSet()));
    assertTrue(r.problems().stream().allMatch(p -> p.reason().startsWith("--only: ")), r.problems().toString());
  }
}
