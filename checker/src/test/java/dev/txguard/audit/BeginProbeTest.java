package dev.txguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.report.AuditResult;
import dev.txguard.source.SourceAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit's begin probe rules calls out before resolving them, by the methods their receiver's type has. It must
 * over-approximate what resolving shows: a call it rules out never resolves to a method whose summary may begin.
 */
class BeginProbeTest {
  @TempDir
  Path dir;

  private final List<String> missed = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Boolean> probed = new ConcurrentHashMap<>();
  private final Map<String, Boolean> resolved = new ConcurrentHashMap<>();

  @AfterEach
  void stopObserving() {
    SourceAnalyzer.observeProbe(null);
  }

  private AuditResult audit(Path root) {
    SourceAnalyzer.observeProbe((call, line, probe, full) -> {
      String key = call + " @" + line;
      probed.put(key, probe);
      resolved.put(key, full);
      if (full && !probe) {
        missed.add(root.getFileName() + ": " + key);
      }
    });
    try {
      return new AuditRunner(new AuditOptions(List.of(root), List.of(), ProtocolRegistry.builtin(), 2, false), null)
          .run();
    } finally {
      SourceAnalyzer.observeProbe(null);
    }
  }

  @Test
  void neverRulesOutACallThatResolvesToABeginInTestdata() {
    Path testdata = Path.of(System.getProperty("txguard.testdata", "../testdata"));
    for (Path module : List.of(testdata.resolve("modules/connection-manager"), testdata.resolve("modules/session-helpers"),
        testdata.resolve("cases"))) {
      audit(module);
    }
    assertEquals(List.of(), missed);
    // Not vacuous: resolving found callees that begin, and the probe ruled some calls out.
    assertTrue(resolved.containsValue(true), resolved.toString());
    assertTrue(probed.containsValue(false), probed.toString());
  }

  @Test
  void aCallIsRuledOutByItsReceiversMethodsNotByItsName() {
    TestProjects.write(dir, "app/Tx.java", """
        package app;

        public class Tx {
          public void begin() {}
          public void commit() {}
          public void rollback() {}
        }
        """);
    TestProjects.write(dir, "app/Repo.java", """
        package app;

        public class Repo {
          private final Tx tx = new Tx();

          public void accept(Object o) {
            tx.begin();
          }
        }
        """);
    TestProjects.write(dir, "app/Printer.java", """
        package app;

        public class Printer {
          public void accept(Object o) {
            System.out.println(o);
          }

          public void accept(Object o, Object p) {
            new Repo().accept(p);
          }

          void print(Printer printer) {
            printer.accept("a");
          }

          void store(Repo repo) {
            repo.accept("a");
          }

          void inherited(Child child) {
            child.accept("b");
          }

          void deep(Repo repo) {
            level1(repo);
          }

          void level1(Repo repo) { level2(repo); }
          void level2(Repo repo) { level3(repo); }
          void level3(Repo repo) { repo.accept("c"); }

          Printer self() { return this; }
          Repo repo() { return new Repo(); }
          <T> T any(T t) { return t; }

          void chained(Repo r) {
            self().accept("x");
            repo().accept("y");
          }

          void generic(Repo r) {
            any(r).accept("z");
          }
        }
        """);
    TestProjects.write(dir, "app/Child.java", """
        package app;

        public class Child extends Repo {}
        """);
    audit(dir);
    assertEquals(List.of(), missed);
    // accept/1 may begin by name (Repo's does); Printer's own accept/1 does not.
    assertEquals(false, probed.get("printer.accept(\"a\") @13"), probed.toString());
    assertEquals(true, probed.get("repo.accept(\"a\") @17"), probed.toString());
    assertEquals(true, resolved.get("repo.accept(\"a\") @17"), resolved.toString());
    // Inherited from a module supertype.
    assertEquals(true, probed.get("child.accept(\"b\") @21"), probed.toString());
    // level1 -> level2 -> level3 -> Repo.accept: within the summaries' depth; deep() calls it at depth 4.
    assertEquals(true, probed.get("level1(repo) @25"), probed.toString());
    // A call's receiver typed by the return types of the methods it may call, not by resolving it.
    assertEquals(false, probed.get("self().accept(\"x\") @37"), probed.toString());
    assertEquals(true, probed.get("repo().accept(\"y\") @38"), probed.toString());
    // A generic method's result is typed by its arguments: not told, the index answers by name.
    assertEquals(true, probed.get("any(r).accept(\"z\") @42"), probed.toString());
    assertEquals(true, resolved.get("any(r).accept(\"z\") @42"), resolved.toString());
  }
}
