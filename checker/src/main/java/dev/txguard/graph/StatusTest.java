package dev.txguard.graph;

/**
 * What a query on a transaction ({@code isActive()}, {@code getStatus() == STATUS_ACTIVE}, {@code getAutoCommit()},
 * {@code isCompleted()}) answers for each run-time status of the transaction.
 *
 * <p>The analysis knows a transaction as not begun, active with the active status, active but possibly marked
 * rollback-only (after an exception), or ended; it refines "possibly marked" by the answers a test allows.
 */
public record StatusTest(String description, Tri whenActive, Tri whenMarkedRollback, Tri whenNone, Tri whenCompleted) {
  /** True while the transaction is open, marked rollback-only or not ({@code isActive()}): a full guard. */
  public static final StatusTest ACTIVE = new StatusTest("is active", Tri.TRUE, Tri.TRUE, Tri.FALSE, Tri.FALSE);

  /** True only for the active status ({@code getStatus() == ACTIVE}): false when marked rollback-only. */
  public static final StatusTest STATUS_ACTIVE_ONLY =
      new StatusTest("has the active status", Tri.TRUE, Tri.FALSE, Tri.FALSE, Tri.FALSE);

  /** True only when marked rollback-only. */
  public static final StatusTest STATUS_MARKED_ROLLBACK =
      new StatusTest("is marked rollback-only", Tri.FALSE, Tri.TRUE, Tri.FALSE, Tri.FALSE);

  /** True when there is no transaction ({@code STATUS_NO_TRANSACTION}, {@code NOT_ACTIVE}). */
  public static final StatusTest NONE =
      new StatusTest("has no transaction", Tri.FALSE, Tri.FALSE, Tri.TRUE, Tri.UNKNOWN);

  /** True once it ended ({@code isCompleted()}, {@code COMMITTED}, {@code ROLLED_BACK}). */
  public static final StatusTest COMPLETED =
      new StatusTest("is completed", Tri.FALSE, Tri.FALSE, Tri.UNKNOWN, Tri.UNKNOWN);

  /** A test the analysis cannot interpret. */
  public static final StatusTest UNKNOWN =
      new StatusTest("unknown", Tri.UNKNOWN, Tri.UNKNOWN, Tri.UNKNOWN, Tri.UNKNOWN);

  public StatusTest negate() {
    return new StatusTest(
        "not " + description, whenActive.not(), whenMarkedRollback.not(), whenNone.not(), whenCompleted.not());
  }

  /** The disjunction of two tests on the same transaction ({@code == ACTIVE || == MARKED_ROLLBACK}). */
  public StatusTest or(StatusTest o) {
    return new StatusTest(
        description + " or " + o.description,
        or(whenActive, o.whenActive),
        or(whenMarkedRollback, o.whenMarkedRollback),
        or(whenNone, o.whenNone),
        or(whenCompleted, o.whenCompleted));
  }

  private static Tri or(Tri a, Tri b) {
    if (a == Tri.TRUE || b == Tri.TRUE) {
      return Tri.TRUE;
    }
    return a == Tri.FALSE && b == Tri.FALSE ? Tri.FALSE : Tri.UNKNOWN;
  }
}
