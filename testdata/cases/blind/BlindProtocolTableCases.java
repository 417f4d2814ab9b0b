package cases.blind;

import com.mongodb.MongoException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.ebean.DB;
import io.ebean.Database;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.transaction.TransactionManager;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.bson.Document;
import org.hibernate.SessionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.neo4j.driver.Driver;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import redis.clients.jedis.Jedis;

/**
 * One or more cases per API of the protocol table: javax JPA, Hibernate, JTA TransactionManager
 * (javax), Spring, MyBatis, JDBI, Jedis, MongoDB, Neo4j, Ebean.
 *
 * <p>Readings: parameters and getCurrentSession() are borrowed, so leaks on them rely on rule 1
 * (an end on some path) or rule 3 (a fresh returned handle). The table's own close ends (MyBatis,
 * Jedis, MongoDB, Neo4j, Ebean) are ends like any other, not [TransactionEndedByClose]; JDBI's
 * close with an open transaction is not an end.
 */
public class BlindProtocolTableCases {
  private static final Logger LOG = Logger.getLogger("protocols");

  private final javax.persistence.EntityManagerFactory javaxEmf;
  private final SessionFactory sessionFactory;
  private final TransactionManager tm;
  private final PlatformTransactionManager txManager;
  private final SqlSessionFactory sqlSessionFactory;
  private final Jdbi jdbi;
  private final MongoClient mongo;
  private final MongoCollection<Document> orders;
  private final Driver driver;
  private final Database database;

  public BlindProtocolTableCases(
      javax.persistence.EntityManagerFactory javaxEmf,
      SessionFactory sessionFactory,
      TransactionManager tm,
      PlatformTransactionManager txManager,
      SqlSessionFactory sqlSessionFactory,
      Jdbi jdbi,
      MongoClient mongo,
      MongoCollection<Document> orders,
      Driver driver,
      Database database) {
    this.javaxEmf = javaxEmf;
    this.sessionFactory = sessionFactory;
    this.tm = tm;
    this.txManager = txManager;
    this.sqlSessionFactory = sqlSessionFactory;
    this.jdbi = jdbi;
    this.mongo = mongo;
    this.orders = orders;
    this.driver = driver;
    this.database = database;
  }

  // ---- JPA (javax) ----

