package cases.blind;

import io.ebean.DB;
import io.ebean.Database;
import io.ebean.Transaction;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import redis.clients.jedis.Jedis;

/**
 * Rule 3: a begin that returns a fresh handle that does not escape makes the method responsible
 * even when the receiver is borrowed (Spring, Jedis multi(), Neo4j beginTransaction, Ebean, a
 * home-grown returned handle). Also rule 1's "commit(); begin(); is a begin wrapper".
 */
@SuppressWarnings("removal") // Ebean's static DB transaction methods, deprecated for removal
public class BlindFreshHandleCases {

  interface Repository {
    void save(String name);
  }

  /** Home-grown returned handle. */
  interface Tx {
    void execute(String sql);

    void commit();

    void rollback();

    boolean isActive();
  }

  interface TxDb {
    Tx begin();
  }

  /** Home-grown fluent store: begin() begins on the receiver. */
  interface Store {
    void begin();

    void commit();

    void rollback();

    void write(String key);
  }

  private final PlatformTransactionManager txManager;
  private final Repository repo;
  private final Jedis jedis;
  private final org.neo4j.driver.Session neoSession;
  private final Database database;
  private final TxDb txDb;
  private final Store store;

  BlindFreshHandleCases(
      PlatformTransactionManager txManager,
      Repository repo,
      Jedis jedis,
      org.neo4j.driver.Session neoSession,
      Database database,
      TxDb txDb,
      Store store) {
    this.txManager = txManager;
    this.repo = repo;
    this.jedis = jedis;
    this.neoSession = neoSession;
    this.database = database;
    this.txDb = txDb;
    this.store = store;
  }

  // ---- Spring PlatformTransactionManager ----

  void springEarlyReturnLeaks(String name, int count) {
    TransactionStatus status = txManager.getTransaction(TransactionDefinition.withDefaults());
    if (count == 0) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    repo.save(name);
    txManager.commit(status);
  }

  void springRollbackInCatchIsClean(String name) {
    TransactionStatus status = txManager.getTransaction(TransactionDefinition.withDefaults());
    try {
      repo.save(name);
    } catch (RuntimeException e) {
      txManager.rollback(status);
      throw e;
    }
    txManager.commit(status);
  }

  void springIsCompletedFinallyIsClean(String name) {
    TransactionStatus status = txManager.getTransaction(TransactionDefinition.withDefaults());
    try {
      repo.save(name);
      txManager.commit(status);
    } finally {
      if (!status.isCompleted()) {
        txManager.rollback(status);
      }
    }
  }

  /** "So is a method that returns a handle it began": a begin wrapper returning a fresh handle. */
  TransactionStatus openStatusIsClean() {
    return txManager.getTransaction(TransactionDefinition.withDefaults());
  }

  void callerOfFreshSpringWrapperLeaks(String name) {
    TransactionStatus status = openStatusIsClean();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    repo.save(name);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  // ---- Jedis multi() on a borrowed Jedis ----

  void borrowedJedisMultiWithoutExecLeaks(String key) {
    redis.clients.jedis.Transaction t = jedis.multi();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    t.set(key, "1");
    t.expire(key, 60);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void borrowedJedisMultiDiscardIsClean(String key) {
    redis.clients.jedis.Transaction t = jedis.multi();
    try {
      t.set(key, "1");
      t.expire(key, 60);
      t.exec();
    } catch (RuntimeException e) {
      t.discard();
      throw e;
    }
  }

  // ---- Neo4j on a borrowed session ----

  void borrowedNeo4jSessionTransactionLeaks() {
    org.neo4j.driver.Transaction tx = neoSession.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    tx.run("MATCH (n:Stale) DETACH DELETE n");
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  // ---- Ebean ----

  void ebeanNeverEndedLeaks(Object bean) {
    Transaction t = DB.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    DB.save(bean);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void ebeanTryWithResourcesIsClean(Object bean) {
    try (Transaction t = DB.beginTransaction()) {
      DB.save(bean);
      t.commit();
    }
  }

  void ebeanStaticEndTransactionIsClean(Object bean) {
    // Settled detail 2: DB.commitTransaction()/endTransaction() end the most recently begun one.
    DB.beginTransaction();
    try {
      DB.save(bean);
      DB.commitTransaction();
    } finally {
      DB.endTransaction();
    }
  }

  void ebeanDatabaseCommitOnlyLeaks(Object bean) {
    Transaction t = database.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    database.save(bean, t);
    t.commit();
  }

  // ---- home-grown returned handle on a borrowed receiver ----

  void homeGrownHandleLeaks() {
    Tx tx = txDb.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    tx.execute("delete from session where expired = true");
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void homeGrownHandleFinallyGuardIsClean() {
    Tx tx = txDb.begin();
    try {
      tx.execute("delete from session where expired = true");
      tx.commit();
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
    }
  }

  // ---- rule 1 on a borrowed fluent receiver ----

  void checkpointIsClean() {
    // Rule 1: "an end of an earlier transaction before the begin does not count".
    store.commit();
    store.begin();
  }

  void checkpointThenConditionalCommitLeaks(boolean flush) {
    store.commit();
    store.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    store.write("checkpoint");
    if (flush) {
      store.commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }
}
