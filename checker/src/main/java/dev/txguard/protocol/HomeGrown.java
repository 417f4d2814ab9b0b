package dev.txguard.protocol;

import dev.txguard.graph.StatusTest;
import java.util.Map;
import java.util.Set;

/**
 * The zero-config rule: a no-arg {@code begin()}, {@code beginTransaction()} or {@code startTransaction()} whose
 * returned type, or else whose receiver's type, declares no-arg {@code commit()} and {@code rollback()} begins a
 * transaction on that object; {@code commit()}/{@code rollback()} end it and {@code isActive()} (or {@code isTransactionActive()},
 * {@code inTransaction()}, {@code isInTransaction()}, {@code hasActiveTransaction()}) asks. The ends must
 * return nothing, a primitive or the object itself ({@link TypeFacts#declaresEnd}): a SQL DSL whose
 * {@code startTransaction()}, {@code commit()} and {@code rollback()} return {@code Query} objects only builds SQL.
 */
final class HomeGrown {
  /** The no-arg boolean queries of the contract's home-grown row: true while the transaction is active. */
  static final Set<String> QUERIES =
      Set.of("isActive", "isTransactionActive", "inTransaction", "isInTransaction", "hasActiveTransaction");
  static final Set<String> NAMES = union(Set.of("commit", "rollback"), QUERIES);
  private static final Set<String> BEGINS = Set.of("begin", "beginTransaction", "startTransaction");

  private HomeGrown() {}

  static CallRole classify(CallFacts call) {
    if (call.argumentCount() != 0) {
      return null;
    }
    String name = call.methodName();
    if (BEGINS.contains(name)) {
      TypeFacts returned = call.returnType();
      if (isTransactional(returned)) {
        return new CallRole(Role.BEGIN_RETURNING, protocolFor(returned), null, false);
      }
      TypeFacts receiver = call.receiverType();
      if (isTransactional(receiver) && !call.isStatic()) {
        return new CallRole(Role.BEGIN_ON_RECEIVER, protocolFor(receiver), null, false);
      }
      return null;
    }
    TypeFacts receiver = call.receiverType();
    if (!isTransactional(receiver) || call.isStatic()) {
      return null;
    }
    return switch (name) {
      case "commit", "rollback" -> new CallRole(Role.END_RECEIVER, protocolFor(receiver), null, false);
      default -> QUERIES.contains(name) ? new CallRole(Role.QUERY, protocolFor(receiver), StatusTest.ACTIVE, false)
          : null;
    };
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private static boolean isTransactional(TypeFacts type) {
    return type != null && type.declaresEnd("commit") && type.declaresEnd("rollback");
  }

  private static Protocol protocolFor(TypeFacts type) {
    return protocolFor(type.qualifiedName());
  }

  static Protocol protocolFor(String name) {
    String simple = name.substring(name.lastIndexOf('.') + 1);
    return new Protocol("home-grown:" + name, "home-grown " + simple, false, "{handle}.rollback()", Map.of());
  }
}
