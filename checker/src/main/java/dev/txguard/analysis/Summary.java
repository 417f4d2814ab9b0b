package dev.txguard.analysis;

import dev.txguard.graph.Key;
import dev.txguard.graph.TxInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What callers in the same compilation unit need to know about a method.
 *
 * @param begins locations on which the method begins a transaction that it never ends (a begin wrapper)
 * @param returnsHandle the protocol of a handle the method begins and returns, or null
 * @param ends locations whose transaction is no longer active after every normal exit (an end wrapper)
 * @param escapes locations whose handle the method hands off
 * @param closes locations whose JDBC connection or Hibernate session is closed after every normal exit (a closer); a
 *     field of the callee closed so means, for a caller that calls it on another object, that object is closed
 * @param returnsAcquired the method is a factory wrapper: its result is an object acquired in the call
 * @param guard the boolean parameter the summary depends on (-1: none); {@code whenTrue}/{@code whenFalse} are the
 *     summaries for a caller whose argument there is known true or false
 * @param kept what the method returns is kept elsewhere too (settled detail 4), or null
 * @param guardConstant for a summary that depends on an enum parameter, the constant whose test guards it
 *     ({@code whenTrue}: the argument is that constant); null for a boolean guard
 * @param query what the method returns when it is a query wrapper, or null
 * @param beginsWhenTrue the method returns a boolean that says whether it began: its {@code begins} happen on the
 *     paths that return true and on no path that returns false (OFBiz's {@code boolean began = TransactionUtil.begin()})
 * @param joins slots of {@code begins} where the method begins only when no transaction is active there (Roller's
 *     {@code if (!em.getTransaction().isActive()) em.getTransaction().begin();}): a caller whose transaction there
 *     is open continues it
 */
record Summary(
    Map<Slot, TxInfo> begins,
    TxInfo returnsHandle,
    Set<Slot> ends,
    Set<Slot> escapes,
    Set<Slot> closes,
    boolean returnsAcquired,
    int guard,
    Summary whenTrue,
    Summary whenFalse,
    Kept kept,
    String guardConstant,
    QueryWrapper query,
    boolean beginsWhenTrue,
    Set<Slot> joins) {
  static final Summary NONE = new Summary(Map.of(), null, Set.of(), Set.of(), Set.of(), false);

  /**
   * The method returns an object that it, or a module accessor it got it from, also keeps: read from or stored into
   * a field, a {@code ThreadLocal} or a collection, or a parameter (settled detail 4). For its callers the result is
   * borrowed, and a transaction the method began on it is a begin on a borrowed object (rule 1 alone decides).
   *
   * @param begun the transaction the method begins on the returned object, or null (a plain accessor)
   * @param slot where that begin falls in the caller (its argument, a field of the receiver), or null when the caller
   *     has no name for it
   */
  record Kept(TxInfo begun, Slot slot) {}

  Summary(Map<Slot, TxInfo> begins, TxInfo returnsHandle, Set<Slot> ends, Set<Slot> escapes, Set<Slot> closes,
      boolean returnsAcquired) {
    this(begins, returnsHandle, ends, escapes, closes, returnsAcquired, -1, null, null, null, null, null, false, Set.of());
  }

  /** This summary, whose begins on {@code slots} happen only where no transaction is active. */
  Summary withJoins(Set<Slot> slots) {
    return new Summary(begins, returnsHandle, ends, escapes, closes, returnsAcquired, guard, whenTrue, whenFalse, kept,
        guardConstant, query, beginsWhenTrue, slots);
  }

  /** This summary, whose result is kept elsewhere too. */
  Summary withKept(Kept k) {
    return new Summary(begins, returnsHandle, ends, escapes, closes, returnsAcquired, guard, whenTrue, whenFalse, k,
        guardConstant, query, beginsWhenTrue, joins);
  }

  /** This summary, of a method that is query wrapper {@code q}. */
  Summary withQuery(QueryWrapper q) {
    return new Summary(begins, returnsHandle, ends, escapes, closes, returnsAcquired, guard, whenTrue, whenFalse, kept,
        guardConstant, q, beginsWhenTrue, joins);
  }

  /** This summary, of a method whose begins happen exactly on the paths that return true. */
  Summary withBeginsWhenTrue() {
    return new Summary(begins, returnsHandle, ends, escapes, closes, returnsAcquired, guard, whenTrue, whenFalse, kept,
        guardConstant, query, true, joins);
  }

  Summary(Map<Slot, TxInfo> begins, TxInfo returnsHandle, Set<Slot> ends, Set<Slot> escapes, boolean returnsAcquired) {
    this(begins, returnsHandle, ends, escapes, Set.of(), returnsAcquired);
  }

  Summary(Map<Slot, TxInfo> begins, TxInfo returnsHandle, Set<Slot> ends, Set<Slot> escapes, Set<Slot> closes) {
    this(begins, returnsHandle, ends, escapes, closes, false);
  }

  /** This summary, depending on boolean parameter {@code guard}. */
  Summary withContexts(int guard, Summary whenTrue, Summary whenFalse) {
    return withContexts(guard, null, whenTrue, whenFalse);
  }

  /**
   * This summary, depending on parameter {@code guard}: a boolean ({@code constant} null), or an enum whose test
   * against {@code constant} is true in {@code whenTrue}.
   */
  Summary withContexts(int guard, String constant, Summary whenTrue, Summary whenFalse) {
    return new Summary(begins, returnsHandle, ends, escapes, closes, returnsAcquired, guard, whenTrue, whenFalse, kept,
        constant, query, beginsWhenTrue, joins);
  }

  /** The summary for a call whose guard argument is {@code value} (null: not known). */
  Summary in(Boolean value) {
    return guard < 0 || value == null ? this : value ? whenTrue : whenFalse;
  }

  Summary {
    begins = Map.copyOf(begins);
    ends = Set.copyOf(ends);
    escapes = Set.copyOf(escapes);
    closes = Set.copyOf(closes);
    joins = Set.copyOf(joins);
  }

  Summary(Map<Slot, TxInfo> begins, TxInfo returnsHandle, Set<Slot> ends, Set<Slot> escapes) {
    this(begins, returnsHandle, ends, escapes, Set.of());
  }

  boolean isEmpty() {
    return begins.isEmpty() && returnsHandle == null && ends.isEmpty() && escapes.isEmpty() && closes.isEmpty()
        && !returnsAcquired && guard < 0 && kept == null && query == null;
  }

  /** A location as a caller sees it: a parameter position, or a field or expression of the receiver. */
  record Slot(int paramIndex, String id, Key.Kind kind) {
    static Slot of(Key key) {
      return key.kind() == Key.Kind.PARAM ? new Slot(key.paramIndex(), null, Key.Kind.PARAM) : new Slot(-1, key.id(), key.kind());
    }

    /** The caller's location for this slot, or null when it has none. */
    Key inCaller(List<Key> args, boolean receiverIsThis) {
      return inCaller(args, receiverIsThis, null);
    }

    /**
     * The caller's location for this slot, or null when it has none. Called on another object ({@code db.beginWork()},
     * {@code receiver} not null), the callee's {@code this} is that object, a field or {@code this} accessor of the
     * callee is the location {@link Key#onReceiver} names, and a static owner is itself (design.md, "Wrappers called
     * on another object").
     */
    Key inCaller(List<Key> args, boolean receiverIsThis, Key receiver) {
      if (kind == Key.Kind.PARAM) {
        return paramIndex < args.size() ? args.get(paramIndex) : null;
      }
      if ((kind == Key.Kind.FIELD || kind == Key.Kind.EXPR) && receiverIsThis) {
        return new Key(id, kind, -1);
      }
      if (receiver == null || receiver.constantValue() != null || receiver.enumConstantName() != null) {
        return null;
      }
      if (kind == Key.Kind.FIELD && id.equals("this")) {
        return receiver;
      }
      if (kind == Key.Kind.FIELD && id.startsWith("static:")) {
        return new Key(id, kind, -1);
      }
      if ((kind == Key.Kind.FIELD && id.startsWith("f:"))
          || (kind == Key.Kind.EXPR && !id.startsWith("expr:kept:") && !id.startsWith("expr:enum-constant:")
              && !id.equals("expr:true") && !id.equals("expr:false"))) {
        return Key.onReceiver(receiver, id);
      }
      return null;
    }
  }
}
