package dev.txguard.protocol;

/** What a call does to a transaction. */
public enum Role {
  /** Begins a transaction whose handle is the receiver ({@code tx.begin()}, {@code conn.setAutoCommit(false)}). */
  BEGIN_ON_RECEIVER,
  /** Begins a transaction and returns its handle ({@code session.beginTransaction()}). */
  BEGIN_RETURNING,
  /** Ends the transaction of the receiver ({@code tx.commit()}). */
  END_RECEIVER,
  /** Ends the transaction given as the first argument ({@code txManager.commit(status)}). */
  END_ARGUMENT,
  /** Ends the transaction owned by the receiver ({@code DB.commitTransaction()}). */
  END_OWNED,
  /**
   * Closes the receiver, which ends its transaction only by close ({@code Connection.close()},
   * {@code Session.close()}): the pool or the session rolls it back, but some drivers commit. Reported by the
   * {@code TransactionEndedByClose} rule, not by the default ones.
   */
  CLOSE_RECEIVER,
  /** A query on the receiver's transaction; its {@link CallRole#test()} says what it answers. */
  QUERY,
  /** Returns a status value that a comparison with a constant turns into a query ({@code getStatus()}). */
  STATUS,
  /** Returns the handle owned by the receiver ({@code em.getTransaction()}). */
  ACCESSOR
}
