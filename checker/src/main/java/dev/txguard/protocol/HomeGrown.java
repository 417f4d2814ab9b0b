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
  private static final Set<String> ACCESSORS = Set.of("getTransaction", "currentTransaction");

  private HomeGrown() {}

  static CallRole classify(CallFacts call) {
    if (call.argumentCount() != 0) {
      return null;
    }
    String name = call.methodName();
    if (BEGINS.contains(name)) {
      TypeFacts returned = call.returnType();
      TypeFacts receiver = call.receiverType();
      boolean onReceiver = isTransactional(receiver) && !call.isStatic();
      if (isTransactional(returned)) {
        if (onReceiver && receiver.isSubtypeOf(returned.qualifiedName())) {
          // Db<T> begin() on a Db<T>: a fluent begin returns its receiver, which is the transaction's object
          return CallRole.fluentBegin(protocolFor(receiver));
        }
        return new CallRole(Role.BEGIN_RETURNING, protocolFor(returned), null, false);
      }
      if (onReceiver) {
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

  /**
   * A begin returning a separate handle ({@code Tx begin()}) whose result is discarded: it begins on the receiver when
   * the receiver's type declares the ends too (the contract's home-grown row); null otherwise.
   */
  static CallRole discardedBegin(CallFacts call) {
    TypeFacts receiver = call.receiverType();
    return BEGINS.contains(call.methodName()) && call.argumentCount() == 0 && !call.isStatic()
        && isTransactional(receiver) ? new CallRole(Role.BEGIN_ON_RECEIVER, protocolFor(receiver), null, false) : null;
  }

  /**
   * A home-grown query reached through a no-arg {@code getTransaction()} or {@code currentTransaction()} of a
   * transactional object ({@code db.getTransaction().isActive()}): a query on that object; null otherwise.
   */
  static CallRole queryThroughAccessor(CallFacts query, CallFacts accessor) {
    TypeFacts owner = accessor.receiverType();
    return QUERIES.contains(query.methodName()) && query.argumentCount() == 0 && accessor.argumentCount() == 0
        && ACCESSORS.contains(accessor.methodName()) && !accessor.isStatic() && isTransactional(owner)
        ? new CallRole(Role.QUERY, protocolFor(owner), StatusTest.ACTIVE, false) : null;
  }

  /**
   * Settled detail 3, for a receiver whose type is declared nowhere the front end sees (null: no type at all, such as
   * an inferred lambda parameter that does not resolve): {@code commit()}/{@code rollback()} end it, the queries ask,
   * and a begin begins on the receiver when the unit ends that receiver by the same spelling, else on its result when
   * the unit ends the result; otherwise the call is no begin.
   */
  static CallRole byName(String method, int argumentCount, String typeName, boolean receiverEnded,
      boolean resultEnded) {
    if (argumentCount != 0) {
      return null;
    }
    Protocol protocol = protocolNamed(typeName == null ? "?" : typeName);
    if (BEGINS.contains(method)) {
      return receiverEnded ? new CallRole(Role.BEGIN_ON_RECEIVER, protocol, null, false)
          : resultEnded ? new CallRole(Role.BEGIN_RETURNING, protocol, null, false) : null;
    }
    return switch (method) {
      case "commit", "rollback" -> new CallRole(Role.END_RECEIVER, protocol, null, false);
      default -> QUERIES.contains(method) ? new CallRole(Role.QUERY, protocol, StatusTest.ACTIVE, false) : null;
    };
  }

  /** Whether a call of this name can play a part under the zero-config rule. */
  static boolean isZeroConfigName(String method) {
    return BEGINS.contains(method) || NAMES.contains(method);
  }

  static boolean isHomeGrown(Protocol protocol) {
    return protocol.id().startsWith("home-grown:");
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
    return protocolNamed(type.qualifiedName());
  }

  private static Protocol protocolNamed(String name) {
    String simple = name.substring(name.lastIndexOf('.') + 1);
    return new Protocol("home-grown:" + name, "home-grown " + simple, true, "{handle}.rollback()", Map.of());
  }
}
