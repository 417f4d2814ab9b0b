package dev.txguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.report.AuditResult;
import dev.txguard.report.ReportedFinding;
import dev.txguard.report.TextReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a lambda parameter whose type is inferred, `session.onInsert(em -> { em.beginTransaction();
 * em.persist(x); em.commit(); return x; })`, is typed from the functional interface when that interface and the
 * parameter's type are declared in other files of the source root; when they do not resolve at all, the name rules
 * apply to it (matched by name, with no empty "could not resolve" note). The same-file case is a labelled case
 * (testdata/cases/lambdas/InferredLambdaParameterCases.java).
 */
class InferredLambdaParameterAuditTest {
  private static final String EM = """
      package app.orm;

      public class Em {
        public void beginTransaction() {}
        public void persist(Object o) {}
        public void commit() {}
        public void rollback() {}
      }
      """;

  private static final String CALLBACK = """
      package app.orm;

      public interface InsertCallback<T> {
        T apply(Em em);
      }
      """;

  private static final String SESSION = """
      package app.orm;

      public class Session {
        public <T> T onInsert(InsertCallback<T> callback) {
          return callback.apply(new Em());
        }
      }
      """;

  /** Leaks at line 11 (persist throws); the second lambda rolls back and is clean. */
  private static final String SERVICE = """
      package app;

      import app.orm.Session;

      public class Service {
        private Session session;

        Object insertLeaks(Object x) {
          return session.onInsert(em -> {
            em.beginTransaction();
            em.persist(x);
            em.commit();
            return x;
          });
        }

        Object insertIsClean(Object x) {
          return session.onInsert(em -> {
            em.beginTransaction();
            try {
              em.persist(x);
              em.commit();
            } catch (RuntimeException e) {
              em.rollback();
              throw e;
            }
            return x;
          });
        }
      }
      """;

  @TempDir
  Path dir;

  private AuditResult audit() {
    return new AuditRunner(new AuditOptions(List.of(dir), List.of(), ProtocolRegistry.builtin(), 1, false), null).run();
  }

  @Test
  void typedFromAnInterfaceInAnotherFileOfTheSourceRoot() {
    TestProjects.write(dir, "app/orm/Em.java", EM);
    TestProjects.write(dir, "app/orm/InsertCallback.java", CALLBACK);
    TestProjects.write(dir, "app/orm/Session.java", SESSION);
    TestProjects.write(dir, "app/Service.java", SERVICE);
    AuditResult r = audit();
    List<ReportedFinding> findings = r.findings().map(AuditResult.Located::finding).toList();
    assertEquals(1, findings.size(), TextReport.render(r));
    ReportedFinding f = findings.get(0);
    assertEquals("UncommittedTransactionOnException", f.ruleId());
    assertEquals(11, f.finding().at().line());
    assertFalse(f.matchedByName(), f.resolutionNote());
    assertEquals("", f.resolutionNote());
  }

  @Test
  void unresolvedInterfaceFallsBackToTheNameRules() {
    TestProjects.write(dir, "app/Service.java", SERVICE); // app.orm is nowhere: nothing about em resolves
    AuditResult r = audit();
    List<ReportedFinding> findings = r.findings().map(AuditResult.Located::finding).toList();
    assertEquals(1, findings.size(), TextReport.render(r));
    ReportedFinding f = findings.get(0);
    assertEquals("UncommittedTransactionOnException", f.ruleId());
    assertEquals(11, f.finding().at().line());
    assertTrue(f.matchedByName(), f.resolutionNote());
    assertTrue(f.resolutionNote().startsWith("matched by name"), f.resolutionNote());
    assertFalse(f.unresolved().contains(""), f.unresolved().toString());
    assertFalse(TextReport.render(r).matches("(?s).*could not resolve\\s*(\\n|;|$).*"), TextReport.render(r));
  }
}
