package cases.blind;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.ebean.DB;
import io.ebean.Database;
import io.ebean.Transaction;
import java.util.List;
import org.bson.Document;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Values;
import redis.clients.jedis.Jedis;

/**
 * Blind cases (session 11, round 5), written from docs/semantics.md alone: Ebean, MongoDB
 * ClientSession, the Neo4j driver's unmanaged transactions and Jedis MULTI.
 *
 * Readings: Ebean's, Neo4j's and Jedis' Transaction are fresh handles (rule 3), and every leaking
 * method also ends its transaction on some path (rule 1). Borrowed Mongo/Neo4j sessions and Jedis
 * connections are parameters that this code never closes, so no close ends anything here.
 */
public class BlindR5EbeanMongoNeo4jJedisCases {

  private final Database database;
  private final MongoClient mongoClient;
  private final MongoCollection<Document> orders;
  private final MongoCollection<Document> inventory;
  private final Driver driver;

  public BlindR5EbeanMongoNeo4jJedisCases(
      Database database,
      MongoClient mongoClient,
      MongoCollection<Document> orders,
      MongoCollection<Document> inventory,
      Driver driver) {
    this.database = database;
    this.mongoClient = mongoClient;
    this.orders = orders;
    this.inventory = inventory;
    this.driver = driver;
  }

  // ---------------------------------------------------------------- Ebean

  /** Ebean's recommended shape: try-with-resources on the transaction, commit at the end. */
  public void approveInvoiceIsClean(long invoiceId) {
    try (Transaction txn = DB.beginTransaction()) {
      DB.sqlUpdate("update invoice set status = 'APPROVED' where id = ?")
          .setParameter(1, invoiceId)
          .execute();
      txn.commit();
    }
  }

  /** database.beginTransaction() with commit in try and end() in finally. */
  public void closeAccountIsClean(long accountId) {
    Transaction txn = database.beginTransaction();
    try {
      database.sqlUpdate("update account set closed = true where id = ?")
          .setParameter(1, accountId)
          .execute();
      txn.commit();
    } finally {
      txn.end();
    }
  }

  /** Commit with no finally or catch: the update can throw with the transaction active. */
  public void recordPaymentLeaks(long invoiceId, long amount) {
    Transaction txn = DB.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    DB.sqlUpdate("update invoice set paid = paid + ? where id = ?").setParameters(amount, invoiceId).execute();
    txn.commit();
  }

