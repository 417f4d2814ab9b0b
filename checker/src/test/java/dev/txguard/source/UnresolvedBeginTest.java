package dev.txguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import dev.txguard.analysis.AnalysisOptions;
import dev.txguard.graph.BuildOptions;
import dev.txguard.protocol.ProtocolRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Settled detail 3 (audit only: javac needs every type): a zero-config begin whose returned type does not resolve
 * begins on its receiver only when the method ends that receiver by the same spelling; otherwise it is no begin.
 */
class UnresolvedBeginTest {
  private static final String SOURCE = """
      package p;

      import com.example.missing.Tx;

      class Dao {
        static class Db {
          Tx beginTransaction() { return null; }
          void commit() {}
          void rollback() {}
        }

        void resultIsTheHandleIsSilent(Runnable work) {
          Db db = new Db();
          Tx tx = db.beginTransaction();
          try {
            work.run();
            tx.commit();
          } catch (RuntimeException e) {
            tx.rollback();
            throw e;
          }
        }

        void receiverEndedBySameSpellingLeaks(Runnable work) {
          Db db = new Db();
          Tx tx = db.beginTransaction();
          work.run();
          db.commit();
        }
      }
      """;

  @Test
  void unresolvedReturnedTypeIsBenign() {
    SourceAnalyzer analyzer = new SourceAnalyzer(ProtocolRegistry.builtin(), BuildOptions.DEFAULT,
        AnalysisOptions.DEFAULT, new CombinedTypeSolver(new ReflectionTypeSolver()));
    List<String> found = analyzer.analyze("Dao.java", SOURCE).findings().stream()
        .map(f -> f.finding().unitName() + ":" + f.finding().at().line() + ":" + f.finding().rule().checkName())
        .toList();
    assertEquals(List.of("receiverEndedBySameSpellingLeaks():27:UncommittedTransactionOnException"), found);
  }

  /** Types declared nowhere: the zero-config names and same spellings alone (settled detail 3), matched by name. */
  private static final String UNDECLARED = """
      package p;

      import com.example.missing.Db;
      import com.example.missing.Pool;
      import com.example.missing.Tx;

      class Svc {
        void endedBySameSpellingLeaks(Pool<String> db, boolean skip) {
          db.begin();
          if (skip) return;
          db.commit();
        }

        void resultEndedLeaks(Db db, Runnable work) {
          Tx tx = db.beginTransaction();
          work.run();
          tx.commit();
        }

        void neverEndedIsNoBegin(Db db, boolean skip) {
          db.begin();
          if (skip) return;
          db.flush();
        }

        void rolledBackOnFailureIsSilent(Db db, Runnable work) {
          db.startTransaction();
          try {
            work.run();
            db.commit();
          } catch (RuntimeException e) {
            db.rollback();
            throw e;
          }
        }
      }
      """;

  @Test
  void undeclaredTypesAreMatchedByName() {
    SourceAnalyzer analyzer = new SourceAnalyzer(ProtocolRegistry.builtin(), BuildOptions.DEFAULT,
        AnalysisOptions.DEFAULT, new CombinedTypeSolver(new ReflectionTypeSolver()));
    List<SourceAnalyzer.SourceFinding> findings = analyzer.analyze("Svc.java", UNDECLARED).findings();
    assertEquals(List.of("endedBySameSpellingLeaks():10:UncommittedTransaction",
            "resultEndedLeaks():16:UncommittedTransactionOnException"),
        findings.stream().map(f -> f.finding().unitName() + ":" + f.finding().at().line() + ":"
            + f.finding().rule().checkName()).toList());
    // Each finding names only its own method's unresolved types, once each: Pool<String> is the type Pool, and
    // the simple name is not listed beside the qualified one.
    List<List<String>> notes = findings.stream()
        .map(f -> new dev.txguard.report.ReportedFinding(f.finding(), "p.Svc", f.matchedByName(), f.unresolved()))
        .map(dev.txguard.report.ReportedFinding::unresolved).toList();
    assertEquals(List.of(List.of("com.example.missing.Pool"),
        List.of("com.example.missing.Db", "com.example.missing.Tx")), notes);
    findings.forEach(f -> org.junit.jupiter.api.Assertions.assertTrue(f.matchedByName(), f.toString()));
  }
}
