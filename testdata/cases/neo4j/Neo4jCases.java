// Covers: Neo4j Java driver 5: session.beginTransaction(..) begins; the returned Transaction ends
// with commit(), rollback() or close(); isOpen() is the query. Leaks: early return, exception
// escaping, never ended on a local session, beginTransaction(config). Clean: try-with-resources
// on the Transaction (with and without commit), rollback in catch, isOpen() guard in finally,
// session.executeWrite(callback), and closing the owning Session (version 2, settled detail 11:
// closing a Neo4j session ends its open transaction).
package cases.neo4j;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;

public class Neo4jCases {

  private final Driver driver;
  private final Session session;

  public Neo4jCases(Driver driver, Session session) {
    this.driver = driver;
    this.session = session;
  }

  public void earlyReturnLeaks(boolean skip) {
    Transaction tx = session.beginTransaction();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    tx.commit();
  }

  public void exceptionEscapesLeaks() {
    Transaction tx = session.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    tx.run("CREATE (n:Item)");
    tx.commit();
  }

  public void neverEndedOnLocalSessionLeaks() {
    Session s = driver.session();
    Transaction tx = s.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    tx.run("CREATE (n:Item)");
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void closingTheSessionEndsTheTransactionIsClean() {
    try (Session s = driver.session()) {
      Transaction tx = s.beginTransaction();
      tx.run("CREATE (n:Item)");
    }
  }

  public void beginTransactionWithConfigLeaks(TransactionConfig config, boolean skip) {
    Transaction tx = session.beginTransaction(config);
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    tx.rollback();
  }

  public void tryWithResourcesWithCommitIsClean() {
    try (Transaction tx = session.beginTransaction()) {
      tx.run("CREATE (n:Item)");
      tx.commit();
    }
  }

  public void tryWithResourcesWithoutCommitIsClean() {
    try (Transaction tx = session.beginTransaction()) {
      tx.run("MATCH (n) RETURN n");
    }
  }

  public void rollbackInCatchIsClean() {
    Transaction tx = session.beginTransaction();
    try {
      tx.run("CREATE (n:Item)");
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  public void isOpenGuardInFinallyIsClean() {
    Transaction tx = session.beginTransaction();
    try {
      tx.run("CREATE (n:Item)");
      tx.commit();
    } finally {
      if (tx.isOpen()) {
        tx.rollback();
      }
    }
  }

  public void closeInFinallyIsClean() {
    Transaction tx = session.beginTransaction();
    try {
      tx.run("CREATE (n:Item)");
      tx.commit();
    } finally {
      tx.close();
    }
  }

  public void executeWriteCallbackIsClean() {
    session.executeWrite(tx -> tx.run("CREATE (n:Item)").consume());
  }

  public void nestedTryWithResourcesIsClean() {
    try (Session s = driver.session();
        Transaction tx = s.beginTransaction()) {
      tx.run("CREATE (n:Item)");
      tx.commit();
    }
  }
}
