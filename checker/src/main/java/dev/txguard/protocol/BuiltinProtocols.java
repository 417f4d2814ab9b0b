package dev.txguard.protocol;

import dev.txguard.graph.StatusTest;
import dev.txguard.graph.Tri;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The APIs txguard knows out of the box: the table in {@code semantics.md}, row by row. */
final class BuiltinProtocols {
  private BuiltinProtocols() {}

  /** Spring's {@code isCompleted()}: true once committed or rolled back. */
  /**
   * The checked exceptions of the built-in APIs: JTA's. An audit without the JTA jar must still know that
   * {@code catch (RollbackException e)} takes no unchecked exception (every other API of the table throws unchecked
   * ones only, and the JDK's resolve by reflection).
   */
  private static final Set<String> CHECKED_EXCEPTIONS = Set.of("RollbackException", "HeuristicMixedException",
      "HeuristicRollbackException", "SystemException", "NotSupportedException", "InvalidTransactionException");

  /** Whether {@code qualifiedName} is a checked exception of a built-in API (by name, for types that do not resolve). */
  static boolean isCheckedApiException(String qualifiedName) {
    int dot = qualifiedName.lastIndexOf('.');
    String pkg = dot < 0 ? "" : qualifiedName.substring(0, dot);
    return (pkg.equals("javax.transaction") || pkg.equals("jakarta.transaction"))
        && CHECKED_EXCEPTIONS.contains(qualifiedName.substring(dot + 1));
  }

  static final StatusTest COMPLETED_FLAG =
      new StatusTest("is completed", Tri.FALSE, Tri.FALSE, Tri.UNKNOWN, Tri.TRUE);

  /** JDBC's {@code getAutoCommit()}: false while a transaction is open. */
  static final StatusTest AUTO_COMMIT =
      new StatusTest("auto-commit is on", Tri.FALSE, Tri.FALSE, Tri.UNKNOWN, Tri.UNKNOWN);

  private static final Map<String, StatusTest> HIBERNATE_STATUS =
      Map.of(
          "ACTIVE", StatusTest.STATUS_ACTIVE_ONLY,
          "MARKED_ROLLBACK", StatusTest.STATUS_MARKED_ROLLBACK,
          "NOT_ACTIVE", StatusTest.NONE);

  private static final Map<String, StatusTest> JTA_STATUS =
      Map.of(
          "STATUS_ACTIVE", StatusTest.STATUS_ACTIVE_ONLY,
          "STATUS_MARKED_ROLLBACK", StatusTest.STATUS_MARKED_ROLLBACK,
          "STATUS_NO_TRANSACTION", StatusTest.NONE);

  static final Protocol HIBERNATE = new Protocol("hibernate", "Hibernate", true, "{handle}.rollback()", HIBERNATE_STATUS);
  static final Protocol JPA = new Protocol("jpa", "JPA", true, "{handle}.rollback()", Map.of());
  static final Protocol JDBC = new Protocol("jdbc", "JDBC", false, "{handle}.rollback()", Map.of());
  static final Protocol JTA = new Protocol("jta", "JTA", true, "{handle}.rollback()", JTA_STATUS);
  static final Protocol SPRING = new Protocol("spring", "Spring", false, "{owner}.rollback({handle})", Map.of());
  static final Protocol MYBATIS = new Protocol("mybatis", "MyBatis", false, "{handle}.rollback()", Map.of());
  static final Protocol JDBI = new Protocol("jdbi", "JDBI", true, "{handle}.rollback()", Map.of());
  static final Protocol JEDIS = new Protocol("jedis", "Jedis", true, "{handle}.discard()", Map.of());
  static final Protocol MONGO = new Protocol("mongodb", "MongoDB", true, "{handle}.abortTransaction()", Map.of());
  static final Protocol NEO4J = new Protocol("neo4j", "Neo4j", true, "{handle}.rollback()", Map.of());
  static final Protocol EBEAN = new Protocol("ebean", "Ebean", false, "{handle}.rollback()", Map.of());

