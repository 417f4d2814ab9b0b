package cases.blind;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Blind cases (session 11, round 5), written from docs/semantics.md alone: Spring's
 * PlatformTransactionManager used by hand, MyBatis SqlSessionFactory.openSession and JDBI Handle.
 *
 * Readings: the private helpers beginTx/commitTx/rollbackIfNeeded/openBatch/rollbackQuietly are
 * same-file begin and end wrappers (not case methods, plain names); the interface AccountDao has
 * no body, its method names say nothing about ending, and no handle is ever passed to it. Every
 * leaking method also ends its transaction on some path, so rule 1 alone makes it responsible.
 */
public class BlindR5SpringMyBatisJdbiCases {

  /** Module interface without bodies: its calls may throw unchecked exceptions. */
  interface AccountDao {
    void debit(long accountId, long amount);

    void credit(long accountId, long amount);

    void saveOrder(Object order);
  }

  private static final Logger LOG = Logger.getLogger("blind5");

  private final PlatformTransactionManager txManager;
  private final TransactionDefinition definition = new DefaultTransactionDefinition();
  private final AccountDao dao;
  private final SqlSessionFactory sqlSessionFactory;
  private final Jdbi jdbi;

  public BlindR5SpringMyBatisJdbiCases(
      PlatformTransactionManager txManager, AccountDao dao, SqlSessionFactory sqlSessionFactory, Jdbi jdbi) {
    this.txManager = txManager;
    this.dao = dao;
    this.sqlSessionFactory = sqlSessionFactory;
    this.jdbi = jdbi;
  }

  // ---------------------------------------------------------------- same-file helpers

  /** Begin wrapper: returns the TransactionStatus it began. */
  private TransactionStatus beginTx() {
    return txManager.getTransaction(definition);
  }

  /** End wrapper: commits its parameter. */
  private void commitTx(TransactionStatus status) {
    txManager.commit(status);
  }

  /** End wrapper guarded by the query. */
  private void rollbackIfNeeded(TransactionStatus status) {
    if (!status.isCompleted()) {
      txManager.rollback(status);
    }
  }

  /** Begins (openSession without auto-commit) and returns the fresh SqlSession, keeping it nowhere. */
  private SqlSession openBatch() {
    return sqlSessionFactory.openSession(ExecutorType.BATCH);
  }

  /** End wrapper for JDBI, guarded by the query. */
  private static void rollbackQuietly(Handle handle) {
    if (handle.isInTransaction()) {
      handle.rollback();
    }
  }

  // ---------------------------------------------------------------- Spring

  /** Textbook programmatic transaction: commit in the try, rollback and rethrow in the catch. */
  public void transferIsClean(long from, long to, long amount) {
    TransactionStatus status = txManager.getTransaction(new DefaultTransactionDefinition());
    try {
      dao.debit(from, amount);
      dao.credit(to, amount);
      txManager.commit(status);
    } catch (RuntimeException e) {
      txManager.rollback(status);
      throw e;
    }
  }

  /** Commit on the happy path only: the first DAO call can throw with the status still open. */
  public void transferWithoutRollbackLeaks(long from, long to, long amount) {
    TransactionStatus status = txManager.getTransaction(definition);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.debit(from, amount);
    dao.credit(to, amount);
    txManager.commit(status);
  }

