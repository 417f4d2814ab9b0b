package dev.txguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import com.google.errorprone.CompilationTestHelper;
import dev.txguard.analysis.AnalysisOptions;
import dev.txguard.graph.BuildOptions;
import dev.txguard.javac.UncommittedTransaction;
import dev.txguard.javac.UncommittedTransactionOnException;
import dev.txguard.protocol.ProtocolFileException;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.protocol.UserProtocols;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol file's {@code acquire} entry (semantics: the ownership table's last row): a method named there returns an
 * object its caller acquired, so a transaction begun on it is the caller's own (rule 2), in both front ends. Without
 * the entry the same object is borrowed and the method is a begin wrapper.
 */
class AcquireEntryTest {
  @TempDir Path dir;

  /** One source, with the markers the entry makes true; without the entry none of them holds. */
  private static final String SOURCE = """
      package t;

      class Conn {
        public void begin() {}
        public void commit() {}
        public void rollback() {}
      }

      class Pool {
        public Conn borrow() { return null; }
        public static Conn open() { return null; }
      }

      class C {
        Pool pool;

        void borrowedBeginLeaks(boolean x) {
          Conn c = pool.borrow();
          c.begin();
          if (x) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            return;
          }
          // BUG: Diagnostic contains: [UncommittedTransaction]
        }

        void staticOpenBeginLeaks() {
          Conn c = Pool.open();
          c.begin();
          // BUG: Diagnostic contains: [UncommittedTransaction]
        }

        void committedOrRolledBackIsClean(Runnable work) {
          Conn c = pool.borrow();
          c.begin();
          try {
            work.run();
            c.commit();
          } catch (RuntimeException e) {
            c.rollback();
            throw e;
          }
        }

        Conn handedToTheCallerIsClean() {
          Conn c = pool.borrow();
          c.begin();
          return c;
        }
      }
      """;

  private static final String ENTRIES = "[acquire]\nmethods = t.Pool.borrow\n[unit]\ntype = t.Conn\nbegin = begin\n"
      + "end = commit, rollback\nacquire = t.Pool.open\n";

  private static final List<String> MARKED = List.of("borrowedBeginLeaks():22:UncommittedTransaction",
      "borrowedBeginLeaks():25:UncommittedTransaction", "staticOpenBeginLeaks():31:UncommittedTransaction");

  @Test
  void errorProneFindsWhatTheEntryMakesTheCallersOwn() throws IOException {
    Path file = dir.resolve("protocols.txt");
    Files.writeString(file, ENTRIES);
    CompilationTestHelper.newInstance(UncommittedTransaction.class, getClass())
        .setArgs("-XepOpt:Txguard:Protocols=" + file)
        .addSourceLines("t/C.java", SOURCE)
        .doTest();
  }

  @Test
  void errorProneWithoutTheEntryIsSilent() {
    CompilationTestHelper.newInstance(UncommittedTransactionOnException.class, getClass())
        .addSourceLines("t/C.java", SOURCE.replaceAll("// BUG: Diagnostic contains: .*", ""))
        .doTest();
    CompilationTestHelper.newInstance(UncommittedTransaction.class, getClass())
        .addSourceLines("t/C.java", SOURCE.replaceAll("// BUG: Diagnostic contains: .*", ""))
        .doTest();
  }

  @Test
  void theAuditFindsTheSame() throws ProtocolFileException {
    ProtocolRegistry registry = ProtocolRegistry.withUserProtocols(UserProtocols.parse("protocols.txt", ENTRIES), true);
    assertEquals(MARKED, audit(registry));
  }

  @Test
  void theAuditWithoutTheEntryIsSilent() {
    assertEquals(List.of(), audit(ProtocolRegistry.builtin()));
  }

  @Test
  void anEntryIsTypeDotMethod() {
    ProtocolFileException e = assertThrows(ProtocolFileException.class,
        () -> UserProtocols.parse("p.txt", "[acquire]\nmethods = borrow\n"));
    assertTrue(e.getMessage().contains("p.txt:2: [acquire] methods takes Type.method"), e.getMessage());
    e = assertThrows(ProtocolFileException.class, () -> UserProtocols.parse("p.txt", "[acquire]\nacquire = a.B.c\n"));
    assertTrue(e.getMessage().contains("p.txt:2: unknown key 'acquire' in [acquire]; known keys: methods"),
        e.getMessage());
  }

  private static List<String> audit(ProtocolRegistry registry) {
    SourceAnalyzer analyzer = new SourceAnalyzer(registry, BuildOptions.DEFAULT, AnalysisOptions.DEFAULT,
        new CombinedTypeSolver(new ReflectionTypeSolver()));
    return analyzer.analyze("C.java", SOURCE).findings().stream()
        .map(f -> f.finding().unitName() + ":" + f.finding().at().line() + ":" + f.finding().rule().checkName())
        .toList();
  }
}
