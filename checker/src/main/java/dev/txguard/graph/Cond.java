package dev.txguard.graph;

/**
 * A leaf condition the analysis can evaluate. Front ends lower {@code &&}, {@code ||}, {@code !} and {@code ?:}
 * into control flow, so only leaves reach the graph.
 */
public sealed interface Cond {
  /** A constant. */
  record Const(boolean value) implements Cond {}

  /** A boolean local variable or parameter. */
  record Var(Key var) implements Cond {}

  /** {@code key != null}. */
  record NonNull(Key key) implements Cond {}

  /** A protocol query on the transaction that {@code key} refers to. */
  record Query(Key key, StatusTest test) implements Cond {}

  /**
   * The boolean that module method call {@code call} (emitted just before the branch) returned: a query wrapper's
   * summary says which query it computes (semantics: "Ownership", query wrappers); any other call's is unknown.
   */
  record CallResult(Op.Call call) implements Cond {}

  /** Anything else: both outcomes are possible. */
  record Unknown() implements Cond {}

  Cond UNKNOWN = new Unknown();
  Cond TRUE = new Const(true);
  Cond FALSE = new Const(false);
}
