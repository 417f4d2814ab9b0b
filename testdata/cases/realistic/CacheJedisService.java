// Realistic Jedis cache service. Clean: discard in catch, Transaction in try-with-resources (close
// ends), executed flag with discard in finally, same-file helper that returns the begun
// Transaction with a protected caller, and (version 2, settled detail 11: closing the Jedis
// connection ends its open MULTI) queued commands with no discard, an early return without
// discard and a switch on a string without default, all inside try-with-resources on the Jedis.
package cases.realistic;

import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Transaction;

public class CacheJedisService {

  private final JedisPool pool;

  public CacheJedisService(JedisPool pool) {
    this.pool = pool;
  }

  private Transaction openBatch(Jedis jedis) {
    jedis.select(1);
    return jedis.multi();
  }

  public void storeSessionIsClean(String id, Map<String, String> attributes, int ttlSeconds) {
    try (Jedis jedis = pool.getResource()) {
      Transaction t = jedis.multi();
      try {
        t.hset("session:" + id, attributes);
        t.expire("session:" + id, ttlSeconds);
        t.exec();
      } catch (RuntimeException e) {
        t.discard();
        throw e;
      }
    }
  }

  public void incrementCountersIsClean(List<String> keys) {
    try (Jedis jedis = pool.getResource()) {
      Transaction t = jedis.multi();
      for (String key : keys) {
        t.incr("counter:" + key);
      }
      t.exec();
    }
  }

  public List<Object> swapIsClean(String a, String b) {
    try (Jedis jedis = pool.getResource();
        Transaction t = jedis.multi()) {
      t.rename(a, a + ":tmp");
      t.rename(b, a);
      t.rename(a + ":tmp", b);
      return t.exec();
    }
  }

  public boolean reserveSeatIsClean(String show, String seat, String user) {
    try (Jedis jedis = pool.getResource()) {
      String key = "seats:" + show;
      jedis.watch(key);
      Transaction t = jedis.multi();
      Boolean taken = jedis.hexists(key, seat);
      if (taken) {
        return false;
      }
      t.hset(key, seat, user);
      t.exec();
      return true;
    }
  }

  public void bulkExpireIsClean(List<String> keys, int ttlSeconds) {
    try (Jedis jedis = pool.getResource()) {
      Transaction t = jedis.multi();
      boolean executed = false;
      try {
        for (String key : keys) {
          t.expire(key, ttlSeconds);
        }
        t.exec();
        executed = true;
      } finally {
        if (!executed) {
          t.discard();
        }
      }
    }
  }

  public void flushMetricsIsClean(Map<String, Long> metrics) {
    try (Jedis jedis = pool.getResource()) {
      Transaction t = openBatch(jedis);
      try {
        for (Map.Entry<String, Long> metric : metrics.entrySet()) {
          t.incrBy(metric.getKey(), metric.getValue());
        }
        t.exec();
      } catch (RuntimeException e) {
        t.discard();
        throw e;
      }
    }
  }

  public void applyCommandIsClean(String command, String key) {
    try (Jedis jedis = pool.getResource()) {
      Transaction t = jedis.multi();
      switch (command) {
        case "touch":
          t.expire(key, 60);
          t.exec();
          break;
        case "drop":
          t.del(key);
          t.exec();
          break;
      }
    }
  }
}