  static List<CallPattern> patterns() {
    List<CallPattern> p = new ArrayList<>();

    // Hibernate (before JPA: org.hibernate.Transaction is also an EntityTransaction).
    List<String> hSession = List.of("org.hibernate.SharedSessionContract", "org.hibernate.Session", "org.hibernate.StatelessSession");
    List<String> hTx = List.of("org.hibernate.Transaction");
    add(p, HIBERNATE, hSession, "beginTransaction", 0, Role.BEGIN_RETURNING, null, true);
    add(p, HIBERNATE, hSession, "getTransaction", 0, Role.ACCESSOR, null, false);
    add(p, HIBERNATE, hSession, "close", 0, Role.CLOSE_RECEIVER, null, false);
    add(p, HIBERNATE, hTx, "begin", 0, Role.BEGIN_ON_RECEIVER, null, false);
    add(p, HIBERNATE, hTx, "commit", 0, Role.END_RECEIVER, null, false);
    add(p, HIBERNATE, hTx, "rollback", 0, Role.END_RECEIVER, null, false);
    add(p, HIBERNATE, hTx, "isActive", 0, Role.QUERY, StatusTest.ACTIVE, false);
    add(p, HIBERNATE, hTx, "getStatus", 0, Role.STATUS, null, false);

    // JPA, jakarta and javax.
    List<String> em = List.of("jakarta.persistence.EntityManager", "javax.persistence.EntityManager");
    List<String> et = List.of("jakarta.persistence.EntityTransaction", "javax.persistence.EntityTransaction");
    add(p, JPA, em, "getTransaction", 0, Role.ACCESSOR, null, false);
    add(p, JPA, et, "begin", 0, Role.BEGIN_ON_RECEIVER, null, false);
    add(p, JPA, et, "commit", 0, Role.END_RECEIVER, null, false);
    add(p, JPA, et, "rollback", 0, Role.END_RECEIVER, null, false);
    add(p, JPA, et, "isActive", 0, Role.QUERY, StatusTest.ACTIVE, false);

    // JDBC.
    List<String> conn = List.of("java.sql.Connection");
    p.add(new CallPattern(JDBC, conn, "setAutoCommit", 1, Role.BEGIN_ON_RECEIVER, null, false,
        CallPattern.Arguments.AUTO_COMMIT_FLAG));
    add(p, JDBC, conn, "commit", 0, Role.END_RECEIVER, null, false);
    add(p, JDBC, conn, "rollback", 0, Role.END_RECEIVER, null, false);
    add(p, JDBC, conn, "getAutoCommit", 0, Role.QUERY, AUTO_COMMIT, false);
    add(p, JDBC, conn, "close", 0, Role.CLOSE_RECEIVER, null, false);

    // JTA, jakarta and javax; UserTransaction and TransactionManager.
    List<String> jta = List.of("jakarta.transaction.UserTransaction", "jakarta.transaction.TransactionManager",
        "javax.transaction.UserTransaction", "javax.transaction.TransactionManager");
    add(p, JTA, jta, "begin", 0, Role.BEGIN_ON_RECEIVER, null, false);
    add(p, JTA, jta, "commit", 0, Role.END_RECEIVER, null, false);
    add(p, JTA, jta, "rollback", 0, Role.END_RECEIVER, null, false);
    add(p, JTA, jta, "getStatus", 0, Role.STATUS, null, false);

    // Spring's PlatformTransactionManager: the handle is the returned TransactionStatus.
    List<String> ptm = List.of("org.springframework.transaction.PlatformTransactionManager");
    add(p, SPRING, ptm, "getTransaction", 1, Role.BEGIN_RETURNING, null, false);
    add(p, SPRING, ptm, "commit", 1, Role.END_ARGUMENT, null, false);
    add(p, SPRING, ptm, "rollback", 1, Role.END_ARGUMENT, null, false);
    add(p, SPRING, List.of("org.springframework.transaction.TransactionExecution",
        "org.springframework.transaction.TransactionStatus"), "isCompleted", 0, Role.QUERY,
        COMPLETED_FLAG, false);

    // MyBatis.
    p.add(new CallPattern(MYBATIS, List.of("org.apache.ibatis.session.SqlSessionFactory"), "openSession", -1,
        Role.BEGIN_RETURNING, null, false, CallPattern.Arguments.UNLESS_AUTO_COMMIT));
    List<String> sqlSession = List.of("org.apache.ibatis.session.SqlSession");
    add(p, MYBATIS, sqlSession, "commit", -1, Role.END_RECEIVER, null, false);
    add(p, MYBATIS, sqlSession, "rollback", -1, Role.END_RECEIVER, null, false);
    add(p, MYBATIS, sqlSession, "close", 0, Role.END_RECEIVER, null, false);

    // JDBI: close() with an open transaction is an error, not an end.
    List<String> handle = List.of("org.jdbi.v3.core.Handle");
    add(p, JDBI, handle, "begin", 0, Role.BEGIN_ON_RECEIVER, null, false);
    add(p, JDBI, handle, "commit", 0, Role.END_RECEIVER, null, false);
    add(p, JDBI, handle, "rollback", 0, Role.END_RECEIVER, null, false);
    add(p, JDBI, handle, "isInTransaction", 0, Role.QUERY, StatusTest.ACTIVE, false);

    // Jedis.
    // Closing the Jedis connection (the owner) ends its open MULTI, like closing a Neo4j session (settled detail 11).
    List<String> jedisOwners = List.of("redis.clients.jedis.Jedis", "redis.clients.jedis.UnifiedJedis",
        "redis.clients.jedis.BinaryJedis");
    add(p, JEDIS, jedisOwners, "multi", 0, Role.BEGIN_RETURNING, null, true);
    add(p, JEDIS, jedisOwners, "close", 0, Role.END_RECEIVER, null, false);
    List<String> jtx = List.of("redis.clients.jedis.Transaction", "redis.clients.jedis.AbstractTransaction",
        "redis.clients.jedis.TransactionBase");
    add(p, JEDIS, jtx, "exec", 0, Role.END_RECEIVER, null, false);
    add(p, JEDIS, jtx, "discard", 0, Role.END_RECEIVER, null, false);
    add(p, JEDIS, jtx, "close", 0, Role.END_RECEIVER, null, false);

    // MongoDB.
    List<String> mongo = List.of("com.mongodb.client.ClientSession");
    add(p, MONGO, mongo, "startTransaction", -1, Role.BEGIN_ON_RECEIVER, null, false);
    add(p, MONGO, mongo, "commitTransaction", 0, Role.END_RECEIVER, null, false);
    add(p, MONGO, mongo, "abortTransaction", 0, Role.END_RECEIVER, null, false);
    add(p, MONGO, mongo, "close", 0, Role.END_RECEIVER, null, false);
    add(p, MONGO, List.of("com.mongodb.client.ClientSession", "com.mongodb.session.ClientSession"),
        "hasActiveTransaction", 0, Role.QUERY, StatusTest.ACTIVE, false);

    // Neo4j driver (4.x/5.x and the 1.x package).
    List<String> neoSessions = List.of("org.neo4j.driver.Session", "org.neo4j.driver.v1.Session");
    add(p, NEO4J, neoSessions, "beginTransaction", -1, Role.BEGIN_RETURNING, null, true);
    add(p, NEO4J, neoSessions, "close", 0, Role.END_RECEIVER, null, false);
    List<String> ntx = List.of("org.neo4j.driver.Transaction", "org.neo4j.driver.v1.Transaction");
    add(p, NEO4J, ntx, "commit", 0, Role.END_RECEIVER, null, false);
    add(p, NEO4J, ntx, "rollback", 0, Role.END_RECEIVER, null, false);
    add(p, NEO4J, ntx, "close", 0, Role.END_RECEIVER, null, false);
    add(p, NEO4J, ntx, "isOpen", 0, Role.QUERY, StatusTest.ACTIVE, false);

    // Ebean: static DB (and legacy Ebean) or a Database (legacy EbeanServer); commitTransaction()/endTransaction() end
    // the transaction the owner began. The thread transaction is one object whatever the receiver (settled detail 2).
    List<String> ebeanOwners = List.of("io.ebean.DB", "io.ebean.Database", "io.ebean.Ebean", "io.ebean.EbeanServer");
    add(p, EBEAN, ebeanOwners, "beginTransaction", -1, Role.BEGIN_RETURNING, null, true);
    add(p, EBEAN, ebeanOwners, "commitTransaction", 0, Role.END_OWNED, null, false);
    add(p, EBEAN, ebeanOwners, "rollbackTransaction", 0, Role.END_OWNED, null, false);
    add(p, EBEAN, ebeanOwners, "endTransaction", 0, Role.END_OWNED, null, false);
    // The thread's current transaction: the one most recently begun (Protocol.threadOwner()).
    add(p, EBEAN, ebeanOwners, "currentTransaction", 0, Role.ACCESSOR, null, false);
    List<String> etx = List.of("io.ebean.Transaction");
    add(p, EBEAN, etx, "current", 0, Role.ACCESSOR, null, false);
    add(p, EBEAN, etx, "commit", 0, Role.END_RECEIVER, null, false);
    add(p, EBEAN, etx, "rollback", 0, Role.END_RECEIVER, null, false);
    add(p, EBEAN, etx, "end", 0, Role.END_RECEIVER, null, false);
    add(p, EBEAN, etx, "close", 0, Role.END_RECEIVER, null, false);
    add(p, EBEAN, etx, "isActive", 0, Role.QUERY, StatusTest.ACTIVE, false);
    return p;
  }

  private static void add(List<CallPattern> p, Protocol protocol, List<String> types, String name, int argc, Role role,
      StatusTest test, boolean aliasesOwner) {
    p.add(new CallPattern(protocol, types, name, argc, role, test, aliasesOwner, CallPattern.Arguments.IGNORED));
  }
}
