package cases.blind;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.OptimisticLockException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;

/**
 * Switch statements and expressions, retry loops and begin-again (settled detail 11).
 *
 * <p>Readings: {@code ledger} is a home-grown zero-config type (no-arg begin/commit/rollback,
 * boolean isActive()); it and {@code em} are fields, so each method here ends the transaction on
 * some path (rule 1). Pattern switches are left out: they are a preview feature in Java 17.
 */
public class BlindSwitchAndLoopCases {
  private static final Logger LOG = Logger.getLogger("ledger");

  static final class Ledger {
    private int depth;
    private long balance;

    void begin() {
      depth++;
    }

    void commit() {
      depth = 0;
    }

    void rollback() {
      depth = 0;
    }

    boolean isActive() {
      return depth > 0;
    }

    void post(String account, long cents) {
      if (account.isEmpty()) {
        throw new IllegalArgumentException("no account");
      }
      balance += cents;
    }
  }

  enum Op {
    CREDIT,
    DEBIT,
    REVERSE
  }

  private final Ledger ledger;
  private final EntityManager em;

  public BlindSwitchAndLoopCases(Ledger ledger, EntityManager em) {
    this.ledger = ledger;
    this.em = em;
  }

  void applyWithoutDefaultLeaks(Op op, long cents) {
    ledger.begin();
    try {
      switch (op) {
        case CREDIT:
          ledger.post("cash", cents);
          ledger.commit();
          break;
        case DEBIT:
          ledger.post("cash", -cents);
          ledger.commit();
          break;
        case REVERSE:
          ledger.rollback();
          break;
      }
    } catch (RuntimeException e) {
      ledger.rollback();
      throw e;
    }
    // a switch statement without default has a path on which no case matches
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void applyWithDefaultIsClean(Op op, long cents) {
    ledger.begin();
    try {
      switch (op) {
        case CREDIT:
          ledger.post("cash", cents);
          ledger.commit();
          break;
        case DEBIT:
          ledger.post("cash", -cents);
          ledger.commit();
          break;
        default:
          // caught below and rolled back
          throw new IllegalArgumentException("unsupported " + op);
      }
    } catch (RuntimeException e) {
      if (ledger.isActive()) {
        ledger.rollback();
      }
      throw e;
    }
  }

  void applyArrowWithoutDefaultLeaks(Op op, long cents) {
    ledger.begin();
    try {
      switch (op) {
        case CREDIT -> {
          ledger.post("cash", cents);
          ledger.commit();
        }
        case DEBIT -> {
          ledger.post("cash", -cents);
          ledger.commit();
        }
        case REVERSE -> ledger.rollback();
      }
    } catch (RuntimeException e) {
      ledger.rollback();
      throw e;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  long applyExpressionIsClean(Op op, long cents) {
    ledger.begin();
    try {
      // a switch expression has no no-match path
      return switch (op) {
        case CREDIT -> {
          ledger.post("cash", cents);
          ledger.commit();
          yield cents;
        }
        case DEBIT -> {
          ledger.post("cash", -cents);
          ledger.commit();
          yield -cents;
        }
        case REVERSE -> {
          ledger.rollback();
          yield 0L;
        }
      };
    } catch (RuntimeException e) {
      if (ledger.isActive()) {
        ledger.rollback();
      }
      throw e;
    }
  }

  int purgeYieldLeaks(Op op, List<String> accounts) {
    int purged =
        switch (op) {
          case REVERSE -> {
            ledger.begin();
            try {
              if (accounts.isEmpty()) {
                // BUG: Diagnostic contains: [UncommittedTransaction]
                yield 0;
              }
              for (String a : accounts) {
                ledger.post(a, 0);
              }
              ledger.commit();
            } catch (RuntimeException e) {
              ledger.rollback();
              throw e;
            }
            yield accounts.size();
          }
          default -> 0;
        };
    return purged;
  }

  void settleFallThroughIsClean(Op op, long cents) {
    ledger.begin();
    try {
      switch (op) {
        case CREDIT:
          ledger.post("fees", cents);
          // fall through
        case DEBIT:
          ledger.post("cash", cents);
          ledger.commit();
          break;
        default:
          ledger.rollback();
      }
    } catch (RuntimeException e) {
      if (ledger.isActive()) {
        ledger.rollback();
      }
      throw e;
    }
  }

  void commandWithoutDefaultLeaks(String command) {
    ledger.begin();
    try {
      ledger.post("audit", 1);
    } catch (RuntimeException e) {
      ledger.rollback();
      throw e;
    }
    switch (command) {
      case "commit":
        ledger.commit();
        break;
      case "rollback":
        ledger.rollback();
        break;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void retryOptimisticLeaks(Object entity) {
    EntityTransaction tx = em.getTransaction();
    for (int attempt = 0; attempt < 3; attempt++) {
      // after a swallowed failure the transaction is still active here
      // BUG: Diagnostic contains: [UncommittedTransaction]
      tx.begin();
      try {
        // an unchecked exception of unknown type may pass the narrower catch
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        em.merge(entity);
        tx.commit();
        return;
      } catch (OptimisticLockException e) {
        LOG.warning("retrying after " + e);
      }
    }
    throw new IllegalStateException("gave up");
  }

  void retryOptimisticIsClean(Object entity) {
    EntityTransaction tx = em.getTransaction();
    for (int attempt = 0; attempt < 3; attempt++) {
      tx.begin();
      try {
        em.merge(entity);
        tx.commit();
        return;
      } catch (RuntimeException e) {
        if (tx.isActive()) {
          tx.rollback();
        }
        if (!(e instanceof OptimisticLockException)) {
          throw e;
        }
        LOG.warning("retrying after " + e);
      }
    }
    throw new IllegalStateException("gave up after 3 attempts");
  }

  void postEachSwallowingLeaks(List<String> accounts) {
    for (String account : accounts) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      ledger.begin();
      try {
        ledger.post(account, 1);
        ledger.commit();
      } catch (RuntimeException e) {
        LOG.warning("skipping " + account + ": " + e);
      }
    }
    // the last swallowed failure leaves the transaction active
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void jdbcRetryWithoutRollbackIsClean(Connection c, String row) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      // for JDBC, setAutoCommit(false) while already in a transaction is harmless
      c.setAutoCommit(false);
      try {
        insert(c, row);
        c.commit();
        return;
      } catch (SQLException | RuntimeException e) {
        if (attempt >= 3) {
          c.rollback();
          throw e;
        }
      }
    }
  }

  void jdbcSkipBlankRowsLeaks(Connection c, List<String> rows) throws SQLException {
    for (String row : rows) {
      c.setAutoCommit(false);
      try {
        if (row.isBlank()) {
          // BUG: Diagnostic contains: [UncommittedTransaction]
          continue;
        }
        insert(c, row);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static void insert(Connection c, String row) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into rows(v) values (?)")) {
      ps.setString(1, row);
      ps.executeUpdate();
    }
  }
}
