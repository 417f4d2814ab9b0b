package cases.blind;

import io.ebean.DB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import javax.transaction.Status;
import javax.transaction.TransactionManager;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Details from the contract's protocol table and "Settled details" that an implementation may
 * get wrong: the most specific protocol follows the static type (a Hibernate session typed as
 * EntityManager is JPA: its close ends nothing), EntityManager.close() is no end, JTA status tests
 * on exception paths, implicit calls (string switch, concatenation, unboxing, enhanced for) are
 * not throwing points, begin results and begin receivers are non-null, setAutoCommit(true) and a
 * non-constant setAutoCommit(x) end, commit(); begin(); is a begin wrapper, closing a Jedis ends
 * its MULTI, MyBatis auto-commit sessions begin nothing, Ebean's thread transaction, home-grown
 * zero-config types whose close() ends nothing, and calls of body-less module methods judged by
 * the camel-case words of their names.
 */
public class BlindR3SettledDetailCases {

  private static final String BUMP = "update counter set n = n + 1 where id = ?";
  private static final String INSERT = "insert into event(kind) values (?)";

  private EntityManager em;
  private EntityManagerFactory emf;
  private SessionFactory sessionFactory;
  private TransactionManager tm;
  private DataSource ds;
  private Connection sharedConnection;
  private JedisPool pool;
  private SqlSessionFactory sqlSessionFactory;
  private RowOps ops;
  private Integer retries;
  private Integer maxRows;
  private List<String> tags;

  /** Home-grown key-value store: zero-config protocol; its close() closes nothing. */
  static final class KvStore implements AutoCloseable {
    KvStore begin() {
      return this;
    }

    void put(String key, String value) {
      if (key == null) {
        throw new IllegalArgumentException("key");
      }
    }

    void commit() {
    }

    void rollback() {
    }

    boolean isActive() {
      return false;
    }

    @Override
    public void close() {
    }
  }

  /** Module interface without bodies: calls are judged by their names. */
  interface RowOps {
    void copyRows(Connection c) throws SQLException;

    void finishTransaction(Connection c) throws SQLException;

    void publishRows(Connection c);
  }

  // ---------------------------------------------------------------- settled 1: static type

  public void sessionTypedAsEntityManagerLeaks(Object entity) {
    EntityManager session = sessionFactory.openSession();
    try {
      session.getTransaction().begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      session.persist(entity);
      session.getTransaction().commit();
    } finally {
      session.close();
    }
  }

  // ---------------------------------------------------------------- EntityManager.close() is no end

