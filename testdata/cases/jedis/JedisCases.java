// Covers: Jedis jedis.multi() begins; the returned redis.clients.jedis.Transaction ends with
// exec(), discard() or close(). Leaks: early return, exception escaping, never ended on a local
// Jedis, handle passed to a same-file audit(..) (not a hand-off), handle passed to the external
// System.out.println (no end word: not a hand-off), and an exception before the external
// IOUtils.closeQuietly (version 2, settled detail 7: a library method named close has the effect
// of the object's own close(), an end for Jedis, and is not a hand-off, so the method is
// responsible). Clean: discard in catch, try-with-resources (with and without exec), returning
// the handle.
//
// Reading chosen: cases where the multi() is never ended use a local `new Jedis()` owner, so
// the method is unambiguously responsible (not a begin wrapper on a shared owner).
package cases.jedis;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.util.IOUtils;

public class JedisCases {

  private final Jedis jedis;

  public JedisCases(Jedis jedis) {
    this.jedis = jedis;
  }

  static void audit(Transaction t) {
    System.out.println("queued: " + t);
  }

  public void earlyReturnLeaks(boolean skip) {
    Transaction t = jedis.multi();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    t.exec();
  }

  public void exceptionEscapesLeaks() {
    Transaction t = jedis.multi();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    t.set("k", "v");
    t.exec();
  }

  public void neverEndedOnLocalJedisLeaks() {
    Jedis local = new Jedis();
    Transaction t = local.multi();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    t.set("k", "v");
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void discardInCatchIsClean() {
    Transaction t = jedis.multi();
    try {
      t.set("k", "v");
      t.incr("counter");
      t.exec();
    } catch (RuntimeException e) {
      t.discard();
      throw e;
    }
  }

  public void tryWithResourcesWithoutExecIsClean() {
    try (Transaction t = jedis.multi()) {
      t.set("k", "v");
    }
  }

  public void tryWithResourcesWithExecIsClean(boolean skip) {
    try (Transaction t = jedis.multi()) {
      t.set("k", "v");
      if (skip) {
        return;
      }
      t.exec();
    }
  }

  public void closeInFinallyIsClean() {
    Transaction t = jedis.multi();
    try {
      t.set("k", "v");
      t.exec();
    } finally {
      t.close();
    }
  }

  public void externalCloseQuietlyIsAnEndNotAHandOffLeaks() {
    Jedis local = new Jedis();
    Transaction t = local.multi();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    t.set("k", "v");
    IOUtils.closeQuietly(t);
  }

  public void sameFileAuditIsNotAHandOffLeaks() {
    Jedis local = new Jedis();
    Transaction t = local.multi();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    audit(t);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void externalPrintlnIsNotAHandOffLeaks() {
    Jedis local = new Jedis();
    Transaction t = local.multi();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    System.out.println(t);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void passingTheOwnerIsNotAHandOffLeaks(boolean flush) {
    Transaction t = jedis.multi();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    inspect(jedis);
    if (flush) {
      t.exec();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  static void inspect(Jedis j) {
    System.out.println(j);
  }

  public Transaction returningTheHandleIsClean() {
    Transaction t = jedis.multi();
    t.set("k", "v");
    return t;
  }

  public void watchThenMultiWithCloseInFinallyIsClean() {
    jedis.watch("k");
    Transaction t = jedis.multi();
    try {
      t.set("k", "v");
      t.exec();
    } finally {
      t.close();
    }
  }
}