  boolean javaxRenameLeaks(long id) {
    javax.persistence.EntityManager em = javaxEmf.createEntityManager();
    javax.persistence.EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      Object found = em.find(Object.class, id);
      if (found == null) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return false;
      }
      em.merge(found);
      tx.commit();
      return true;
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    } finally {
      em.close();
    }
  }

  // ---- Hibernate ----

  void hibernateSameHandleIsClean(Object entity) {
    org.hibernate.Session session = sessionFactory.getCurrentSession();
    session.beginTransaction();
    try {
      session.persist(entity);
      // session.getTransaction() on the same session is the same handle
      session.getTransaction().commit();
    } catch (RuntimeException e) {
      session.getTransaction().rollback();
      throw e;
    }
  }

  void hibernateTxBeginSkipLeaks(Object entity, boolean skip) {
    org.hibernate.Session session = sessionFactory.getCurrentSession();
    org.hibernate.Transaction tx = session.getTransaction();
    tx.begin();
    try {
      if (skip) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      session.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  // ---- JTA TransactionManager (javax) ----

  void jtaManagerDryRunLeaks(Runnable work, boolean dryRun) throws Exception {
    tm.begin();
    try {
      work.run();
      if (dryRun) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      tm.commit();
    } catch (Exception e) {
      tm.rollback();
      throw e;
    }
  }

  // ---- Spring PlatformTransactionManager ----

  void springSkipExistingLeaks(Map<String, Object> row) {
    TransactionStatus status = txManager.getTransaction(new DefaultTransactionDefinition());
    try {
      if (row.containsKey("id")) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      row.put("id", row.size());
      txManager.commit(status);
    } catch (RuntimeException e) {
      txManager.rollback(status);
      throw e;
    }
  }

  void springIsCompletedIsClean(Map<String, Object> row) {
    TransactionStatus status = txManager.getTransaction(TransactionDefinition.withDefaults());
    try {
      row.put("id", row.size());
      txManager.commit(status);
    } finally {
      // isCompleted() true = ended
      if (!status.isCompleted()) {
        txManager.rollback(status);
      }
    }
  }

  // ---- MyBatis ----

  void mybatisCloseRollsBackIsClean(Object order) {
    try (SqlSession session = sqlSessionFactory.openSession()) {
      session.insert("Orders.insert", order);
      session.commit();
    }
  }

  boolean mybatisNoRowsLeaks(Object order) {
    SqlSession session = sqlSessionFactory.openSession();
    try {
      int n = session.insert("Orders.insert", order);
      if (n == 0) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return false;
      }
      session.commit();
      return true;
    } catch (RuntimeException e) {
      session.rollback();
      throw e;
    }
  }

  int mybatisAutoCommitIsClean(Object order) {
    // auto-commit requested: openSession(true) begins nothing
    SqlSession session = sqlSessionFactory.openSession(true);
    return session.insert("Orders.insert", order);
  }

  // ---- JDBI ----

  void jdbiCloseIsNotAnEndLeaks(String name) {
    try (Handle h = jdbi.open()) {
      h.begin();
      // closing a JDBI handle with an open transaction is an error, not an end
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      h.execute("insert into names(name) values (?)", name);
      h.commit();
    }
  }

  void jdbiIsInTransactionGuardIsClean(String name) {
    Handle h = jdbi.open();
    try {
      h.begin();
      h.execute("insert into names(name) values (?)", name);
      h.commit();
    } finally {
      if (h.isInTransaction()) {
        h.rollback();
      }
      h.close();
    }
  }

  // ---- Jedis ----

  boolean jedisReserveLeaks(Jedis jedis, String key, String value) {
    redis.clients.jedis.Transaction t = jedis.multi();
    try {
      t.set(key, value);
      if (value.isEmpty()) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return false;
      }
      t.exec();
      return true;
    } catch (RuntimeException e) {
      t.discard();
      throw e;
    }
  }

  void jedisTransactionCloseIsClean(Jedis jedis, String key) {
    try (redis.clients.jedis.Transaction t = jedis.multi()) {
      t.incr(key);
      t.expire(key, 60);
      t.exec();
    }
  }

  // ---- MongoDB ----

  void mongoSessionCloseIsClean(Document doc) {
    try (ClientSession s = mongo.startSession()) {
      s.startTransaction();
      orders.insertOne(s, doc);
      s.commitTransaction();
    }
  }

  void mongoSkipDuplicatesLeaks(ClientSession s, Document doc) {
    s.startTransaction();
    try {
      if (orders.countDocuments(s, doc) > 0) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      orders.insertOne(s, doc);
      s.commitTransaction();
    } catch (RuntimeException e) {
      if (s.hasActiveTransaction()) {
        s.abortTransaction();
      }
      throw e;
    }
  }

  void mongoImportAllLeaks(List<Document> docs) {
    ClientSession s = mongo.startSession();
    try {
      for (Document d : docs) {
        // settled detail 11: after a swallowed MongoException the transaction is still active
        // BUG: Diagnostic contains: [UncommittedTransaction]
        s.startTransaction();
        try {
          orders.insertOne(s, d);
          s.commitTransaction();
        } catch (MongoException e) {
          LOG.warning("skipping document: " + e);
        }
      }
    } finally {
      // ClientSession.close() ends an open transaction: no exceptional leak
      s.close();
    }
  }

  // ---- Neo4j ----

  void neo4jTryWithResourcesIsClean(String name) {
    try (org.neo4j.driver.Session session = driver.session();
        org.neo4j.driver.Transaction tx = session.beginTransaction()) {
      tx.run("CREATE (:Person {name: $name})", Map.of("name", name));
      tx.commit();
    }
  }

  void neo4jLinkLeaks(org.neo4j.driver.Session session, String a, String b) {
    org.neo4j.driver.Transaction tx = session.beginTransaction();
    try {
      if (a.equals(b)) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      tx.run(
          "MATCH (x:Person {name: $a}), (y:Person {name: $b}) CREATE (x)-[:KNOWS]->(y)",
          Map.of("a", a, "b", b));
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  void neo4jIsOpenGuardIsClean(org.neo4j.driver.Session session, String name) {
    org.neo4j.driver.Transaction tx = session.beginTransaction();
    try {
      tx.run("CREATE (:Person {name: $name})", Map.of("name", name));
      tx.commit();
    } finally {
      if (tx.isOpen()) {
        tx.rollback();
      }
    }
  }

  // ---- Ebean ----

  void ebeanEndInFinallyIsClean(Object bean) {
    io.ebean.Transaction txn = DB.beginTransaction();
    try {
      DB.save(bean);
      txn.commit();
    } finally {
      txn.end();
    }
  }

  void ebeanSaveAllLeaks(List<Object> beans) {
    io.ebean.Transaction txn = database.beginTransaction();
    try {
      if (beans.isEmpty()) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      for (Object b : beans) {
        database.save(b, txn);
      }
      txn.commit();
    } catch (RuntimeException e) {
      txn.rollback();
      throw e;
    }
  }
}