  /** Rollback in the catch, but an early return for an empty batch skips both ends. */
  public int bulkTagLeaks(List<Long> ids, String tag) {
    Transaction txn = database.beginTransaction();
    try {
      txn.setBatchSize(100);
      if (ids == null) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return 0;
      }
      int updated = 0;
      for (Long id : ids) {
        updated += database.sqlUpdate("update item set tag = ? where id = ?")
            .setParameter(1, tag)
            .setParameter(2, id)
            .execute();
      }
      txn.commit();
      return updated;
    } catch (RuntimeException e) {
      txn.rollback();
      throw e;
    }
  }

  /** Thread transaction: begun with DB, committed through DB.currentTransaction(), ended in finally. */
  public void renameCustomerIsClean(long customerId, String name) {
    DB.beginTransaction();
    try {
      DB.sqlUpdate("update customer set name = ? where id = ?")
          .setParameter(1, name)
          .setParameter(2, customerId)
          .execute();
      DB.currentTransaction().commit();
    } finally {
      DB.endTransaction();
    }
  }

  // ---------------------------------------------------------------- MongoDB

  /** Session from startSession() in try-with-resources, commit or abort on every path. */
  public void placeOrderIsClean(Document order, String sku) {
    try (ClientSession session = mongoClient.startSession()) {
      session.startTransaction();
      try {
        orders.insertOne(session, order);
        inventory.updateOne(session, Filters.eq("sku", sku), Updates.inc("stock", -1));
        session.commitTransaction();
      } catch (RuntimeException e) {
        session.abortTransaction();
        throw e;
      }
    }
  }

  /** Borrowed session, committed on the happy path only. */
  public void moveStockLeaks(ClientSession session, String fromSku, String toSku) {
    session.startTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    inventory.updateOne(session, Filters.eq("sku", fromSku), Updates.inc("stock", -1));
    inventory.updateOne(session, Filters.eq("sku", toSku), Updates.inc("stock", 1));
    session.commitTransaction();
  }

  /** Abort in the catch, but the "already cancelled" return leaves the transaction running. */
  public boolean cancelOrderLeaks(ClientSession session, String orderId) {
    session.startTransaction();
    try {
      Document existing = orders.find(session, Filters.eq("_id", orderId)).first();
      if (existing == null) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return false;
      }
      orders.updateOne(session, Filters.eq("_id", orderId), Updates.set("status", "CANCELLED"));
      session.commitTransaction();
      return true;
    } catch (RuntimeException e) {
      session.abortTransaction();
      throw e;
    }
  }

  /** hasActiveTransaction() guard in finally aborts whatever was not committed. */
  public void restockIsClean(String sku, int quantity) {
    ClientSession session = mongoClient.startSession();
    try {
      session.startTransaction();
      inventory.updateOne(session, Filters.eq("sku", sku), Updates.inc("stock", quantity));
      session.commitTransaction();
    } finally {
      if (session.hasActiveTransaction()) {
        session.abortTransaction();
      }
      session.close();
    }
  }

  // ---------------------------------------------------------------- Neo4j

  /** Unmanaged transaction with an isOpen() guard in finally. */
  public void createUserIsClean(String name) {
    Session session = driver.session();
    org.neo4j.driver.Transaction tx = session.beginTransaction();
    try {
      tx.run("CREATE (u:User {name: $name})", Values.parameters("name", name));
      tx.commit();
    } finally {
      if (tx.isOpen()) {
        tx.rollback();
      }
      session.close();
    }
  }

  /** Borrowed session, unmanaged transaction committed on the happy path only. */
  public void followLeaks(Session session, String from, String to) {
    String cypher = "MATCH (a:User {name: $from}), (b:User {name: $to}) CREATE (a)-[:FOLLOWS]->(b)";
    org.neo4j.driver.Transaction tx = session.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    tx.run(cypher, Values.parameters("from", from, "to", to));
    tx.commit();
  }

  /** Rollback in the catch, but the not-found return leaves the transaction open. */
  public String findEmailLeaks(Session session, String name) {
    org.neo4j.driver.Transaction tx = session.beginTransaction();
    try {
      Result result = tx.run("MATCH (u:User {name: $name}) RETURN u.email AS email",
          Values.parameters("name", name));
      if (!result.hasNext()) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return null;
      }
      Record row = result.next();
      String email = row.get("email").asString();
      tx.commit();
      return email;
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  // ---------------------------------------------------------------- Jedis

  /** MULTI on a borrowed connection, DISCARD when queuing fails, EXEC returned. */
  public List<Object> incrementWithTtlIsClean(Jedis jedis, String key) {
    redis.clients.jedis.Transaction multi = jedis.multi();
    try {
      multi.incr(key);
      multi.expire(key, 60L);
      return multi.exec();
    } catch (RuntimeException e) {
      multi.discard();
      throw e;
    }
  }

  /** MULTI without DISCARD: a failing SET leaves the connection in MULTI state. */
  public void indexValueLeaks(Jedis jedis, String key, String value) {
    redis.clients.jedis.Transaction multi = jedis.multi();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    multi.set(key, value);
    multi.sadd("index", key);
    multi.exec();
  }

  /** The quantity check comes after MULTI and returns without EXEC or DISCARD. */
  public boolean reserveLeaks(Jedis jedis, String key, int quantity) {
    redis.clients.jedis.Transaction multi = jedis.multi();
    if (quantity <= 0) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
    try {
      multi.decrBy(key, quantity);
      multi.exec();
      return true;
    } catch (RuntimeException e) {
      multi.discard();
      throw e;
    }
  }
}
