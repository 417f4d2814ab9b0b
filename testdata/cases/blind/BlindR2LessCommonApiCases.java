package cases.blind;

import io.ebean.DB;
import io.ebean.Database;
import io.ebean.Transaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Less common protocols of the table: Spring, JTA status tests, JDBI, MyBatis auto-commit
 * arguments, Ebean, Jedis, and catch parameters (and locals assigned from them) as non-null.
 * Readings: a JDBI handle's close (also by try-with-resources) ends nothing; closing a Jedis ends
 * its MULTI (settled 11); setRollbackOnly() is no end.
 */
public class BlindR2LessCommonApiCases {

  interface OrderDao {
    void insert(Object order);
  }

  void springIsCompletedIsClean(PlatformTransactionManager txManager, OrderDao dao, Object order) {
    TransactionStatus status = txManager.getTransaction(new DefaultTransactionDefinition());
    try {
      dao.insert(order);
      txManager.commit(status);
    } finally {
      if (!status.isCompleted()) {
        txManager.rollback(status);
      }
    }
  }

  void springRollbackOnlyLeaks(PlatformTransactionManager txManager, OrderDao dao, Object order) {
    TransactionStatus status = txManager.getTransaction(new DefaultTransactionDefinition());
    try {
      dao.insert(order);
      txManager.commit(status);
    } catch (RuntimeException e) {
      status.setRollbackOnly();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw e;
    }
  }

  void springNeverEndedLeaks(PlatformTransactionManager txManager, OrderDao dao, Object order) {
    TransactionStatus status = txManager.getTransaction(TransactionDefinition.withDefaults());
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    dao.insert(order);
    if (status.isCompleted()) {
      return;
    }
  // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void jtaStatusGuardIsClean(UserTransaction utx, OrderDao dao, Object order) throws Exception {
    utx.begin();
    try {
      dao.insert(order);
      utx.commit();
    } catch (Exception e) {
      if (utx.getStatus() != Status.STATUS_NO_TRANSACTION) {
        utx.rollback();
      }
      throw e;
    }
  }

  void jtaActiveOnlyGuardLeaks(UserTransaction utx, OrderDao dao, Object order) throws Exception {
    utx.begin();
    try {
      dao.insert(order);
      utx.commit();
    } catch (Exception e) {
      if (utx.getStatus() == Status.STATUS_ACTIVE) {
        utx.rollback();
      }
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw e;
    }
  }

  void jdbiTryWithResourcesLeaks(Jdbi jdbi, String name) {
    try (Handle handle = jdbi.open()) {
      handle.begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      handle.execute("insert into account(name) values (?)", name);
      handle.commit();
    }
  }

  void jdbiIsInTransactionIsClean(Jdbi jdbi, String name) {
    Handle handle = jdbi.open();
    try {
      handle.begin();
      handle.execute("insert into account(name) values (?)", name);
      handle.commit();
    } finally {
      if (handle.isInTransaction()) {
        handle.rollback();
      }
      handle.close();
    }
  }

  void myBatisAutoCommitIsClean(SqlSessionFactory factory, Object row) {
    SqlSession session = factory.openSession(true);
    try {
      session.insert("audit.insert", row);
    } finally {
      session.close();
    }
  }

  int myBatisVariableAutoCommitIsClean(SqlSessionFactory factory, Object row, boolean autoCommit) {
    SqlSession session = factory.openSession(autoCommit);
    int count = session.insert("audit.insert", row);
    session.close();
    return count;
  }

  void myBatisManualCommitLeaks(SqlSessionFactory factory, List<Object> rows) {
    SqlSession session = factory.openSession(false);
    for (Object row : rows) {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      session.insert("audit.insert", row);
    }
    session.commit();
    session.close();
  }

  void ebeanEndInFinallyIsClean(Object customer, Object address) {
    Transaction txn = DB.beginTransaction();
    try {
      DB.save(address);
      DB.save(customer);
      txn.commit();
    } finally {
      txn.end();
    }
  }

  void ebeanDatabaseLeaks(Database database, Object customer) {
    Transaction txn = database.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    database.save(customer);
    txn.commit();
  }

  void jedisDiscardIsClean(Jedis jedis, String key) {
    redis.clients.jedis.Transaction multi = jedis.multi();
    try {
      multi.incr(key);
      multi.expire(key, 60);
      multi.exec();
    } catch (RuntimeException e) {
      multi.discard();
      throw e;
    }
  }

  void jedisDryRunLeaks(Jedis jedis, String key, boolean dryRun) {
    redis.clients.jedis.Transaction multi = jedis.multi();
    if (dryRun) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    multi.set(key, "1");
    multi.exec();
  }

  void jedisPooledIsClean(JedisPool pool, String key) {
    try (Jedis jedis = pool.getResource()) {
      redis.clients.jedis.Transaction multi = jedis.multi();
      multi.set(key, "v");
      multi.expire(key, 30);
      multi.exec();
    }
  }

  void failureFlagIsClean(EntityManager em, Runnable work) {
    EntityTransaction tx = em.getTransaction();
    RuntimeException failure = null;
    tx.begin();
    try {
      work.run();
      tx.commit();
    } catch (RuntimeException e) {
      failure = e;
    }
    if (failure != null) {
      tx.rollback();
      throw failure;
    }
  }

  boolean failureFlagLeaks(EntityManager em, Runnable work) {
    EntityTransaction tx = em.getTransaction();
    RuntimeException failure = null;
    tx.begin();
    try {
      work.run();
      tx.commit();
    } catch (RuntimeException e) {
      failure = e;
    }
    if (failure != null) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
    return true;
  }
}
