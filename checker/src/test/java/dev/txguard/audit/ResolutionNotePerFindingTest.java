package dev.txguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.report.AuditResult;
import dev.txguard.report.HtmlReport;
import dev.txguard.report.ReportedFinding;
import dev.txguard.report.SarifReport;
import dev.txguard.report.TextReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "matched by name" note belongs to the findings whose own begin/end matching used the name rule, not to every
 * finding of a file that has one unresolved call: here a JPA method without the JPA jar (matched by name) and a
 * home-grown method whose types resolve from the same file, in text, SARIF and HTML.
 */
class ResolutionNotePerFindingTest {
  private static final String MIXED = """
      package app;

      import jakarta.persistence.EntityManager;

      public class Mixed {
        static class Orm {
          void begin() {}
          void commit() {}
          void rollback() {}
        }

        private final Orm orm = new Orm();

        void jpa(EntityManager em, Object o) {
          em.getTransaction().begin();
          if (o == null) {
            return;
          }
          em.getTransaction().commit();
        }

        boolean homeGrown(boolean skip) {
          orm.begin();
          if (skip) {
            return false;
          }
          orm.commit();
          return true;
        }
      }
      """;

  @TempDir
  Path dir;

  private AuditResult audit() {
    TestProjects.write(dir, "app/Mixed.java", MIXED);
    return new AuditRunner(new AuditOptions(List.of(dir), List.of(), ProtocolRegistry.builtin(), 1, false), null).run();
  }

  @Test
  void onlyTheFindingMatchedByNameSaysSo() {
    AuditResult r = audit();
    Map<Integer, ReportedFinding> byLine = new TreeMap<>();
    r.findings().forEach(l -> byLine.put(l.finding().finding().at().line(), l.finding()));
    assertEquals(List.of(17, 25), List.copyOf(byLine.keySet()), TextReport.render(r));

    ReportedFinding jpa = byLine.get(17);
    assertTrue(jpa.matchedByName());
    assertEquals("matched by name; could not resolve jakarta.persistence.EntityManager", jpa.resolutionNote());
    ReportedFinding homeGrown = byLine.get(25);
    assertFalse(homeGrown.matchedByName());
    assertEquals("", homeGrown.resolutionNote());
  }

  @Test
  void eachFormatCarriesTheNoteOnlyOnThatFinding() throws Exception {
    AuditResult r = audit();
    String text = TextReport.render(r);
    assertEquals(1, count(text, "note: matched by name"), text);
    assertTrue(text.indexOf("note: matched by name") < text.indexOf("Mixed.java:25:"), text);

    JsonNode results = new ObjectMapper().readTree(SarifReport.render(r)).path("runs").get(0).path("results");
    assertEquals(2, results.size());
    for (JsonNode result : results) {
      int line = result.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt();
      boolean byName = result.path("properties").path("matchedByName").asBoolean();
      assertEquals(line == 17, byName, result.toString());
      assertEquals(line == 17, result.path("message").path("text").asText().contains("(matched by name"),
          result.toString());
      assertEquals(line == 17 ? 1 : 0, result.path("properties").path("unresolved").size(), result.toString());
    }

    String html = HtmlReport.render(r);
    assertEquals(1, count(html, "Resolution: matched by name"), html);
  }

  /**
   * A type that does not resolve is noted on a finding only when the statement it failed in is one the finding's
   * path is told by (its begin, a step, its exit): an unresolved logger called in a catch block is no step of the
   * paths through it (nor of the others), an unresolved gate tested before the work is.
   */
  private static final String LOGGED = """
      package app;

      import com.acme.Gate;
      import java.sql.Connection;
      import java.sql.SQLException;
      import org.slf4j.Logger;
      import org.slf4j.LoggerFactory;

      public class Logged {
        private static final Logger LOG = LoggerFactory.getLogger(Logged.class);

        String push(Connection c, Gate gate) {
          try {
            c.setAutoCommit(false);
            if (gate.closed()) {
              return "CLOSED";
            }
            c.createStatement().executeUpdate("update t set x = 1");
            c.commit();
            return "OK";
          } catch (SQLException e) {
            LOG.error("push failed", e);
            return "FAIL";
          }
        }
      }
      """;

  @Test
  void unresolvedNamesOffThePathAreNotNoted() {
    TestProjects.write(dir, "app/Logged.java", LOGGED);
    AuditResult r = new AuditRunner(new AuditOptions(List.of(dir), List.of(), ProtocolRegistry.builtin(), 1, false),
        null).run();
    Map<Integer, ReportedFinding> byLine = new TreeMap<>();
    r.findings().forEach(l -> byLine.put(l.finding().finding().at().line(), l.finding()));
    assertEquals(List.of(15, 16, 23), List.copyOf(byLine.keySet()), TextReport.render(r));
    assertEquals("could not resolve Gate", byLine.get(15).resolutionNote(), "the gate's call may throw");
    assertEquals("could not resolve Gate", byLine.get(16).resolutionNote(), "the gate decides the path");
    assertEquals("could not resolve Gate", byLine.get(23).resolutionNote(),
        "the gate's test is a step of the path that ends at line 23, the logger's call is not");
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
