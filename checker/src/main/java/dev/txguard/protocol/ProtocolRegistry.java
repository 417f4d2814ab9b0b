package dev.txguard.protocol;

import dev.txguard.graph.StatusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Classifies calls: the user's protocols first, then the built-in table, then the zero-config rule for home-grown
 * APIs. Immutable and thread-safe.
 */
public final class ProtocolRegistry {
  private static final Set<String> HOME_GROWN_BEGINS = Set.of("begin", "beginTransaction", "startTransaction");

  private final Map<String, List<CallPattern>> byName = new HashMap<>();
  /** Every type a pattern names: asked once per import of every module file, so a set, not a walk of the table. */
  private final Set<String> typeNames = new HashSet<>();
  private final Set<String> handOffMethods;
  private final boolean zeroConfig;

  /** The protocol file's {@code acquire} entries (semantics: the ownership table's last row). */
  private final List<Factories.Factory> userFactories;

  private ProtocolRegistry(List<CallPattern> patterns, Set<String> handOffMethods, boolean zeroConfig,
      List<Factories.Factory> userFactories) {
    for (CallPattern p : patterns) {
      byName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p);
      typeNames.addAll(p.types());
    }
    this.handOffMethods = Set.copyOf(handOffMethods);
    this.zeroConfig = zeroConfig;
    this.userFactories = List.copyOf(userFactories);
  }

  /** The built-in protocols and the zero-config rule. */
  public static ProtocolRegistry builtin() {
    return withUserProtocols(UserProtocols.EMPTY, true);
  }

  /** The user's protocols ahead of the built-in ones; {@code zeroConfig} turns the home-grown rule on. */
  public static ProtocolRegistry withUserProtocols(UserProtocols user, boolean zeroConfig) {
    List<CallPattern> all = new ArrayList<>(user.patterns());
    all.addAll(BuiltinProtocols.patterns());
    return new ProtocolRegistry(all, user.handOffMethods(), zeroConfig, user.factories());
  }

  /** Method names configured as taking a handle and ending it. */
  public Set<String> handOffMethods() {
    return handOffMethods;
  }

  /**
   * A cheap test front ends run before resolving anything: can a call of this name play any role? (The zero-config
   * rule adds {@code commit}, {@code rollback} and its queries.)
   */
  public boolean mayMatter(String methodName) {
    return byName.containsKey(methodName)
        || (zeroConfig && (HOME_GROWN_BEGINS.contains(methodName) || HomeGrown.NAMES.contains(methodName)));
  }

  /** Whether a type that does not resolve is, by its name, a checked exception of a built-in API (JTA's). */
  public static boolean isCheckedApiException(String qualifiedName) {
    return BuiltinProtocols.isCheckedApiException(qualifiedName);
  }

  /** Whether a call of this name can begin a transaction (to find the units worth analysing). */
  public boolean mayBegin(String methodName) {
    if (zeroConfig && HOME_GROWN_BEGINS.contains(methodName)) {
      return true;
    }
    for (CallPattern p : byName.getOrDefault(methodName, List.of())) {
      if (p.role() == Role.BEGIN_ON_RECEIVER || p.role() == Role.BEGIN_RETURNING) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a call of this name with this many arguments can begin a transaction: {@link #mayBegin(String)} narrowed
   * by the rows' argument counts (home-grown begins take none) and, for JDBC's {@code setAutoCommit(b)}, by whether
   * the argument can be the constant {@code false} (a caller's syntactic judgement: a literal {@code true}, a
   * parameter or a method call cannot).
   */
  public boolean mayBegin(String methodName, int arguments, boolean flagMayBeFalse) {
    if (zeroConfig && HOME_GROWN_BEGINS.contains(methodName) && arguments == 0) {
      return true;
    }
    for (CallPattern p : byName.getOrDefault(methodName, List.of())) {
      if ((p.role() == Role.BEGIN_ON_RECEIVER || p.role() == Role.BEGIN_RETURNING)
          && (p.argCount() < 0 || p.argCount() == arguments)
          && (p.arguments() != CallPattern.Arguments.AUTO_COMMIT_FLAG || flagMayBeFalse)) {
        return true;
      }
    }
    return false;
  }

  /** The role of a call, or null when it plays none. */
  public CallRole classify(CallFacts call) {
    List<CallPattern> candidates = byName.get(call.methodName());
    if (candidates != null) {
      TypeFacts receiver = call.receiverType();
      for (CallPattern p : candidates) {
        if (p.matchesShape(call) && p.matchesType(receiver)) {
          return p.roleFor(call);
        }
      }
      if (receiver != null && isKnownApiType(receiver)) {
        return null; // a known API's other methods are not the home-grown rule's business
      }
    }
    return zeroConfig ? HomeGrown.classify(call) : null;
  }

  /**
   * The role of a zero-config begin whose result is discarded ({@code store.begin();} where {@code begin()} returns a
   * separate handle type): a begin on the receiver when the receiver's type declares the ends; null when the call is
   * no such begin (then nothing can end the dropped handle and nothing is tracked).
   */
  public CallRole discardedBegin(CallFacts call) {
    CallRole role = classify(call);
    return zeroConfig && role != null && role.role() == Role.BEGIN_RETURNING && HomeGrown.isHomeGrown(role.protocol())
        ? HomeGrown.discardedBegin(call) : null;
  }

  /**
   * Settled detail 3 for a call whose receiver's type is declared nowhere the front end sees (the audit without a
   * classpath; {@code typeName} null when there is no type at all): the zero-config rule by names alone. A begin
   * begins on the receiver when {@code receiverEnded} (the unit calls commit()/rollback() on the same spelling), else
   * returns the handle when {@code resultEnded}; otherwise, and without the zero-config rule, null.
   */
  public CallRole byName(String methodName, int argumentCount, String typeName, boolean receiverEnded,
      boolean resultEnded) {
    return zeroConfig ? HomeGrown.byName(methodName, argumentCount, typeName, receiverEnded, resultEnded) : null;
  }

  /** Whether {@link #byName} can give a call of this name a role (checked before anything is resolved). */
  public boolean mayMatchByName(String methodName) {
    return zeroConfig && HomeGrown.isZeroConfigName(methodName);
  }

  /**
   * The role of a query called on an accessor's result that plays no role of its own: a home-grown query reached
   * through {@code getTransaction()}/{@code currentTransaction()} ({@code db.getTransaction().isActive()}) asks about
   * the accessor's receiver; null otherwise.
   */
  public CallRole queryThroughAccessor(CallFacts query, CallFacts accessor) {
    return zeroConfig && classify(query) == null && classify(accessor) == null
        ? HomeGrown.queryThroughAccessor(query, accessor) : null;
  }

  /**
   * The types on which a protocol's handle calls are made (for a front end that knows a value only as "what this
   * accessor or begin returns": the audit when a type does not resolve).
   */
  public Set<String> handleTypesOf(Protocol protocol) {
    Set<String> out = new java.util.LinkedHashSet<>();
    for (List<CallPattern> ps : byName.values()) {
      for (CallPattern p : ps) {
        if (p.protocol().equals(protocol) && (p.role() == Role.BEGIN_ON_RECEIVER || p.role() == Role.END_RECEIVER
            || p.role() == Role.QUERY || p.role() == Role.STATUS)) {
          out.addAll(p.types());
        }
      }
    }
    return out;
  }

  /** Whether a qualified type name appears in some protocol (to read wildcard imports without a solver). */
  public boolean isKnownTypeName(String qualifiedName) {
    return typeNames.contains(qualifiedName);
  }

  /** Whether a method of this name can be a factory of the ownership table (checked before resolving anything). */
  public boolean mayBeFactory(String methodName) {
    return Factories.mayBeFactory(methodName, userFactories);
  }

  /**
   * Whether the call's result is an object the caller acquired (semantics: the ownership table's factories and the
   * protocol file's {@code acquire} entries).
   */
  public boolean isFactory(CallFacts call) {
    return Factories.isFactory(call, userFactories);
  }

  /**
   * What {@code close()} on a value of this type does to its transaction (try-with-resources):
   * {@link Role#END_RECEIVER} where the table lists close as an end (MyBatis, Jedis, MongoDB, Neo4j, Ebean),
   * {@link Role#CLOSE_RECEIVER} where it ends only by close (JDBC, Hibernate), null where it ends nothing.
   */
  public Role closeRole(TypeFacts type) {
    for (CallPattern p : byName.getOrDefault("close", List.of())) {
      if ((p.role() == Role.END_RECEIVER || p.role() == Role.CLOSE_RECEIVER) && p.matchesShape0() && p.matchesType(type)) {
        return p.role();
      }
    }
    return null;
  }

  /** Whether {@code close()} on a value of this type ends its transaction, as an end or by close. */
  public boolean closeEnds(TypeFacts type) {
    return closeRole(type) != null;
  }

  private boolean isKnownApiType(TypeFacts type) {
    for (List<CallPattern> ps : byName.values()) {
      for (CallPattern p : ps) {
        if (p.matchesType(type)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What a method called on a status value answers ({@code tx.getStatus().canRollback()},
   * {@code isOneOf(ACTIVE, MARKED_ROLLBACK)}), given the simple names of constant arguments; null when unknown.
   */
  public static StatusTest statusMethodTest(Protocol protocol, String method, List<String> constants) {
    return switch (method) {
      case "canRollback" -> StatusTest.ACTIVE;
      case "isOneOf", "isNotOneOf" -> {
        if (constants.isEmpty()) {
          yield null;
        }
        StatusTest t = protocol.statusTest(constants.get(0));
        for (String c : constants.subList(1, constants.size())) {
          t = t.or(protocol.statusTest(c));
        }
        yield method.equals("isOneOf") ? t : t.negate();
      }
      case "equals" -> constants.size() == 1 ? protocol.statusTest(constants.get(0)) : null;
      default -> null;
    };
  }

  /** Distinct names of all protocols, for documentation and tests. */
  public Set<String> apis() {
    Set<String> out = new HashSet<>();
    byName.values().forEach(ps -> ps.forEach(p -> out.add(p.protocol().api())));
    return out;
  }
}
