package dev.txguard.protocol;

/**
 * Calls that yield the same object under another name (docs/design.md, "The same object behind a proxy or a
 * wrapper"): the object behind a {@link java.lang.reflect.Proxy} that a store hands out, reached through the proxy's
 * invocation handler ({@code ((Handler) Proxy.getInvocationHandler(conn)).getWrappedConnection()}, quartz's
 * {@code cleanupConnection}), and JDBC's {@code conn.unwrap(Connection.class)}. Closing or ending either closes or
 * ends {@code conn}'s transaction. Both front ends ask these questions of the same calls.
 */
public final class Unwrapping {
  public static final String GET_INVOCATION_HANDLER = "getInvocationHandler";
  public static final String UNWRAP = "unwrap";

  private Unwrapping() {}

  /** {@code Proxy.getInvocationHandler(p)}: its result is the handler of proxy {@code p}. */
  public static boolean readsProxyHandler(CallFacts call) {
    return call.isStatic() && call.argumentCount() == 1 && call.methodName().equals(GET_INVOCATION_HANDLER)
        && call.receiverType() != null && call.receiverType().qualifiedName().equals("java.lang.reflect.Proxy");
  }

  /**
   * A no-argument call on a proxy's handler that returns the proxied object's type (or a subtype): the object behind
   * the proxy ({@code getWrappedConnection()}, {@code getTarget()}).
   */
  public static boolean returnsProxied(CallFacts call, String proxiedType) {
    return !call.isStatic() && call.argumentCount() == 0 && call.returnType() != null
        && call.returnType().isSubtypeOf(proxiedType);
  }

  /**
   * {@code conn.unwrap(OracleConnection.class)} on a JDBC connection: the same connection as the driver's own type
   * ({@code java.sql.Wrapper}). Its result type is a type variable, so the receiver's type decides.
   */
  public static boolean unwrapsConnection(CallFacts call) {
    return !call.isStatic() && call.argumentCount() == 1 && call.methodName().equals(UNWRAP)
        && call.receiverType() != null && call.receiverType().isSubtypeOf("java.sql.Connection");
  }
}
