package dev.txguard.audit;

import static dev.txguard.audit.TestProjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.txguard.analysis.Rule;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.report.AuditResult;
import dev.txguard.report.AuditedFile;
import dev.txguard.report.Problem;
import dev.txguard.report.ReportedFinding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditRunnerTest {
  private static final String ORM = """
      package app;

      public class Orm {
        public void begin() {}
        public void commit() {}
        public void rollback() {}
      }
      """;

  private static final String SERVICE = """
      package app;

      public class Service {
        private final Orm orm = new Orm();

        boolean update(boolean skip) {
          orm.begin();
          if (skip) {
            return false;
          }
          orm.commit();
          return true;
        }
      }
      """;

  private static final String JPA_LEAK = """
      package app;

      import jakarta.persistence.EntityManager;

      public class Jpa {
        void save(EntityManager em, Object o) {
          em.getTransaction().begin();
          if (o == null) {
            return;
          }
          em.persist(o);
          em.getTransaction().commit();
        }
      }
      """;

  @TempDir
  Path dir;

  private static AuditResult audit(List<Path> paths, List<Path> classpath, int threads, boolean tests) {
    return new AuditRunner(new AuditOptions(paths, classpath, ProtocolRegistry.builtin(), threads, tests), null).run();
  }

  private static List<String> paths(SourceDiscovery.Discovered d) {
    return d.files().stream().map(SourceFile::path).toList();
  }

  @Test
  void skipsTestAndBuildDirectoriesUnlessTestsAreIncluded() {
    write(dir, "src/main/java/app/Leaky.java", TestProjects.LEAKY);
    write(dir, "src/test/java/app/LeakyTest.java", "package app; class LeakyTest {}");
    write(dir, "other/test/W.java", "class W {}");
    write(dir, "target/generated/X.java", "class X {}");
    write(dir, "build/Y.java", "class Y {}");
    write(dir, ".git/Z.java", "class Z {}");
    write(dir, "notes.txt", "not java");

    SourceDiscovery.Discovered main = SourceDiscovery.discover(List.of(dir), false);
    assertEquals(List.of("src/main/java/app/Leaky.java"), paths(main));
    assertEquals(List.of(dir.resolve("src/main/java")), main.sourceRoots());

    SourceDiscovery.Discovered all = SourceDiscovery.discover(List.of(dir), true);
    assertEquals(List.of("other/test/W.java", "src/main/java/app/Leaky.java", "src/test/java/app/LeakyTest.java"),
        paths(all));
    assertEquals(List.of(dir.resolve("other/test"), dir.resolve("src/main/java"), dir.resolve("src/test/java")),
        all.sourceRoots());
  }

  @Test
  void sourceRootsFollowPackageDeclarationsOutsideConventionalLayouts() {
    write(dir, "lib/app/Orm.java", ORM);
    write(dir, "loose/Default.java", "class Default {}");
    write(dir, "wrong/place/Misplaced.java", "package app; class Misplaced {}");
    SourceDiscovery.Discovered d = SourceDiscovery.discover(List.of(dir), false);
    assertEquals(List.of(dir.resolve("lib"), dir.resolve("loose")), d.sourceRoots());
    assertEquals(java.util.Map.of("app.Misplaced", dir.resolve("wrong/place/Misplaced.java")), d.declaredElsewhere());
  }

  /** {@code Db} is a JDBC connection only if it resolves; by its name alone, its calls are no transaction calls. */
  private static final String MISPLACED_DB = """
      package com.acme;

      public interface Db extends java.sql.Connection {}
      """;

  private static final String MISPLACED_USER = """
      package com.acme;

      import java.sql.SQLException;

      class Foo {
        void save(Db db) throws SQLException {
          db.setAutoCommit(false);
          db.createStatement().executeUpdate("update t set x = 1");
          db.commit();
        }

        void saveSafely(Db db) throws SQLException {
          db.setAutoCommit(false);
          try {
            db.createStatement().executeUpdate("update t set x = 1");
            db.commit();
          } catch (Throwable e) {
            db.rollback();
            throw e;
          }
        }
      }
      """;

  @Test
  void aFileOutsideItsPackagesFolderSeesTheTypesOfItsPackage() {
    write(dir, "src/Db.java", MISPLACED_DB);
    write(dir, "src/Foo.java", MISPLACED_USER);
    AuditResult r = audit(List.of(dir), List.of(), 1, false);
    List<AuditResult.Located> findings = r.findings().toList();
    assertEquals(1, findings.size(), TextOf.of(r)); // save() leaks; saveSafely() stays silent
    ReportedFinding f = findings.get(0).finding();
    assertEquals(Rule.UNCOMMITTED_TRANSACTION_ON_EXCEPTION, f.finding().rule());
    assertEquals("save()", f.finding().unitName());
    assertEquals("com.acme.Foo", f.enclosingClass());
    assertFalse(f.matchedByName(), f.resolutionNote());
    assertEquals(List.of(), r.problems());
  }

  @Test
  void aFileOutsideItsPackagesFolderSeesTypesThatAreInTheirFolder() {
    write(dir, "lib/com/acme/Db.java", MISPLACED_DB);
    write(dir, "lib/com/acme/Foo.java", "package com.acme; class Foo {}");
    write(dir, "elsewhere/Service.java", MISPLACED_USER);
    AuditResult r = audit(List.of(dir), List.of(), 2, false);
    assertEquals(List.of("save()"), r.findings().map(l -> l.finding().finding().unitName()).toList(), TextOf.of(r));
  }

  @Test
  void ofTwoFilesOutsideTheirFolderNamedForOneTypeTheFirstIsSeen() {
    write(dir, "a/Db.java", MISPLACED_DB);
    write(dir, "b/Db.java", "package com.acme; public interface Db {}");
    write(dir, "b/Foo.java", MISPLACED_USER);
    AuditResult r = audit(List.of(dir), List.of(), 1, false);
    assertEquals(List.of(), r.problems());
    assertEquals(1, r.findingCount(), "a/Db.java, first in report order, is the one seen: " + TextOf.of(r));
  }

  /** Regression (fuzzer): a NUL in a package declaration made discovery build an invalid path and end the audit. */
  @Test
  void aPackageNameNoPathCanHoldImpliesNoRoot() {
    write(dir, "lib/app/Nul.java", "package app\u0000;\nclass Nul {}\n");
    AuditResult r = audit(List.of(dir), List.of(), 1, false);
    assertEquals(List.of(), r.problems(), "JavaParser takes the NUL as part of the name");
    assertEquals(1, r.filesAnalysed());
  }

  @Test
  void severalPathsAreRelativeToTheirCommonDirectory() {
    Path a = write(dir, "a/src/main/java/app/Leaky.java", TestProjects.LEAKY);
    write(dir, "b/app/Clean.java", TestProjects.CLEAN);
    SourceDiscovery.Discovered d = SourceDiscovery.discover(List.of(a, dir.resolve("b")), false);
    assertEquals(dir, d.root());
    assertEquals(List.of("a/src/main/java/app/Leaky.java", "b/app/Clean.java"), paths(d));
  }

  @Test
  void typesInOtherFilesResolveThroughTheSourceRoots() {
    write(dir, "lib/app/Orm.java", ORM);
    write(dir, "lib/app/Service.java", SERVICE);
    AuditResult r = audit(List.of(dir), List.of(), 2, false);
    List<AuditResult.Located> findings = r.findings().toList();
    assertEquals(1, findings.size(), TextOf.of(r));
    ReportedFinding f = findings.get(0).finding();
    assertEquals(Rule.UNCOMMITTED_TRANSACTION, f.finding().rule());
    assertEquals(9, f.finding().at().line());
    assertEquals("app.Service", f.enclosingClass());
    assertFalse(f.matchedByName(), f.resolutionNote());
    assertEquals(2, r.filesAnalysed());
  }

  @Test
  void aRethrownMultiCatchParameterIsNamedByItsAlternativesAndNeedsNoResolutionNote() {
    write(dir, "app/Multi.java", """
        package app;

        import java.sql.Connection;
        import java.sql.SQLException;

        class Multi {
          void f(Connection c) throws Exception {
            c.setAutoCommit(false);
            try {
              c.prepareStatement("x");
              c.commit();
            } catch (SQLException | RuntimeException e) {
              throw e;
            }
          }
        }
        """);
    List<AuditResult.Located> findings = audit(List.of(dir), List.of(), 1, false).findings().toList();
    assertEquals(1, findings.size());
    ReportedFinding f = findings.get(0).finding();
    assertEquals(Rule.UNCOMMITTED_TRANSACTION_ON_EXCEPTION, f.finding().rule());
    assertEquals(13, f.finding().at().line()); // throw e;
    assertTrue(f.finding().message().contains("a SQLException or RuntimeException thrown here"), f.finding().message());
    assertEquals("", f.resolutionNote());
  }

  @Test
  void classDirectoriesOnTheClasspathResolve() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path ormSource = write(dir, "ormsrc/app/Orm.java", ORM);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), ormSource.toString()));
    Path service = write(dir, "code/app/Service.java", SERVICE);

    AuditResult r = audit(List.of(service), List.of(classes), 1, false);
    assertEquals(1, r.findingCount(), TextOf.of(r));
    assertFalse(r.findings().toList().get(0).finding().matchedByName());
  }

  @Test
  void jarsOnTheClasspathResolveAndWithoutThemNamesMatch() throws Exception {
    write(dir, "app/Jpa.java", JPA_LEAK);
    Path jar = Path.of(jakarta.persistence.EntityManager.class.getProtectionDomain().getCodeSource().getLocation().toURI());

    // The early return, and em.persist throwing: both found either way, only how they were matched differs.
    AuditResult byName = audit(List.of(dir), List.of(), 1, false);
    assertEquals(2, byName.findingCount(), TextOf.of(byName));
    for (AuditResult.Located l : byName.findings().toList()) {
      assertTrue(l.finding().matchedByName());
      assertTrue(l.finding().resolutionNote().startsWith("matched by name"), l.finding().resolutionNote());
    }

    AuditResult resolved = audit(List.of(dir), List.of(jar), 1, false);
    assertEquals(2, resolved.findingCount(), TextOf.of(resolved));
    resolved.findings().forEach(l -> assertFalse(l.finding().matchedByName(), l.finding().resolutionNote()));
  }

  @Test
  void problemsAreReportedAndTheRestIsAnalysed() {
    write(dir, "app/Leaky.java", TestProjects.LEAKY);
    write(dir, "app/Broken.java", TestProjects.BROKEN);
    Path latin1 = dir.resolve("app/Latin.java");
    writeBytes(latin1, "package app;\n// Café\nclass Latin {}\n".getBytes(StandardCharsets.ISO_8859_1));

    AuditResult r = audit(List.of(dir, dir.resolve("missing"), dir.resolve("../nowhere.java")),
        List.of(dir.resolve("no.jar")), 3, false);
    assertEquals(2, r.filesAnalysed(), "Leaky and Latin; Broken does not parse");
    assertEquals(1, r.findingCount());
    List<String> problems = r.problems().stream().map(p -> p.path() + ":" + p.line() + ": " + p.reason()).toList();
    assertEquals(5, problems.size(), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("app/Broken.java:") && p.contains("does not parse")),
        problems.toString());
    assertTrue(problems.contains("app/Latin.java:0: not valid UTF-8; read as ISO-8859-1"), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.endsWith("missing:0: no such file or directory")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.endsWith("no.jar:0: classpath entry does not exist")),
        problems.toString());
    // Arguments are named as given (and the text report gives them no line); files under the root are not.
    assertEquals(List.of(dir.resolve("../nowhere.java").toString(), dir.resolve("missing").toString(),
            dir.resolve("no.jar").toString()),
        r.problems().stream().filter(Problem::asGiven).map(Problem::path).sorted().toList());
  }

  /** Regression: a pipe named *.java, given as a PATH, blocked the audit forever in its first read. */
  @Test
  void pipesAndDanglingLinksAreProblemsNotHangs() throws Exception {
    write(dir, "app/Leaky.java", TestProjects.LEAKY);
    Path pipe = dir.resolve("app/Pipe.java");
    Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
    assumeTrue(mkfifo.waitFor() == 0, "needs the tool mkfifo (coreutils), which failed here");
    Files.createSymbolicLink(dir.resolve("app/Dangling.java"), dir.resolve("app/nowhere.java"));
    Files.createSymbolicLink(dir.resolve("app/Linked.java"), dir.resolve("app/Leaky.java"));

    AuditResult r = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> audit(List.of(dir.resolve("app"), pipe), List.of(), 2, false));
    List<String> problems = r.problems().stream().map(p -> p.path() + ": " + p.reason()).toList();
    assertEquals(List.of("Dangling.java: not a regular file", "Pipe.java: not a regular file"), problems);
    assertEquals(List.of("Leaky.java", "Linked.java"), r.files().stream().map(AuditedFile::path).toList(),
        "a link to a regular file is followed");
  }

  /** Regression: discovery read a whole file for its package, and a file too large for memory ended the audit. */
  @Test
  void aFileTooLargeForMemoryIsAProblem() throws Exception {
    write(dir, "app/Leaky.java", TestProjects.LEAKY);
    Files.createDirectories(dir.resolve("other"));
    try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(dir.resolve("other/Huge.java").toFile(), "rw")) {
      huge.setLength(3L << 30); // sparse: no disk space used
    }
    AuditResult r = audit(List.of(dir), List.of(), 2, false);
    assertEquals(List.of("other/Huge.java:0: cannot read: too large"),
        r.problems().stream().map(p -> p.path() + ":" + p.line() + ": " + p.reason()).toList());
    assertEquals(1, r.findingCount());
  }

  @Test
  void onlyFilesWithFindingsKeepTheirText() {
    write(dir, "app/Leaky.java", TestProjects.LEAKY);
    write(dir, "app/Clean.java", TestProjects.CLEAN);
    AuditResult r = audit(List.of(dir), List.of(), 2, false);
    assertEquals(2, r.filesAnalysed());
    assertEquals(1, r.files().size());
    AuditedFile f = r.files().get(0);
    assertEquals("app/Leaky.java", f.path());
    assertEquals(TestProjects.LEAKY, f.source());
    assertEquals(10, f.findings().get(0).finding().at().line());
  }

  @Test
  void listenerHearsEveryFile() {
    write(dir, "app/Leaky.java", TestProjects.LEAKY);
    write(dir, "app/Clean.java", TestProjects.CLEAN);
    write(dir, "app/Broken.java", TestProjects.BROKEN);
    AtomicInteger total = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    new AuditRunner(new AuditOptions(List.of(dir), List.of(), ProtocolRegistry.builtin(), 2, false),
        new AuditListener() {
          @Override
          public void started(int totalFiles) {
            total.set(totalFiles);
          }

          @Override
          public void fileDone() {
            done.incrementAndGet();
          }

          @Override
          public void finished() {
            finished.incrementAndGet();
          }
        }).run();
    assertEquals(3, total.get());
    assertEquals(3, done.get());
    assertEquals(1, finished.get());
  }

  @Test
  void nothingToAuditGivesNoFilesAndNoCrash() {
    AuditResult r = audit(List.of(dir), List.of(), 4, false);
    assertEquals(0, r.filesAnalysed());
    assertEquals(List.<Problem>of(), r.problems());
    assertTrue(r.files().isEmpty());
  }

  private static void writeBytes(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The text report, for assertion messages. */
  private static final class TextOf {
    static String of(AuditResult r) {
      return dev.txguard.report.TextReport.render(r);
    }
  }
}
