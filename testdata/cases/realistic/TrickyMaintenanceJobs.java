// Realistic maintenance jobs probing harder paths across APIs. Leaks: Hibernate ACTIVE-only test
// through a local status variable, JDBC prepareStatement in a try-with-resources header whose
// catch only handles SQLException, throw of an uncaught type inside a narrow catch, checked
// IOException from close() in a finally before the guarded rollback, begin on one
// EntityManager but commit on another (copy-paste), labelled break out of nested loops.
// Clean: JTA switch on getStatus() covering ACTIVE and MARKED_ROLLBACK, Hibernate != COMMITTED
// guard, correlated useTx flag with a query result stored in a local, JDBC "join or start"
// auto-commit idiom, Spring status null-initialised before try, switch expression yield after
// commit, begin only in one branch.
package cases.realistic;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.transaction.Status;
import javax.transaction.TransactionManager;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.resource.transaction.spi.TransactionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

public class TrickyMaintenanceJobs {

  private static final Logger log = LoggerFactory.getLogger(TrickyMaintenanceJobs.class);

  static class Row {
    long id;
    String value;
  }

  interface Config {
    boolean isTransactional();
  }

  interface Cleaner {
    void clean(long id);

    int vacuum(String table);
  }

  private final SessionFactory sessionFactory;
  private final EntityManagerFactory emf;
  private final EntityManager em;
  private final TransactionManager tm;
  private final PlatformTransactionManager txManager;
  private final Config config;
  private final Cleaner cleaner;

  public TrickyMaintenanceJobs(
      SessionFactory sessionFactory,
      EntityManagerFactory emf,
      EntityManager em,
      TransactionManager tm,
      PlatformTransactionManager txManager,
      Config config,
      Cleaner cleaner) {
    this.sessionFactory = sessionFactory;
    this.emf = emf;
    this.em = em;
    this.tm = tm;
    this.txManager = txManager;
    this.config = config;
    this.cleaner = cleaner;
  }

  public void purgeOrphansEndedByClose(List<Long> ids) {
    Session session = sessionFactory.openSession();
    Transaction tx = session.beginTransaction();
    try {
      for (Long id : ids) {
        cleaner.clean(id);
      }
      tx.commit();
    } finally {
      TransactionStatus status = tx.getStatus();
      if (status == TransactionStatus.ACTIVE) {
        tx.rollback();
      }
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      session.close();
    }
  }

  public void purgeOrphansIsClean(List<Long> ids) {
    Session session = sessionFactory.openSession();
    Transaction tx = session.beginTransaction();
    try {
      for (Long id : ids) {
        cleaner.clean(id);
      }
      tx.commit();
    } finally {
      if (tx.getStatus() != TransactionStatus.COMMITTED) {
        tx.rollback();
      }
      session.close();
    }
  }

  public void vacuumAllIsClean(List<String> tables) throws Exception {
    tm.begin();
    try {
      for (String table : tables) {
        int freed = cleaner.vacuum(table);
        log.info("vacuumed {} ({} pages)", table, freed);
      }
      tm.commit();
    } catch (Exception e) {
      switch (tm.getStatus()) {
        case Status.STATUS_ACTIVE:
        case Status.STATUS_MARKED_ROLLBACK:
          tm.rollback();
          break;
        default:
          log.warn("transaction already finished: {}", tm.getStatus());
      }
      throw e;
    }
  }

  public void truncateStaleRowsLeaks(Connection conn, long before) throws SQLException {
    conn.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    try (PreparedStatement ps = conn.prepareStatement("delete from stale where ts < ?")) {
      ps.setLong(1, before);
      ps.executeUpdate();
      conn.commit();
    } catch (SQLException e) {
      conn.rollback();
      throw e;
    }
  }

  public void validateAndFixLeaks(long id, String value) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      if (value == null) {
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        throw new IllegalStateException("value missing for " + id);
      }
      Row row = em.find(Row.class, id);
      row.value = value.trim();
      tx.commit();
    } catch (IllegalArgumentException e) {
      tx.rollback();
      throw e;
    }
  }

  public void dumpAndDeleteLeaks(Path target, List<Long> ids) throws IOException {
    Writer out = Files.newBufferedWriter(target);
    EntityManager local = emf.createEntityManager();
    EntityTransaction tx = local.getTransaction();
    tx.begin();
    try {
      for (Long id : ids) {
        Row row = local.find(Row.class, id);
        out.write(row.id + ";" + row.value + "\n");
        local.remove(row);
      }
      tx.commit();
    } finally {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      out.close();
      if (tx.isActive()) {
        tx.rollback();
      }
    }
  }

  public void copyPasteCommitLeaks(Row row) {
    EntityManager local = emf.createEntityManager();
    local.getTransaction().begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    local.merge(row);
    em.getTransaction().commit();
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public int scanGridLeaks(Connection conn, int[][] grid) throws SQLException {
    int found = 0;
    outer:
    for (int[] line : grid) {
      conn.setAutoCommit(false);
      for (int cell : line) {
        if (cell < 0) {
          // BUG: Diagnostic contains: [UncommittedTransaction]
          break outer;
        }
        found += cell;
      }
      conn.commit();
    }
    return found;
  }

  public void maybeTransactionalIsClean(Row row) {
    boolean useTx = config.isTransactional();
    if (useTx) {
      em.getTransaction().begin();
    }
    try {
      em.merge(row);
      if (useTx) {
        em.getTransaction().commit();
      }
    } catch (RuntimeException e) {
      if (useTx) {
        em.getTransaction().rollback();
      }
      throw e;
    }
  }

  public void joinOrStartIsClean(Connection conn, long id) throws SQLException {
    boolean startedHere = conn.getAutoCommit();
    if (startedHere) {
      conn.setAutoCommit(false);
    }
    try {
      cleaner.clean(id);
      if (startedHere) {
        conn.commit();
      }
    } catch (RuntimeException e) {
      if (startedHere) {
        conn.rollback();
      }
      throw e;
    } finally {
      if (startedHere) {
        conn.setAutoCommit(true);
      }
    }
  }

  public void springNullInitialisedIsClean(long id) {
    org.springframework.transaction.TransactionStatus status = null;
    try {
      status = txManager.getTransaction(TransactionDefinition.withDefaults());
      cleaner.clean(id);
      txManager.commit(status);
    } catch (RuntimeException e) {
      if (status != null && !status.isCompleted()) {
        txManager.rollback(status);
      }
      throw e;
    }
  }

  public String vacuumByModeIsClean(String mode, String table) {
    EntityTransaction tx = em.getTransaction();
    return switch (mode) {
      case "full" -> {
        tx.begin();
        try {
          int freed = cleaner.vacuum(table);
          tx.commit();
          yield "freed " + freed;
        } catch (RuntimeException e) {
          tx.rollback();
          throw e;
        }
      }
      case "dry" -> "dry run";
      default -> "unknown mode " + mode;
    };
  }

  public void onlyWhenDirtyIsClean(Row row, boolean dirty) {
    if (!dirty) {
      log.debug("row {} unchanged", row.id);
      return;
    }
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      em.merge(row);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }
}