  /** A validation return inside the try leaves the transaction open. */
  public boolean transferWithValidationLeaks(long from, long to, long amount) {
    TransactionStatus status = txManager.getTransaction(definition);
    try {
      if (amount <= 0) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return false;
      }
      dao.debit(from, amount);
      dao.credit(to, amount);
      txManager.commit(status);
      return true;
    } catch (RuntimeException e) {
      txManager.rollback(status);
      throw e;
    }
  }

  /** Same-file begin, commit and guarded rollback helpers, rollback in finally. */
  public void saveOrderThroughHelpersIsClean(Object order) {
    TransactionStatus status = beginTx();
    try {
      dao.saveOrder(order);
      commitTx(status);
    } finally {
      rollbackIfNeeded(status);
    }
  }

  /**
   * Helpers again, but only DataAccessException is caught: an unchecked exception of another type
   * from the DAO passes the catch with the transaction active.
   */
  public void saveOrderNarrowCatchLeaks(Object order) {
    TransactionStatus status = beginTx();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      dao.saveOrder(order);
      commitTx(status);
    } catch (DataAccessException e) {
      rollbackIfNeeded(status);
      throw e;
    }
  }

  /** isCompleted() guard in finally: the usual "rollback unless committed" idiom. */
  public void settleIsClean(long accountId, long amount) {
    TransactionStatus status = txManager.getTransaction(definition);
    try {
      dao.credit(accountId, amount);
      txManager.commit(status);
    } finally {
      if (!status.isCompleted()) {
        txManager.rollback(status);
      }
    }
  }

  /** One transaction per order; a skipped order continues with its transaction still open. */
  public void saveEachOrderLeaks(List<Object> orders) {
    for (Object order : orders) {
      TransactionStatus status = txManager.getTransaction(definition);
      if (order == null) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        continue;
      }
      try {
        dao.saveOrder(order);
        txManager.commit(status);
      } catch (RuntimeException e) {
        txManager.rollback(status);
        throw e;
      }
    }
  }

  // ---------------------------------------------------------------- MyBatis

  /** openSession() begins; commit in try, rollback in catch, close in finally. */
  public void insertOrderIsClean(Object order) {
    SqlSession session = sqlSessionFactory.openSession();
    try {
      session.insert("Orders.insert", order);
      session.commit();
    } catch (RuntimeException e) {
      session.rollback();
      throw e;
    } finally {
      session.close();
    }
  }

  /** openSession() begins; nothing ends the session if the update throws. */
  public void markPaidLeaks(long orderId) {
    SqlSession session = sqlSessionFactory.openSession();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    session.update("Orders.markPaid", orderId);
    session.commit();
    session.close();
  }

  /** openSession(true) requests auto-commit: no transaction is begun. */
  public int purgeAuditAutoCommitIsClean(long cutoff) {
    SqlSession session = sqlSessionFactory.openSession(true);
    int deleted = session.delete("Audit.purgeBefore", cutoff);
    session.close();
    return deleted;
  }

  /** Batch import through a same-file openSession wrapper; a null row returns early, uncommitted. */
  public int importOrdersLeaks(List<Object> orders) {
    SqlSession session = openBatch();
    try {
      int count = 0;
      for (Object order : orders) {
        if (order == null) {
          // BUG: Diagnostic contains: [UncommittedTransaction]
          return count;
        }
        session.insert("Orders.insert", order);
        count++;
      }
      session.commit();
      session.close();
      return count;
    } catch (RuntimeException e) {
      session.rollback();
      session.close();
      throw e;
    }
  }

  // ---------------------------------------------------------------- JDBI

  /** Handle from Jdbi.open() in try-with-resources; explicit begin, commit, rollback in catch. */
  public void renameUserIsClean(long id, String name) {
    try (Handle handle = jdbi.open()) {
      handle.begin();
      try {
        handle.execute("update users set name = ? where id = ?", name, id);
        handle.commit();
      } catch (RuntimeException e) {
        handle.rollback();
        throw e;
      }
    }
  }

  /** Borrowed handle, begun and committed here, but the first statement can throw while active. */
  public void moveCreditLeaks(Handle handle, long from, long to, long amount) {
    handle.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    handle.execute("update accounts set balance = balance - ? where id = ?", amount, from);
    handle.execute("update accounts set balance = balance + ? where id = ?", amount, to);
    handle.commit();
  }

  /** isInTransaction() guard through a same-file end wrapper in finally. */
  public void archiveUserIsClean(long id) {
    Handle handle = jdbi.open();
    try {
      handle.begin();
      handle.execute("insert into users_archive select * from users where id = ?", id);
      handle.execute("delete from users where id = ?", id);
      handle.commit();
    } finally {
      rollbackQuietly(handle);
      handle.close();
    }
  }

  /**
   * Retry loop that swallows the failure without rolling back: the next attempt begins again
   * while the failed transaction is active, and after the last failed attempt the method falls
   * off its end with it open.
   */
  public void bumpCounterWithRetryLeaks(long id) {
    try (Handle handle = jdbi.open()) {
      for (int attempt = 0; attempt < 3; attempt++) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        handle.begin();
        try {
          handle.execute("update counters set value = value + 1 where id = ?", id);
          handle.commit();
          return;
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "attempt failed, retrying", e);
        }
      }
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }
}
