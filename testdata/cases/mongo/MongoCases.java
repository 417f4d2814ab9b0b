// Covers: MongoDB sync driver ClientSession: startTransaction(..) begins on the receiver;
// commitTransaction(), abortTransaction() and close() end; hasActiveTransaction() is the query.
// Leaks: early return, exception escaping (passing the session to insertOne is not a hand-off:
// no end word), never ended on a local session, startTransaction(options). Clean: abort in catch,
// hasActiveTransaction() guard in finally, close in finally, try-with-resources (with and without
// commit), withTransaction(body).
package cases.mongo;

import com.mongodb.TransactionOptions;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

public class MongoCases {

  private final MongoClient client;
  private final ClientSession session;
  private final MongoCollection<Document> orders;

  public MongoCases(MongoClient client, ClientSession session, MongoCollection<Document> orders) {
    this.client = client;
    this.session = session;
    this.orders = orders;
  }

  public void earlyReturnLeaks(boolean skip) {
    session.startTransaction();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    session.commitTransaction();
  }

  public void exceptionEscapesLeaks(Document order) {
    session.startTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    orders.insertOne(session, order);
    session.commitTransaction();
  }

  public void neverEndedOnLocalSessionLeaks(Document order) {
    ClientSession cs = client.startSession();
    cs.startTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    orders.insertOne(cs, order);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void startTransactionWithOptionsLeaks(TransactionOptions options, boolean skip) {
    session.startTransaction(options);
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    session.abortTransaction();
  }

  public void abortInCatchIsClean(Document order) {
    session.startTransaction();
    try {
      orders.insertOne(session, order);
      session.commitTransaction();
    } catch (RuntimeException e) {
      session.abortTransaction();
      throw e;
    }
  }

  public void hasActiveTransactionGuardInFinallyIsClean(Document order) {
    session.startTransaction();
    try {
      orders.insertOne(session, order);
      session.commitTransaction();
    } finally {
      if (session.hasActiveTransaction()) {
        session.abortTransaction();
      }
    }
  }

  public void closeInFinallyIsClean(Document order) {
    ClientSession cs = client.startSession();
    try {
      cs.startTransaction();
      orders.insertOne(cs, order);
      cs.commitTransaction();
    } finally {
      cs.close();
    }
  }

  public void tryWithResourcesWithCommitIsClean(Document order) {
    try (ClientSession cs = client.startSession()) {
      cs.startTransaction();
      orders.insertOne(cs, order);
      cs.commitTransaction();
    }
  }

  public void tryWithResourcesWithoutCommitIsClean(Document order) {
    try (ClientSession cs = client.startSession()) {
      cs.startTransaction();
      orders.insertOne(cs, order);
    }
  }

  public void withTransactionBodyIsClean(Document order) {
    session.withTransaction(() -> orders.insertOne(session, order));
  }

  public void abortOnEarlyReturnIsClean(Document order, boolean skip) {
    session.startTransaction();
    if (skip) {
      session.abortTransaction();
      return;
    }
    try {
      orders.insertOne(session, order);
      session.commitTransaction();
    } catch (RuntimeException e) {
      session.abortTransaction();
      throw e;
    }
  }
}