  public void validateOnlyClosesEntityManagerLeaks(Object entity, boolean validateOnly) {
    EntityManager own = emf.createEntityManager();
    own.getTransaction().begin();
    try {
      own.persist(entity);
      if (validateOnly) {
        own.flush();
        own.close();
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      own.getTransaction().commit();
    } catch (RuntimeException e) {
      own.getTransaction().rollback();
      throw e;
    }
    own.close();
  }

  // ---------------------------------------------------------------- JTA status on exception paths

  public void jtaActiveOrMarkedInCatchIsClean(Runnable work) throws Exception {
    tm.begin();
    try {
      work.run();
      tm.commit();
    } catch (Exception e) {
      if (tm.getStatus() == Status.STATUS_ACTIVE
          || tm.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
        tm.rollback();
      }
      throw e;
    }
  }

  public void jtaActiveOnlyInCatchLeaks(Runnable work) throws Exception {
    tm.begin();
    try {
      work.run();
      tm.commit();
    } catch (Exception e) {
      if (tm.getStatus() == Status.STATUS_ACTIVE) {
        tm.rollback();
      }
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw e;
    }
  }

  // ---------------------------------------------------------------- implicit calls do not throw

  public void implicitCallsBetweenBeginAndTryIsClean(String kind, Object entity) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    String region;
    switch (kind) {
      case "user":
        region = "users";
        break;
      case "group":
        region = "groups";
        break;
      default:
        region = "misc";
        break;
    }
    String label = "store-" + region + "-" + retries;
    int limit = maxRows;
    for (String tag : tags) {
      if (tag == null) {
        limit--;
      }
    }
    try {
      em.setProperty(label, limit);
      em.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  // ---------------------------------------------------------------- non-null after begin

  public void hibernateHandleNonNullAfterBeginIsClean(Object entity) {
    Session session = sessionFactory.getCurrentSession();
    Transaction tx = null;
    try {
      tx = session.beginTransaction();
      session.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      if (tx != null) {
        tx.rollback();
      }
      throw e;
    }
  }

  public void jdbcReceiverNonNullAfterBeginIsClean(String kind) throws SQLException {
    Connection conn = null;
    try {
      conn = ds.getConnection();
      conn.setAutoCommit(false);
      try (PreparedStatement ps = conn.prepareStatement(INSERT)) {
        ps.setString(1, kind);
        ps.executeUpdate();
      }
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      if (conn != null) {
        conn.rollback();
      }
      throw e;
    } finally {
      if (conn != null) {
        conn.close();
      }
    }
  }

  // ---------------------------------------------------------------- auto-commit ends

  public void setAutoCommitTrueInFinallyIsClean(long id) throws SQLException {
    Connection c = sharedConnection;
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(BUMP)) {
      ps.setLong(1, id);
      ps.executeUpdate();
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
  }

  public void restoreAutoCommitInFinallyIsClean(long id) throws SQLException {
    Connection c = sharedConnection;
    boolean wasAutoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(BUMP)) {
      ps.setLong(1, id);
      ps.executeUpdate();
      c.commit();
    } finally {
      c.setAutoCommit(wasAutoCommit);
    }
  }

  // ---------------------------------------------------------------- commit(); begin();

  public void commitAndRestartIsClean() {
    EntityTransaction tx = em.getTransaction();
    tx.commit();
    tx.begin();
  }

  // ---------------------------------------------------------------- Jedis

  public void jedisClosedDiscardsMultiIsClean(String key, String value, boolean dryRun) {
    try (Jedis jedis = pool.getResource()) {
      redis.clients.jedis.Transaction t = jedis.multi();
      t.set(key, value);
      t.expire(key, 60);
      if (dryRun) {
        return;
      }
      t.exec();
    }
  }

  public void jedisBorrowedMultiLeaks(Jedis jedis, String key, String value, boolean dryRun) {
    redis.clients.jedis.Transaction t = jedis.multi();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    t.set(key, value);
    if (dryRun) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    t.exec();
  }

  // ---------------------------------------------------------------- MyBatis

  public void myBatisAutoCommitSessionIsClean(Object row) {
    SqlSession session = sqlSessionFactory.openSession(true);
    session.insert("Event.insert", row);
  }

  public int myBatisBatchSessionLeaks(List<Object> rows) {
    SqlSession session = sqlSessionFactory.openSession(ExecutorType.BATCH);
    int n = 0;
    for (Object row : rows) {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      n += session.insert("Event.insert", row);
    }
    if (n == 0) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return 0;
    }
    session.commit();
    session.close();
    return n;
  }

  // ---------------------------------------------------------------- Ebean thread transaction

  public void ebeanThreadTransactionIsClean(Object a, Object b) {
    DB.beginTransaction();
    try {
      DB.save(a);
      DB.save(b);
      io.ebean.Transaction.current().commit();
    } finally {
      DB.endTransaction();
    }
  }

  public void ebeanCurrentTransactionLeaks(Object a, Object b) {
    DB.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    DB.save(a);
    if (b == null) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    DB.save(b);
    DB.currentTransaction().commit();
  }

  // ---------------------------------------------------------------- home-grown zero-config

  public void kvStoreCloseIsNoEndLeaks(String key, String value) {
    try (KvStore store = new KvStore()) {
      store.begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      store.put(key, value);
      store.commit();
    }
  }

  public void kvStoreGuardedRollbackIsClean(String key, String value) {
    KvStore store = new KvStore();
    store.begin();
    try {
      store.put(key, value);
      store.commit();
    } finally {
      if (store.isActive()) {
        store.rollback();
      }
    }
  }

  // ---------------------------------------------------------------- body-less module methods by name

  public void finishByNameIsClean() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    try {
      ops.copyRows(c);
    } finally {
      ops.finishTransaction(c);
    }
  }

  public void publishIsNoEndLeaks() throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      ops.copyRows(c);
    } finally {
      ops.publishRows(c);
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }
}
