package dev.txguard.analysis;

import dev.txguard.graph.Key;

/** What a location refers to on one path. */
sealed interface Binding {
  /** The transaction {@code tx}; {@code handle}: the location holds its handle rather than its owner. */
  record TxRef(int tx, boolean handle) implements Binding {}

  /** {@code null}. */
  record NullRef() implements Binding {}

  /**
   * Whatever {@code root} refers to, now or once a transaction begins on it ({@code et = em.getTransaction()} before
   * {@code et.begin()}). {@code rootIsHandle}: the root itself is the handle (a plain copy) rather than its owner.
   */
  record AliasOf(Key root, boolean handle, boolean rootIsHandle) implements Binding {}

  /**
   * A new object that keeps the handles or objects in {@code roots} (settled detail 9): one whose module constructor
   * stored them, or a lambda, method reference or anonymous class that captured them. Their transactions are handed
   * off only if this object escapes (returned, stored, passed on). {@code acquired}: the unit created it ({@code new}),
   * so a transaction begun on it is the unit's own, as on any other new object.
   */
  record Holds(java.util.List<Key> roots, boolean acquired) implements Binding {
    public Holds {
      roots = java.util.List.copyOf(roots);
    }

    /** Not (yet) known to be acquired: a lambda or method reference, or a new object before its Acquire. */
    Holds(java.util.List<Key> roots) {
      this(roots, false);
    }

    Holds with(Key root) {
      if (roots.contains(root)) {
        return this;
      }
      java.util.List<Key> more = new java.util.ArrayList<>(roots);
      more.add(root);
      return new Holds(more, acquired);
    }

    /** The same holder, now known to be an object the unit acquired ({@code new}): rule 2 applies to it. */
    Holds asAcquired() {
      return acquired ? this : new Holds(roots, true);
    }
  }

  /** An object the unit acquired ({@link dev.txguard.graph.Op.Acquire}) with no transaction begun on it yet. */
  record Acquired() implements Binding {}

  /** A non-null object that decides nothing else: a {@code catch} parameter (a failure flag's value). */
  record NonNullRef() implements Binding {}

  NullRef NULL = new NullRef();
  NonNullRef NON_NULL = new NonNullRef();
  Acquired ACQUIRED = new Acquired();
}
