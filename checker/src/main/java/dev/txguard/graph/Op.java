package dev.txguard.graph;

import java.util.List;

/** What a node does. Operations are immutable; wiring lives in {@link Node}. */
public sealed interface Op {
  /** A join point or placeholder. */
  record Nop() implements Op {}

  /**
   * A transaction begins. {@code handle} is the variable that now holds a fresh handle (a begin that returns its
   * handle, assigned to a variable) or the receiver that is the handle ({@code conn}); {@code owner} is the object
   * whose accessor returns the handle ({@code em} for {@code em.getTransaction()}); either may be null.
   */
  record Begin(Key handle, boolean handleIsFresh, Key owner, TxInfo info) implements Op {}

  /** The transaction that {@code key} refers to ends. */
  record End(Key key) implements Op {}

  /**
   * The object in {@code key} is closed, which ends its transaction only by close (a JDBC connection goes back to a
   * pool that rolls it back; a Hibernate session releases it). Not an end for the default rules' responsibility.
   */
  record Close(Key key) implements Op {}

  /**
   * {@code dst} now holds an object this unit acquired (semantics: "Ownership"): a {@code new} object, the result of a
   * factory of the protocol table, or a try-with-resources resource. A transaction begun on it is the unit's own.
   */
  record Acquire(Key dst) implements Op {}

  /** {@code dst} holds a non-null object that is no transaction's: a {@code catch} parameter on entry to its block. */
  record NotNull(Key dst) implements Op {}

  /**
   * {@code dst} now holds a lambda, method reference or anonymous-class object that captured the variables
   * {@code captured} (settled detail 9): what they refer to is handed off only if this object escapes.
   */
  record Capture(Key dst, List<Key> captured) implements Op {
    public Capture {
      captured = List.copyOf(captured);
    }
  }

  /** A boolean variable takes the value of a leaf condition. */
  record AssignBool(Key var, Cond value) implements Op {}

  /** {@code dst = src}, where {@code src} denotes a handle ({@code asHandle}) or an owner. */
  record Copy(Key dst, Key src, boolean asHandle) implements Op {}

  /** {@code dst} is overwritten with {@code null} ({@code toNull}) or with something unrelated. */
  record Clear(Key dst, boolean toNull) implements Op {}

  /**
   * The object in {@code key} leaves the unit's control. {@code handleOnly}: only a handle escapes this way (capture
   * in a lambda, passing to a method that ends it); an owner does not. {@code viaReturn}: by a return statement.
   */
  record Escape(Key key, boolean handleOnly, boolean viaReturn) implements Op {}

  /**
   * A call that is not a protocol call. {@code localCallee} identifies a method of the same compilation unit (for
   * wrapper summaries), {@code resultVar} the variable its result is assigned to; {@code storesArguments}: the
   * receiver is a collection or map that keeps its arguments. {@code sameAs}: for a result assigned to a local, the
   * key the call's spelling has as a receiver when it is a chain of no-argument calls from {@code this}, a type or a
   * field ({@code EntityManager em = em();}): an accessor's result is that same object (semantics, "Same object,
   * different spellings"), which the analysis decides from the callee's summary. Its exception edges are wired by the
   * builder.
   */
  record Call(
      String name,
      Key receiver,
      boolean receiverIsThis,
      List<Key> args,
      String localCallee,
      Key resultVar,
      boolean storesArguments,
      Key sameAs)
      implements Op {
    public Call(String name, Key receiver, boolean receiverIsThis, List<Key> args, String localCallee, Key resultVar,
        boolean storesArguments) {
      this(name, receiver, receiverIsThis, args, localCallee, resultVar, storesArguments, null);
    }

    /** Constructors are not methods: the hand-off-by-name rule does not apply to them. */
    public boolean isConstructor() {
      return name.startsWith("new ");
    }

    public Call {
      args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }
  }

  /** A {@code throw} statement; its exception edges are wired by the builder. */
  record Throw() implements Op {}

  /** Branch on a leaf condition; successors are {@link Edge.Kind#TRUE} and {@link Edge.Kind#FALSE}. */
  record Branch(Cond cond) implements Op {}

  /** A choice the analysis cannot decide (which switch case matches, whether a loop iterates again). */
  record Choice() implements Op {}

  /**
   * A {@code break}, {@code continue} or {@code yield} that leaves {@code region}. A transaction begun inside the
   * region and still active is reported here if the method then exits without ending it.
   */
  record Jump(ExitKind kind, Site region) implements Op {}

  /** The method is about to leave normally at this site (a return, or the end of the body). */
  record ExitMark(ExitKind kind) implements Op {}

  /** Entry to a catch block: the exception in flight is caught. */
  record Catch() implements Op {}

  /** End of a finally block entered by an exception: the exception in flight propagates on. */
  record Rethrow() implements Op {}

  /** The unit's normal exit. */
  record NormalExit() implements Op {}

  /** The unit's exceptional exit. */
  record ExceptionalExit() implements Op {}
}
