package dev.txguard.protocol;

import java.util.List;

/**
 * The factories of semantics.md's ownership table: calls whose result is an object the calling method acquired (a
 * transaction begun on it is the method's own). Everything else a method gets from a call is borrowed.
 */
final class Factories {
  private Factories() {}

  /** Methods {@code names} of {@code types} (or their subtypes; the declaring class for a static method). */
  record Factory(List<String> types, List<String> names) {}

  private static final List<Factory> TABLE = List.of(
      new Factory(List.of("javax.sql.DataSource", "java.sql.DriverManager"), List.of("getConnection")),
      new Factory(List.of("javax.sql.XADataSource"), List.of("getXAConnection")),
      new Factory(List.of("javax.sql.PooledConnection"), List.of("getConnection")),
      new Factory(List.of("jakarta.persistence.EntityManagerFactory", "javax.persistence.EntityManagerFactory"),
          List.of("createEntityManager")),
      new Factory(List.of("org.hibernate.SessionFactory"), List.of("openSession", "openStatelessSession")),
      new Factory(List.of("org.hibernate.SessionBuilder", "org.hibernate.StatelessSessionBuilder"),
          List.of("openSession", "openStatelessSession")),
      new Factory(List.of("org.apache.ibatis.session.SqlSessionFactory"), List.of("openSession")),
      new Factory(List.of("org.jdbi.v3.core.Jdbi"), List.of("open")),
      new Factory(List.of("com.mongodb.client.MongoClient"), List.of("startSession")),
      new Factory(List.of("org.neo4j.driver.Driver", "org.neo4j.driver.v1.Driver"), List.of("session")),
      new Factory(List.of("redis.clients.jedis.JedisPool", "redis.clients.jedis.util.Pool"), List.of("getResource")));

  /**
   * Whether the call is a factory of the table: by the receiver's type, or (settled detail 15, "matched by name") by a
   * receiver type whose simple name ends with the factory type's simple name ({@code HikariDataSource}).
   */
  static boolean isFactory(CallFacts call) {
    return isFactory(call, List.of());
  }

  /**
   * Whether the call is a factory of the table or one of the protocol file's {@code acquire} entries ({@code user}),
   * which match by the receiver's type (or the declaring class of a static method) and its subtypes.
   */
  static boolean isFactory(CallFacts call, List<Factory> user) {
    TypeFacts receiver = call.receiverType();
    if (receiver == null) {
      return false;
    }
    for (Factory f : user) {
      if (f.names().contains(call.methodName()) && f.types().stream().anyMatch(receiver::isSubtypeOf)) {
        return true;
      }
    }
    String simple = simpleName(receiver.qualifiedName());
    for (Factory f : TABLE) {
      if (!f.names().contains(call.methodName())) {
        continue;
      }
      for (String t : f.types()) {
        if (receiver.isSubtypeOf(t) || simple.endsWith(simpleName(t))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a method of this name can be a factory (a cheap test before resolving anything). */
  static boolean mayBeFactory(String methodName, List<Factory> user) {
    for (Factory f : user) {
      if (f.names().contains(methodName)) {
        return true;
      }
    }
    for (Factory f : TABLE) {
      if (f.names().contains(methodName)) {
        return true;
      }
    }
    return false;
  }

  private static String simpleName(String qualified) {
    return qualified == null ? "" : qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
