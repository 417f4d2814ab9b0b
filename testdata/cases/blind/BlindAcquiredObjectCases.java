package cases.blind;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.bson.Document;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.neo4j.driver.Driver;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Acquired objects: `new`, the factory table, module factory wrappers and try-with-resources. The
 * method owns them (rule 2) unless they escape. Closes of JDBC connections and Hibernate sessions
 * end by close ([TransactionEndedByClose]); JPA's and JDBI's closes end nothing.
 */
public class BlindAcquiredObjectCases {

  /** Home-grown zero-config type; its close() closes no connection, so it ends nothing. */
  static final class LocalDb implements AutoCloseable {
    private final String url;

    LocalDb(String url) {
      this.url = url;
    }

    void begin() {}

    void commit() {}

    void rollback() {}

    void exec(String sql) {
      if (sql.isEmpty()) {
        throw new IllegalArgumentException(url);
      }
    }

    @Override
    public void close() {}
  }

  private final DataSource dataSource;
  private final EntityManagerFactory emf;
  private final SessionFactory sessionFactory;
  private final Jdbi jdbi;
  private final MongoClient mongo;
  private final MongoCollection<Document> orders;
  private final Driver driver;
  private final JedisPool pool;
  private Connection cached;

  BlindAcquiredObjectCases(
      DataSource dataSource,
      EntityManagerFactory emf,
      SessionFactory sessionFactory,
      Jdbi jdbi,
      MongoClient mongo,
      MongoCollection<Document> orders,
      Driver driver,
      JedisPool pool) {
    this.dataSource = dataSource;
    this.emf = emf;
    this.sessionFactory = sessionFactory;
    this.jdbi = jdbi;
    this.mongo = mongo;
    this.orders = orders;
    this.driver = driver;
    this.pool = pool;
  }

  private static void insert(Connection c, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into item(name) values (?)")) {
      ps.setString(1, value);
      ps.executeUpdate();
    }
  }

  /** Factory wrapper: returns an object acquired in this call and stored nowhere else. */
  private Connection newConnection() throws SQLException {
    return dataSource.getConnection();
  }

  /** Accessor: may return a cached object, so its result is borrowed (settled detail 4). */
  private Connection connection() throws SQLException {
    if (cached == null) {
      cached = dataSource.getConnection();
    }
    return cached;
  }

  // ---- JDBC DataSource ----

  void tryWithResourcesCloseOnlyEndedByClose() throws SQLException {
    // BUG: Diagnostic contains: [TransactionEndedByClose]
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      insert(c, "a");
    }
  }

  void dataSourceCommitRollbackIsClean() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        insert(c, "a");
        insert(c, "b");
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  void factoryWrapperNeverEndedLeaks() throws SQLException {
    Connection c = newConnection();
    c.setAutoCommit(false);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    insert(c, "x");
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void cachingAccessorBeginOnlyIsClean() throws SQLException {
    Connection c = connection();
    c.setAutoCommit(false);
    insert(c, "x");
  }

  // ---- JPA ----

  void createdEntityManagerClosedOnlyLeaks(Object entity) {
    EntityManager m = emf.createEntityManager();
    try {
      m.getTransaction().begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      m.persist(entity);
    } finally {
      // "EntityManager.close() does not end a resource-local JPA transaction"
      m.close();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void createdEntityManagerIsClean(Object entity) {
    EntityManager m = emf.createEntityManager();
    EntityTransaction tx = m.getTransaction();
    try {
      tx.begin();
      m.persist(entity);
      tx.commit();
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      throw e;
    } finally {
      m.close();
    }
  }

  // ---- Hibernate openSession ----

  void openSessionClosedOnlyEndedByClose(Object entity) {
    Session s = sessionFactory.openSession();
    try {
      s.beginTransaction();
      s.persist(entity);
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      s.close();
    }
  }

  Object openSessionReturnsIdLeaks(Object entity) {
    Session s = sessionFactory.openSession();
    s.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    s.persist(entity);
    Object id = s.getIdentifier(entity);
    // BUG: Diagnostic contains: [UncommittedTransaction]
    return id;
  }

  // ---- JDBI ----

  void jdbiCloseWithoutCommitLeaks() {
    Handle h = jdbi.open();
    try {
      h.begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      h.execute("update account set balance = balance - 10 where id = 1");
    } finally {
      // JDBI: "close with an open transaction is an error, not an end"
      h.close();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void jdbiTryWithResourcesIsClean() {
    try (Handle h = jdbi.open()) {
      h.begin();
      try {
        h.execute("update account set balance = balance - 10 where id = 1");
        h.execute("update account set balance = balance + 10 where id = 2");
        h.commit();
      } catch (RuntimeException e) {
        h.rollback();
        throw e;
      }
    }
  }

  // ---- MongoDB ----

  void mongoStartedSessionLeaks(Document doc) {
    ClientSession cs = mongo.startSession();
    cs.startTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    orders.insertOne(cs, doc);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void mongoTryWithResourcesIsClean(Document doc) {
    try (ClientSession cs = mongo.startSession()) {
      cs.startTransaction();
      orders.insertOne(cs, doc);
      cs.commitTransaction();
    }
  }

  // ---- Neo4j ----

  void neo4jSessionTransactionLeaks() {
    org.neo4j.driver.Session s = driver.session();
    org.neo4j.driver.Transaction tx = s.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    tx.run("CREATE (n:Node {name: 'x'})");
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void neo4jSessionCloseEndsIsClean() {
    // Settled detail 11: "Closing a Jedis or a Neo4j session ends its open transaction."
    try (org.neo4j.driver.Session s = driver.session()) {
      org.neo4j.driver.Transaction tx = s.beginTransaction();
      tx.run("MATCH (n) RETURN count(n)");
    }
  }

  // ---- Jedis ----

  void jedisPoolMultiLeaks() {
    Jedis j = pool.getResource();
    redis.clients.jedis.Transaction t = j.multi();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    t.set("order:1", "NEW");
    t.incr("orders");
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void jedisPoolTryWithResourcesIsClean() {
    try (Jedis j = pool.getResource()) {
      redis.clients.jedis.Transaction t = j.multi();
      t.set("order:1", "NEW");
      t.incr("orders");
      t.exec();
    }
  }

  // ---- new ----

  void newLocalDbLeaks() {
    LocalDb db = new LocalDb("mem:orders");
    db.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    db.exec("insert into orders values (1)");
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void newLocalDbClosedByResourceLeaks() {
    // "a close() whose body ... [does not close the underlying connection] ends nothing"
    try (LocalDb db = new LocalDb("mem:orders")) {
      db.begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      db.exec("insert into orders values (1)");
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }
}
