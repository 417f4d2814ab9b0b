package dev.txguard.protocol;

import dev.txguard.graph.StatusTest;

/**
 * The classification of one call.
 *
 * @param role what the call does
 * @param protocol the protocol it belongs to
 * @param test for {@link Role#QUERY}, what the query answers
 * @param aliasesOwner for {@link Role#BEGIN_RETURNING}, whether the receiver's accessor returns the same handle
 *     (Hibernate's {@code session.getTransaction()}); for {@link Role#BEGIN_ON_RECEIVER}, whether the call returns its
 *     receiver (a fluent home-grown {@code Db<T> begin()}), so that its result is the same object
 */
public record CallRole(Role role, Protocol protocol, StatusTest test, boolean aliasesOwner) {
  public static CallRole of(Role role, Protocol protocol) {
    return new CallRole(role, protocol, null, false);
  }

  /** A begin on the receiver that returns the receiver ({@code Db<T> t = db.begin();}, {@code db.begin().commit()}). */
  public static CallRole fluentBegin(Protocol protocol) {
    return new CallRole(Role.BEGIN_ON_RECEIVER, protocol, null, true);
  }

  /** Whether the call's value is its receiver: a fluent begin. */
  public boolean returnsReceiver() {
    return role == Role.BEGIN_ON_RECEIVER && aliasesOwner;
  }

  /**
   * A zero-config begin that returns a separate handle ({@code Transaction tx = db.beginTransaction()}): the
   * transaction still lives on the receiver (semantics: the object of a transaction is the begin's receiver), so
   * closing or ending the receiver ends it too.
   */
  public boolean livesOnReceiver() {
    return role == Role.BEGIN_RETURNING && HomeGrown.isHomeGrown(protocol);
  }

  public boolean isBegin() {
    return role == Role.BEGIN_ON_RECEIVER || role == Role.BEGIN_RETURNING;
  }

  /** A close that ends the transaction by close (not a commit or rollback). */
  public boolean isClose() {
    return role == Role.CLOSE_RECEIVER;
  }

  public boolean isEnd() {
    return role == Role.END_RECEIVER || role == Role.END_ARGUMENT || role == Role.END_OWNED;
  }
}
