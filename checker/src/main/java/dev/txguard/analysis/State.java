package dev.txguard.analysis;

import dev.txguard.graph.ExitKind;
import dev.txguard.graph.Key;
import dev.txguard.graph.Site;
import dev.txguard.graph.ThrownType;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The abstract state of one path (or of several paths that agree on everything but boolean facts). Immutable: every
 * update returns a copy, so states can be shared between the paths that reach a node.
 */
final class State {
  /** A jump that left the region of a begin while its transaction was open. */
  record Pending(Site site, ExitKind kind) {}

  /**
   * Everything but the boolean facts, the throw site and the trail: states with equal keys merge. Facts merge by
   * intersection; throw sites by keeping the earliest (only the first site per begin is reported), so a method
   * with hundreds of calls does not carry one state per call to its exceptional exit. While an exception is in
   * flight the facts are part of the key, so that a flag set between two throwing calls ({@code committed = true})
   * stays tied to the calls it follows.
   */
  static final class MergeKey {
    private final Map<Integer, TxStatus> tx;
    private final Map<Key, Binding> bindings;
    private final Map<Integer, Pending> pending;
    private final Site exitSite;
    private final ExitKind exitKind;
    private final ThrownType inFlight;
    private final Map<Key, Boolean> factsInFlight;
    /** Computed once: a key is hashed at every table lookup of every node it reaches, and hashing walks the maps. */
    private final int hash;

    MergeKey(Map<Integer, TxStatus> tx, Map<Key, Binding> bindings, Map<Integer, Pending> pending, Site exitSite,
        ExitKind exitKind, ThrownType inFlight, Map<Key, Boolean> factsInFlight) {
      this.tx = tx;
      this.bindings = bindings;
      this.pending = pending;
      this.exitSite = exitSite;
      this.exitKind = exitKind;
      this.inFlight = inFlight;
      this.factsInFlight = factsInFlight;
      this.hash = Objects.hash(tx, bindings, pending, exitSite, exitKind, inFlight, factsInFlight);
    }

    @Override
    public boolean equals(Object o) {
      return o == this || (o instanceof MergeKey k && hash == k.hash && tx.equals(k.tx) && bindings.equals(k.bindings)
          && pending.equals(k.pending) && Objects.equals(exitSite, k.exitSite) && exitKind == k.exitKind
          && Objects.equals(inFlight, k.inFlight) && Objects.equals(factsInFlight, k.factsInFlight));
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  final Map<Integer, TxStatus> tx;
  final Map<Key, Binding> bindings;
  final Map<Key, Boolean> facts;
  final Map<Integer, Pending> pending;
  final Site exitSite;
  final ExitKind exitKind;
  final ThrownType inFlight;
  final Site throwSite;
  final Trail trail;
  private MergeKey key;

  State(
      Map<Integer, TxStatus> tx,
      Map<Key, Binding> bindings,
      Map<Key, Boolean> facts,
      Map<Integer, Pending> pending,
      Site exitSite,
      ExitKind exitKind,
      ThrownType inFlight,
      Site throwSite,
      Trail trail) {
    this.tx = tx;
    this.bindings = bindings;
    this.facts = facts;
    this.pending = pending;
    this.exitSite = exitSite;
    this.exitKind = exitKind;
    this.inFlight = inFlight;
    this.throwSite = throwSite;
    this.trail = trail;
  }

  static State initial() {
    return new State(Map.of(), Map.of(), Map.of(), Map.of(), null, null, null, null, null);
  }

  MergeKey key() {
    if (key == null) {
      // Facts tie a flag to the throwing calls it follows only while some transaction is open; without one they
      // decide nothing yet, and keeping them would split the states of a method with many flags (settled detail 17).
      key = new MergeKey(tx, bindings, pending, exitSite, exitKind, inFlight,
          inFlight == null || !anyOpen() ? null : facts);
    }
    return key;
  }

  private boolean anyOpen() {
    for (TxStatus st : tx.values()) {
      if (st.isOpen()) {
        return true;
      }
    }
    return false;
  }

  State withTx(int id, TxStatus status) {
    Map<Integer, TxStatus> m = new HashMap<>(tx);
    m.put(id, status);
    return new State(m, bindings, facts, pending, exitSite, exitKind, inFlight, throwSite, trail);
  }

  State withTxMap(Map<Integer, TxStatus> m) {
    return new State(m, bindings, facts, pending, exitSite, exitKind, inFlight, throwSite, trail);
  }

  State withBinding(Key k, Binding b) {
    Map<Key, Binding> m = new HashMap<>(bindings);
    if (b == null) {
      m.remove(k);
    } else {
      m.put(k, b);
    }
    return new State(tx, m, facts, pending, exitSite, exitKind, inFlight, throwSite, trail);
  }

  State withFact(Key k, Boolean value) {
    Map<Key, Boolean> m = new HashMap<>(facts);
    if (value == null) {
      m.remove(k);
    } else {
      m.put(k, value);
    }
    return new State(tx, bindings, m, pending, exitSite, exitKind, inFlight, throwSite, trail);
  }

  State withFacts(Map<Key, Boolean> m) {
    return new State(tx, bindings, m, pending, exitSite, exitKind, inFlight, throwSite, trail);
  }

  State withPending(int id, Pending p) {
    Map<Integer, Pending> m = new HashMap<>(pending);
    if (p == null) {
      m.remove(id);
    } else {
      m.put(id, p);
    }
    return new State(tx, bindings, facts, m, exitSite, exitKind, inFlight, throwSite, trail);
  }

  State withExit(Site site, ExitKind kind) {
    return new State(tx, bindings, facts, pending, site, kind, inFlight, throwSite, trail);
  }

  State withException(ThrownType type, Site site) {
    return new State(tx, bindings, facts, pending, null, null, type, site, trail);
  }

  State withThrowSite(Site site) {
    return new State(tx, bindings, facts, pending, exitSite, exitKind, inFlight, site, trail);
  }

  State withTrail(Trail t) {
    return new State(tx, bindings, facts, pending, exitSite, exitKind, inFlight, throwSite, t);
  }

  State push(PathStep step, int txId) {
    return withTrail(Trail.push(trail, step, txId));
  }

  /** What {@code k} refers to, following an alias to its root. */
  Resolved resolve(Key k) {
    Binding b = bindings.get(k);
    if (b instanceof Binding.AliasOf a) {
      Binding rootBinding = bindings.get(a.root());
      if (rootBinding instanceof Binding.TxRef r) {
        return new Resolved(a.root(), new Binding.TxRef(r.tx(), a.handle()));
      }
      return new Resolved(a.root(), rootBinding instanceof Binding.AliasOf ? null : rootBinding);
    }
    return new Resolved(k, b);
  }

  /** A location's root and what it refers to (null: nothing known). */
  record Resolved(Key root, Binding binding) {
    Integer tx() {
      return binding instanceof Binding.TxRef r ? r.tx() : null;
    }
  }
}
