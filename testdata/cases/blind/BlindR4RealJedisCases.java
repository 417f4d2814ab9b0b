package cases.blind;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Transaction;

/**
 * Real Redis MULTI leaks (and a non-leak) reproduced from public repositories: Jedis.
 *
 * Readings used for the labels (from the contract):
 * - jedis.multi() returns a fresh Transaction handle; a method (or lambda body) that begins it and does
 *   not let it escape is responsible for it (rule 3); passing it to Consumer.accept (a library method
 *   whose name says nothing about ending) is no hand-off;
 * - lambdas are their own units; the begin inside the lambda is judged there and the finding is in the
 *   lambda body;
 * - exec() and discard() are ends, and an end call ends the transaction even when it throws, so a second
 *   end after a failed exec() is harmless for the analysis.
 */
public class BlindR4RealJedisCases {

    // ------------------------------------------------------------------------------------------
    // Source: grails/grails-redis (now apache/grails-redis), RedisService.groovy withTransaction(Closure)
    //   (grails-app/services/grails/plugin/redis/RedisService.groovy before the fix,
    //   src/main/groovy/grails/plugins/redis/RedisService.groovy after it); PR #17 "Discard transactions
    //   if an exception occurs": "RedisService.withTransaction can leave a connection in a transaction if
    //   an exception occurs during the execution of the closure. This will return the connection to the
    //   pool in that state" (next borrower: "Cannot use Jedis when in Multi").
    //   Translated from Groovy: the closure is a Consumer<Transaction>, withRedis takes a Function.
    // ------------------------------------------------------------------------------------------
    static class RedisService {
        JedisPool redisPool;

        <T> T withRedis(Function<Jedis, T> closure) {
            Jedis redis = redisPool.getResource();
            try {
                return closure.apply(redis);
            } finally {
                redisPool.returnResource(redis);
            }
        }

        // Before: a throwing closure leaves MULTI open on a pooled connection.
        List<Object> withTransactionLeaks(Consumer<Transaction> closure) {
            return withRedis(redis -> {
                Transaction transaction = redis.multi();
                // BUG: Diagnostic contains: [UncommittedTransactionOnException]
                closure.accept(transaction);
                return transaction.exec();
            });
        }

        // After (PR #17): discard on failure, then rethrow.
        List<Object> withTransactionIsClean(Consumer<Transaction> closure) {
            return withRedis(redis -> {
                Transaction transaction = redis.multi();
                try {
                    closure.accept(transaction);
                } catch (Exception exception) {
                    transaction.discard();
                    throw exception;
                }

                return transaction.exec();
            });
        }
    }

    // ------------------------------------------------------------------------------------------
    // Source: redis/jedis issue #796 "Getting error on releasing jedis from pool after using watch and
    //   multi" (user code quoted in the issue; "ERR DISCARD without MULTI"). The error came from
    //   discarding after a failed exec(): the transaction was ended twice, not left open.
    //   NOT a leak under the contract: exec() ends the transaction even when it throws, the `discard`
    //   flag and the `txn != null` test send every path that began to an end, and the catch swallows.
    //   The quoted snippet has one closing brace too many (probably a loop over entries); the loop header
    //   is not shown, so it is left out. jedisPool is the user's own pool wrapper.
    // ------------------------------------------------------------------------------------------
    static class RedisCachePool {
        private final JedisPool pool;

        RedisCachePool(JedisPool pool) {
            this.pool = pool;
        }

        Jedis getResource() {
            return pool.getResource();
        }

        void returnBrokenResource(Jedis jedis) {
            pool.returnBrokenResource(jedis);
        }

        void releaseRedisCache(Jedis jedis) {
            if (jedis != null) {
                pool.returnResource(jedis);
            }
        }
    }

    static class JedisIssue796 {
        private static final Logger logger = Logger.getLogger(JedisIssue796.class.getName());
        private RedisCachePool jedisPool;

        Jedis getJedis() {
            return jedisPool.getResource();
        }

        List<Object> incrementHashIsClean(String key, Map.Entry<String, Double> entry) {
            Jedis jedis = getJedis();
            List<Object> response = null;
            boolean discard = true;
            Transaction txn = null;
            try {
                String res = jedis.watch(key);
                logger.info("Watch response from redis is " + res);
                if (res != null && res.equalsIgnoreCase("ok")) {
                    txn = jedis.multi();
                    txn.hincrByFloat(key, entry.getKey(), entry.getValue());
                    response = txn.exec();
                    discard = false;
                }
            } catch (Exception e) {
                logger.severe("Exception occured for jedis " + e.getMessage());
                jedisPool.returnBrokenResource(jedis);
            } finally {
                if (discard && txn != null) {
                    txn.discard();
                }
                jedisPool.releaseRedisCache(jedis);
            }
            return response;
        }
    }
}
