package dev.txguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.report.AuditResult;
import dev.txguard.report.RuleSelection;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jPOS-EE's shape, audited as users audit it: a {@code DB} helper in one file wraps a Hibernate session, callers in
 * another, no Hibernate jar. Two things Error Prone gets from the jar and the audit must get from the sources:
 * try-with-resources calls {@code DB.close()}, a closer (its close ends the transaction as an explicit close does),
 * also when what it declares to throw, or the class it extends, does not resolve;
 * and {@code Transaction tx = db.beginTransaction()} begins on the returned {@code Transaction} when the method commits
 * or rolls back {@code tx} (the zero-config row; settled detail 3 when the returned type is known by name only).
 */
class HelperTypeWithoutJarsTest {
  private static final String DB = """
      package repo;

      import org.hibernate.HibernateException;
      import org.hibernate.Session;
      import org.hibernate.SessionFactory;
      import org.hibernate.Transaction;

      public class DB extends org.jpos.util.SimpleLogSource implements AutoCloseable {
        private static SessionFactory factory;
        private Session session;

        public Session open() {
          if (session == null) {
            session = factory.openSession();
          }
          return session;
        }

        public Transaction beginTransaction() {
          return session.beginTransaction();
        }

        public void commit() {
          session.getTransaction().commit();
        }

        public void rollback() {
          session.getTransaction().rollback();
        }

        @Override
        public synchronized void close() throws HibernateException {
          if (session != null) {
            session.close();
            session = null;
          }
        }
      }
      """;

  private static final String CALLERS = """
      package repo;

      import org.hibernate.Transaction;

      public class Callers {
        boolean removeEndedByClose(String id) {
          try (DB db = new DB()) {
            db.open();
            db.beginTransaction();
            if (id == null) {
              return false;
            }
            db.open().remove(id);
            db.commit();
            return true;
          }
        }

        void renameLeaks(DB db, String id) {
          Transaction tx = db.beginTransaction();
          db.open().merge(id);
          tx.commit();
        }

        void renameIsClean(DB db, String id) {
          Transaction tx = db.beginTransaction();
          try {
            db.open().merge(id);
            tx.commit();
          } catch (RuntimeException e) {
            tx.rollback();
            throw e;
          }
        }

        private final DB held = new DB();

        void statusEndedByClose(String id) {
          try {
            held.open();
            Transaction tx = held.beginTransaction();
            held.open().merge(id);
            tx.commit();
          } finally {
            close();
          }
        }

        private void close() {
          try {
            held.close();
          } catch (org.hibernate.HibernateException e) {
            System.err.println(e.getMessage());
          }
        }
      }
      """;

  @TempDir
  Path dir;

  private TreeSet<String> findings(RuleSelection rules) {
    TestProjects.write(dir, "repo/DB.java", DB);
    TestProjects.write(dir, "repo/Callers.java", CALLERS);
    AuditOptions options = new AuditOptions(List.of(dir), List.of(), ProtocolRegistry.builtin(), 1, false);
    AuditResult r = new AuditRunner(rules == null ? options : options.withRules(rules), null).run();
    TreeSet<String> out = new TreeSet<>();
    r.findings().forEach(l -> out.add(l.finding().finding().at().line() + " " + l.finding().finding().rule().checkName()));
    return out;
  }

  @Test
  void defaultRulesFindOnlyTheLeakThroughTheReturnedHandle() {
    assertEquals(new TreeSet<>(List.of("21 UncommittedTransactionOnException")), findings(null));
  }

  @Test
  void theResourceCloseIsTheCloseThatEndsTheEarlyReturn() {
    assertEquals(new TreeSet<>(List.of("21 UncommittedTransactionOnException", "7 TransactionEndedByClose",
        "45 TransactionEndedByClose")), findings(RuleSelection.all()));
  }

  /**
   * jPOS-EE's Heartbeat: {@code finally { close(); }} through a private wrapper around {@code DB.close()}, which
   * declares {@code throws HibernateException}: without the jar the solver gives up on {@code held.close()}, and the
   * module type's only {@code close()} is the callee (a closer), as Error Prone resolves it. (Before: no callee, the
   * close ended nothing, and an exception finding Error Prone does not give.)
   */
  @Test
  void aCloserWhoseThrownTypeIsMissingStillCloses() {
    assertEquals(List.of(), findings(null).stream().filter(f -> !f.startsWith("21 ")).toList());
  }
}
