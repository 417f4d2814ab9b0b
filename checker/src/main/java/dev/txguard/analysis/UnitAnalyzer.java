package dev.txguard.analysis;

import dev.txguard.graph.Cond;
import dev.txguard.graph.Edge;
import dev.txguard.graph.ExitKind;
import dev.txguard.graph.FlowGraph;
import dev.txguard.graph.Key;
import dev.txguard.graph.Node;
import dev.txguard.graph.Op;
import dev.txguard.graph.Site;
import dev.txguard.graph.StatusTest;
import dev.txguard.graph.ThrownType;
import dev.txguard.graph.Tri;
import dev.txguard.graph.TxInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * One run of the typestate analysis over one unit's graph: a worklist over (node, state) pairs in which states that
 * agree on all but their boolean facts merge (ESP's property simulation), so the work stays polynomial in the graph.
 *
 * <p>Transactions are identified by the node id of their begin (or of the wrapper call that begins them); in summary
 * mode, negative ids stand for a transaction assumed active at entry on a parameter or field.
 */
final class UnitAnalyzer {
  private final FlowGraph graph;
  private final ModuleSummaries.Summaries summaries;
  private final HandOffNames handOff;
  private final AnalysisOptions options;
  private final Map<Key, Integer> assumedActive;
  private final Map<Key, Boolean> initialFacts;

  /** The variables whose bindings the state keeps ({@link #trackedKeys}). */
  private final Set<Key> tracked;

  private final Map<Integer, BeginRecord> begins = new HashMap<>();
  private final Set<Integer> ended = new HashSet<>();
  private final Set<Integer> escaped = new HashSet<>();
  private final Set<Integer> returned = new HashSet<>();
  /** Transactions that a close ended on some path (for closer summaries: not an end). */
  private final Set<Integer> closed = new HashSet<>();
  /** Paths on which only a close ended the transaction, at that close ({@code TransactionEndedByClose}). */
  private final List<Leak> closeLeaks = new ArrayList<>();
  private final List<Leak> normalLeaks = new ArrayList<>();
  private final Map<Integer, Leak> exceptionalLeaks = new HashMap<>();
  private final List<Leak> beginAgain = new ArrayList<>();
  /** For a begin that found its handle active: the transaction that was active (the same transaction goes on). */
  private final Map<Integer, Integer> againOf = new HashMap<>();
  private final List<State> exitStates = new ArrayList<>();
  /** Returns of an object acquired here; of anything else; stores of an acquired object (factory wrappers). */
  private boolean returnedAcquired;
  private boolean returnedOther;
  private boolean acquiredStored;
  /** A return of an object kept elsewhere too: a field, a parameter, a kept read (settled detail 4: an accessor). */
  private boolean returnedKept;
  /** The locations whose objects the returns give back (other than handles, new objects and null). */
  private final Set<Key> returnedRoots = new HashSet<>();
  /** Transactions whose handle or object was stored (into a field, a collection, a ThreadLocal), not only returned. */
  private final Set<Integer> stored = new HashSet<>();
  /** Objects stored before any begin on them (KEPT.set(s); s.beginTransaction()): kept, whatever the order. */
  private final Set<Key> storedObjects = new HashSet<>();
  /** Transactions begun through an owner that is kept elsewhere (a field, a parameter, a kept read): that owner. */
  private final Map<Integer, Key> keptOwners = new HashMap<>();
  /** Calls whose result a branch tests ({@link Cond.CallResult}), each with its node; by identity. */
  private final Map<Op.Call, Node> branchedCallNodes = new java.util.IdentityHashMap<>();
  private final Set<Op.Call> branchedCalls = branchedCallNodes.keySet();

  /**
   * What the unit knows about a transaction it began. {@code acquired}: its object was acquired in this unit (on some
   * path); {@code freshHandle}: the begin returned a handle nobody else can reach (semantics: responsibility rule 3).
   */
  record BeginRecord(Site site, TxInfo info, Key location, boolean acquired, boolean freshHandle) {}

  /** A leak of transaction {@code tx} found on some path. */
  record Leak(int tx, Site at, ExitKind kind, ThrownType thrown, List<PathStep> path, Site previousBegin) {}

  UnitAnalyzer(
      FlowGraph graph,
      ModuleSummaries.Summaries summaries,
      HandOffNames handOff,
      AnalysisOptions options,
      Map<Key, Integer> assumedActive) {
    this(graph, summaries, handOff, options, assumedActive, Map.of());
  }

  /** A run in which boolean parameters start with known values ({@code initialFacts}): a summary's context. */
  UnitAnalyzer(
      FlowGraph graph,
      ModuleSummaries.Summaries summaries,
      HandOffNames handOff,
      AnalysisOptions options,
      Map<Key, Integer> assumedActive,
      Map<Key, Boolean> initialFacts) {
    this.initialFacts = initialFacts;
    this.graph = graph;
    this.summaries = summaries;
    this.handOff = handOff;
    this.options = options;
    this.assumedActive = assumedActive;
    Set<Op.Call> tested = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    this.tracked = trackedKeys(tested);
    if (!tested.isEmpty()) {
      for (Node n : graph.nodes()) {
        if (n.op() instanceof Op.Call c && tested.contains(c)) {
          branchedCallNodes.put(c, n);
        }
      }
    }
  }

  /**
   * Binds {@code k} to {@code b}, unless {@code b} only says what an untracked variable holds (acquired, null, non-null,
   * a copy of another variable): semantics, "What the state tracks". A transaction's reference and an object holding
   * one are always kept.
   */
  private State bind(State s, Key k, Binding b) {
    if (b != null && !(b instanceof Binding.TxRef) && !(b instanceof Binding.Holds) && !tracked.contains(k)) {
      b = null;
    }
    return s.bindings.get(k) == null && b == null ? s : s.withBinding(k, b);
  }

  /**
   * The variables whose binding can decide a transaction (semantics, "What the state tracks"; settled detail 17's
   * "tracked locals"): those a begin, end, close, query or capture names, a catch parameter (a failure flag's
   * value), those passed where a module begin wrapper begins, those returned (a factory wrapper returns what it
   * acquired), those acquired and stored (rule 2), and every variable copied to or from one of them. Any other
   * hand-off does not track a variable: a value that holds no transaction and no object of one ({@code new Object[]
   * {name, email}} after {@code if (name == null) name = "";}) hands off nothing, and one that does is tracked by
   * its begin or its copy. The others (a new list, a local assigned {@code null} and tested) are not part of the
   * state: a method with many of them costs no more than one with none. The same pass adds to {@code testedCalls}
   * every call whose result a branch tests.
   */
  private Set<Key> trackedKeys(Set<Op.Call> testedCalls) {
    Set<Key> out = new HashSet<>(assumedActive.keySet());
    List<Op.Copy> copies = new ArrayList<>();
    Set<Key> acquiredKeys = new HashSet<>();
    Set<Key> storedKeys = new HashSet<>();
    for (Node n : graph.nodes()) {
      Op op = n.op();
      if (op instanceof Op.Acquire a) {
        acquiredKeys.add(a.dst());
      } else if (op instanceof Op.Escape e) {
        // Returned: whether it was acquired decides a factory wrapper. Stored: only an acquired object (rule 2).
        if (e.viaReturn()) {
          addKey(out, e.key());
        } else {
          addKey(storedKeys, e.key());
        }
      }
      if (op instanceof Op.Begin b) {
        addKey(out, b.handle());
        addKey(out, b.owner());
      } else if (op instanceof Op.End e) {
        addKey(out, e.key());
      } else if (op instanceof Op.Close c) {
        addKey(out, c.key());
      } else if (op instanceof Op.Capture c) {
        addKey(out, c.dst());
        c.captured().forEach(k -> addKey(out, k));
      } else if (op instanceof Op.NotNull nn) {
        addKey(out, nn.dst());
      } else if (op instanceof Op.Branch b && b.cond() instanceof Cond.Query q) {
        addKey(out, q.key());
      } else if (op instanceof Op.Branch b && b.cond() instanceof Cond.CallResult r) {
        testedCalls.add(r.call()); // for a begin wrapper whose result says it began (branchedCallNodes)
        Summary summary = summaries.get(r.call().localCallee());
        if (summary != null && summary.query() != null) {
          List<List<QueryWrapper.Step>> paths = new ArrayList<>(summary.query().whenTrue());
          paths.addAll(summary.query().whenFalse());
          for (List<QueryWrapper.Step> path : paths) {
            for (QueryWrapper.Step st : path) {
              Cond c = st.inCaller(r.call());
              addKey(out, c instanceof Cond.Query q ? q.key() : c instanceof Cond.NonNull nn ? nn.key() : null);
            }
          }
        }
      } else if (op instanceof Op.Copy c) {
        copies.add(c);
      } else if (op instanceof Op.Call c) {
        if (c.sameAs() != null && c.resultVar() != null) {
          copies.add(new Op.Copy(c.resultVar(), c.sameAs(), false)); // an accessor's result: see callEffects
        }
        // A begin wrapper's argument: whether the object was acquired decides rule 2 for the begin it makes.
        Summary summary = c.localCallee() == null ? null : summaries.get(c.localCallee());
        for (Summary sv : summary == null ? List.<Summary>of() : contexts(summary)) {
          for (Summary.Slot slot : sv.begins().keySet()) {
            if (slot.kind() == Key.Kind.PARAM && slot.paramIndex() < c.args().size()) {
              addKey(out, c.args().get(slot.paramIndex()));
            } else if (!c.receiverIsThis() && slot.kind() == Key.Kind.FIELD && "this".equals(slot.id())) {
              addKey(out, c.receiver()); // db.start() beginning on the callee's this begins on db
            }
          }
        }
      }
    }
    storedKeys.retainAll(acquiredKeys);
    out.addAll(storedKeys);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Op.Copy c : copies) {
        if (out.contains(c.dst()) != out.contains(c.src())) {
          out.add(c.dst());
          out.add(c.src());
          changed = true;
        }
      }
    }
    return out;
  }

  /** The summary and its contexts (a guard's true and false summaries), when it has them. */
  static List<Summary> contexts(Summary s) {
    List<Summary> out = new ArrayList<>(List.of(s));
    if (s.whenTrue() != null) {
      out.add(s.whenTrue());
    }
    if (s.whenFalse() != null) {
      out.add(s.whenFalse());
    }
    return out;
  }

  private static void addKey(Set<Key> keys, Key k) {
    if (k != null) {
      keys.add(k);
    }
  }

  UnitAnalyzer run() {
    List<Node> nodes = graph.nodes();
    @SuppressWarnings("unchecked")
    Map<State.MergeKey, State>[] table = new Map[nodes.size()];
    @SuppressWarnings("unchecked")
    Set<State.MergeKey>[] dirty = new Set[nodes.size()];
    PriorityQueue<Integer> queue = new PriorityQueue<>();

    Map<Integer, TxStatus> tx = new HashMap<>();
    Map<Key, Binding> bindings = new HashMap<>();
    for (Map.Entry<Key, Integer> e : assumedActive.entrySet()) {
      tx.put(e.getValue(), TxStatus.ACTIVE);
      bindings.put(e.getKey(), new Binding.TxRef(e.getValue(), true));
    }
    State init = new State(tx, bindings, Map.copyOf(initialFacts), Map.of(), null, null, null, null, null);
    merge(table, dirty, queue, graph.entry(), init);

    long steps = 0;
    while (!queue.isEmpty()) {
      int id = queue.poll();
      Set<State.MergeKey> keys = dirty[id];
      dirty[id] = null;
      if (keys == null) {
        continue;
      }
      Node node = nodes.get(id);
      for (State.MergeKey k : keys) {
        if (++steps > options.maxSteps()) {
          throw new BudgetExceededException(graph.unitName(), steps + " steps");
        }
        State s = table[id].get(k);
        for (Out out : transfer(node, s)) {
          merge(table, dirty, queue, out.target, out.state);
        }
      }
    }
    return this;
  }

  private void merge(
      Map<State.MergeKey, State>[] table,
      Set<State.MergeKey>[] dirty,
      PriorityQueue<Integer> queue,
      Node target,
      State incoming) {
    // Exits propagate nothing: record what arrives instead of keeping (and counting) one state per path there.
    if (target.op() instanceof Op.NormalExit) {
      normalExit(incoming);
      return;
    }
    if (target.op() instanceof Op.ExceptionalExit) {
      exceptionalExit(incoming);
      return;
    }
    int id = target.id();
    Map<State.MergeKey, State> states = table[id];
    if (states == null) {
      states = new LinkedHashMap<>();
      table[id] = states;
    }
    State.MergeKey key = incoming.key();
    State existing = states.get(key);
    State merged;
    if (existing == null) {
      if (states.size() >= options.maxStatesPerNode()) {
        int line = target.site().line();
        throw new BudgetExceededException(graph.unitName(), states.size() + " states" + (line > 0 ? " at line " + line : ""));
      }
      merged = incoming;
    } else {
      Map<Key, Boolean> facts = intersect(existing.facts, incoming.facts);
      boolean earlierThrow = incoming.throwSite != null
          && (existing.throwSite == null || incoming.throwSite.before(existing.throwSite));
      if (facts.size() == existing.facts.size() && !earlierThrow) {
        return; // nothing new
      }
      merged = facts.size() == existing.facts.size() ? existing : existing.withFacts(facts);
      if (earlierThrow) {
        merged = merged.withThrowSite(incoming.throwSite).withTrail(incoming.trail);
      }
    }
    states.put(key, merged);
    if (dirty[id] == null) {
      dirty[id] = new LinkedHashSet<>();
      queue.add(id);
    }
    dirty[id].add(key);
  }

  private static Map<Key, Boolean> intersect(Map<Key, Boolean> a, Map<Key, Boolean> b) {
    Map<Key, Boolean> out = new HashMap<>();
    for (Map.Entry<Key, Boolean> e : a.entrySet()) {
      if (e.getValue().equals(b.get(e.getKey()))) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  private record Out(Node target, State state) {}

  private List<Out> transfer(Node node, State s) {
    List<Out> outs = new ArrayList<>(2);
    Op op = node.op();
    State normal = s;
    State exceptional = s;
    if (op instanceof Op.Begin b) {
      normal = begin(s, node, b.handle(), b.handleIsFresh(), b.owner(), b.info());
    } else if (op instanceof Op.End e) {
      normal = end(s, e.key());
    } else if (op instanceof Op.Close c) {
      normal = close(s, node, c.key());
    } else if (op instanceof Op.AssignBool a) {
      normal = assignBool(s, a);
    } else if (op instanceof Op.Copy c) {
      normal = copy(s, c);
    } else if (op instanceof Op.Clear c) {
      normal = bind(s, c.dst(), c.toNull() ? Binding.NULL : null);
    } else if (op instanceof Op.Acquire a) {
      normal = acquire(s, a.dst());
    } else if (op instanceof Op.Capture c) {
      normal = s.withBinding(c.dst(), c.captured().isEmpty() ? null : new Binding.Holds(c.captured()));
    } else if (op instanceof Op.NotNull n) {
      normal = bind(s, n.dst(), Binding.NON_NULL);
    } else if (op instanceof Op.Escape e) {
      normal = escape(s, e.key(), e.handleOnly(), e.viaReturn());
    } else if (op instanceof Op.Call c) {
      Key correlated = correlatedArgument(s, c);
      if (correlated != null) {
        // The callee's begin depends on a boolean the caller holds but does not know: follow both values, so the
        // begin happens exactly on the caller's paths where it is true (semantics, settled detail 17).
        for (boolean v : new boolean[] {true, false}) {
          State sv = s.withFact(correlated, v);
          successors(node, op, sv, callEffects(sv, node, c, true), callEffects(sv, node, c, false), outs);
        }
        return outs;
      }
      // A query wrapper is used like the query itself, which is assumed not to throw (semantics, "Paths").
      Summary summary = c.localCallee() == null ? null : summaries.get(c.localCallee());
      exceptional = summary != null && summary.query() != null || slotAccessorInSummaryRun(s, c)
          ? null : callEffects(s, node, c, false);
      normal = callEffects(s, node, c, true);
    } else if (op instanceof Op.Jump j) {
      normal = jump(s, node, j);
    } else if (op instanceof Op.ExitMark m) {
      normal = s.withExit(node.site(), m.kind())
          .push(new PathStep(PathStep.Kind.EXIT, node.site(), exitWord(m.kind())), 0);
    } else if (op instanceof Op.Catch) {
      normal = new State(s.tx, s.bindings, s.facts, s.pending, null, null, null, null, s.trail)
          .push(new PathStep(PathStep.Kind.CATCH, node.site(), ""), 0);
    } else if (op instanceof Op.NormalExit) {
      normalExit(s);
      return outs;
    } else if (op instanceof Op.ExceptionalExit) {
      exceptionalExit(s);
      return outs;
    } else if (op instanceof Op.Branch b) {
      branch(node, b.cond(), s, outs);
      return outs;
    }
    successors(node, op, s, normal, exceptional, outs);
    return outs;
  }

  private void successors(Node node, Op op, State s, State normal, State exceptional, List<Out> outs) {
    for (Edge e : node.successors()) {
      switch (e.kind()) {
        case NORMAL -> {
          if (normal != null) {
            outs.add(new Out(e.target(), normal));
          }
        }
        case EXCEPTION -> {
          if (op instanceof Op.Rethrow) {
            if (e.exception().equals(s.inFlight)) {
              outs.add(new Out(e.target(), s));
            }
          } else if (exceptional != null) {
            outs.add(new Out(e.target(), thrown(exceptional, node, e.exception())));
          }
        }
        default -> {}
      }
    }
  }

  /**
   * In a summary run the slots hold the tracked object (settled detail 6), and so does a module accessor that returns a
   * slot's object: its call does not fail there. Roller's {@code release()} reads the object through {@code
   * getEntityManager(false)} inside the {@code try} whose {@code catch} swallows; a path on which that read threw would
   * leave the transaction active at a normal exit, and no caller could end it through {@code release()}.
   */
  private boolean slotAccessorInSummaryRun(State s, Op.Call c) {
    if (assumedActive.isEmpty() || c.resultVar() == null) {
      return false;
    }
    Summary summary = summaryAt(s, c);
    return summary != null && summary.kept() != null && summary.kept().begun() == null
        && summary.kept().slot() != null && summary.begins().isEmpty() && summary.ends().isEmpty()
        && summary.escapes().isEmpty() && summary.closes().isEmpty();
  }

  /** The summary of a call's callee in the caller's context (its guard argument's value, when known). */
  private Summary summaryAt(State s, Op.Call c) {
    Summary summary = c.localCallee() == null ? null : summaries.get(c.localCallee());
    if (summary == null || summary.guard() < 0 || summary.guard() >= c.args().size()) {
      return summary;
    }
    Key arg = c.args().get(summary.guard());
    if (summary.guardConstant() != null) {
      // An enum guard: only a constant argument at the call picks a context (settled detail 17).
      String constant = arg == null ? null : arg.enumConstantName();
      return summary.in(constant == null ? null : constant.equals(summary.guardConstant()));
    }
    return summary.in(argumentValue(s, arg));
  }

  private static Boolean argumentValue(State s, Key arg) {
    if (arg == null) {
      return null;
    }
    Boolean constant = arg.constantValue();
    return constant != null ? constant : s.facts.get(arg);
  }

  /** A boolean local or parameter of the caller, of unknown value, passed where the callee's summary depends on it. */
  private Key correlatedArgument(State s, Op.Call c) {
    Summary summary = c.localCallee() == null ? null : summaries.get(c.localCallee());
    if (summary == null || summary.guard() < 0 || summary.guard() >= c.args().size()
        || summary.guardConstant() != null) {
      return null;
    }
    Key arg = c.args().get(summary.guard());
    if (arg == null || (arg.kind() != Key.Kind.LOCAL && arg.kind() != Key.Kind.PARAM) || s.facts.containsKey(arg)
        || s.bindings.containsKey(arg)) {
      return null;
    }
    return arg;
  }

  // ---------------------------------------------------------------- transaction operations

  private State begin(State s, Node node, Key handle, boolean fresh, Key owner, TxInfo info) {
    int id = node.id();
    // Rule 3: a returned handle nobody else reaches (Hibernate's is reachable through session.getTransaction()).
    // A handle stored into a field at the begin is the method's working variable only if it ends it there (rule 1).
    boolean storedAtBegin = fresh && handle != null && handle.kind() == Key.Kind.FIELD;
    boolean freshHandle = !storedAtBegin && fresh && handle != null && (owner == null || !reachableThroughOwner(info));
    Key object = handle != null && !fresh ? handle : owner;
    boolean acquired = !storedAtBegin && object != null && acquired(s, object);
    State.Resolved previous = null;
    if (handle != null && !fresh) {
      previous = s.resolve(handle);
    } else if (owner != null) {
      previous = s.resolve(owner);
    }
    if (previous != null && previous.tx() != null) {
      int prev = previous.tx();
      TxStatus st = s.tx.get(prev);
      if (st != null && st.isOpen() && info.beginAgainIsError() && prev >= 0) {
        BeginRecord pr = begins.get(prev);
        beginAgain.add(new Leak(id, node.site(), null, null, List.of(), pr == null ? node.site() : pr.site()));
        againOf.put(id, prev);
      }
    }
    Key location = null;
    State out = s.withTx(id, TxStatus.ACTIVE).withPending(id, null);
    if (previous != null && previous.tx() != null && previous.tx() != id) {
      TxStatus st = s.tx.get(previous.tx());
      if (st != null && st.isOpen()) {
        // Beginning again on the same handle continues the one transaction (JPA throws and it stays open; JDBC's
        // second setAutoCommit(false) changes nothing): the new begin now stands for it.
        out = out.withTx(previous.tx(), TxStatus.ESCAPED);
      }
    }
    if (handle != null) {
      if (fresh) {
        out = out.withBinding(handle, new Binding.TxRef(id, true));
        location = handle;
      } else {
        Binding b = s.bindings.get(handle);
        if (b instanceof Binding.AliasOf a) {
          out = out.withBinding(a.root(), new Binding.TxRef(id, a.rootIsHandle()));
          location = a.root();
        } else {
          out = out.withBinding(handle, new Binding.TxRef(id, true));
          location = handle;
        }
      }
    }
    if (owner != null) {
      Binding b = s.bindings.get(owner);
      Key root = b instanceof Binding.AliasOf a ? a.root() : owner;
      if (isKeptLocation(root) && !"ebean".equals(info.protocolId())) {
        keptOwners.put(id, root); // Ebean's owner is the thread: its returned handle is the object (settled 2)
      }
      out = out.withBinding(root, new Binding.TxRef(id, false));
      if (location == null) {
        location = root;
      }
    }
    if (location != null) {
      BeginRecord known = begins.get(id);
      if (known == null || (acquired && !known.acquired())) {
        begins.put(id, new BeginRecord(node.site(), info, location, acquired, freshHandle));
      }
    }
    return out.push(new PathStep(PathStep.Kind.BEGIN, node.site(), ""), id);
  }

  /**
   * {@code dst} holds an object this unit acquired. A new object that holds a handle (a module constructor stored it)
   * stays linked to it. One on which a transaction was already begun (a try-with-resources resource or a returned
   * temporary whose initializer is a begin: {@code try (SqlSession s = factory.openSession())},
   * {@code return beginWrapper()}) keeps its transaction, which is now known to live on an acquired object.
   */
  private State acquire(State s, Key dst) {
    if (s.bindings.get(dst) instanceof Binding.Holds h) {
      // Still a holder (its held objects escape with it), and acquired: a begin on it is this unit's (rule 2).
      return h.acquired() ? s : s.withBinding(dst, h.asAcquired());
    }
    if (s.resolve(dst).binding() instanceof Binding.TxRef ref) {
      BeginRecord b = ref.tx() >= 0 ? begins.get(ref.tx()) : null;
      if (b != null && !b.acquired()) {
        begins.put(ref.tx(), new BeginRecord(b.site(), b.info(), b.location(), true, b.freshHandle()));
      }
      return s;
    }
    return bind(s, dst, Binding.ACQUIRED);
  }

  /** Whether the object {@code key} refers to was acquired in this unit (directly, or under an earlier transaction). */
  private boolean acquired(State s, Key key) {
    State.Resolved r = s.resolve(key);
    if (r.binding() instanceof Binding.Acquired || r.binding() instanceof Binding.Holds h && h.acquired()) {
      return true;
    }
    if (r.binding() instanceof Binding.TxRef ref && ref.tx() >= 0) {
      BeginRecord earlier = begins.get(ref.tx());
      return earlier != null && earlier.acquired();
    }
    return false;
  }

  /** Hibernate's transaction stays reachable through {@code session.getTransaction()}: its object is the session. */
  private static boolean reachableThroughOwner(TxInfo info) {
    return "hibernate".equals(info.protocolId());
  }

  private State end(State s, Key key) {
    Integer tx = s.resolve(key).tx();
    if (tx == null) {
      return s;
    }
    ended.add(tx);
    return s.withTx(tx, TxStatus.ENDED);
  }

  /**
   * A close that ends the transaction only by close: it is over, but the close does not make the unit responsible,
   * and a path on which it was still open here is a {@code TransactionEndedByClose} finding at this close.
   */
  private State close(State s, Node node, Key key) {
    Integer tx = s.resolve(key).tx();
    if (tx == null) {
      return s;
    }
    TxStatus st = s.tx.get(tx);
    if (st == null || !st.isOpen()) {
      return s;
    }
    closed.add(tx);
    if (tx >= 0) {
      List<PathStep> path = new ArrayList<>(Trail.since(s.trail, tx));
      path.add(new PathStep(PathStep.Kind.CLOSE, node.site(), ""));
      closeLeaks.add(new Leak(tx, node.site(), ExitKind.CLOSE, null, path, null));
    }
    return s.withTx(tx, TxStatus.ENDED);
  }

  /** Protocols whose table lists {@code close()} as an end like any other. */
  private static final Set<String> CLOSE_IS_AN_END = Set.of("mybatis", "jedis", "mongodb", "neo4j", "ebean");
  /** Protocols whose {@code close()} ends the transaction only by close. */
  private static final Set<String> CLOSE_ENDS_BY_CLOSE = Set.of("jdbc", "hibernate");
  /** Protocols whose object's close ends nothing (JPA's {@code EntityManager}) or that have no object to close. */
  private static final Set<String> CLOSE_ENDS_NOTHING = Set.of("jpa", "jta", "spring", "jdbi");

  /**
   * The effect of closing the object in {@code key} by a call the analysis knows only by its name or summary.
   * {@code bodySeen}: a module method's body closes it (a closer); otherwise a library method named close or release
   * does, which ends a home-grown transaction not at all (its close is not visible).
   */
  private State closeObject(State s, Node node, Key key, boolean bodySeen) {
    Integer tx = s.resolve(key).tx();
    if (tx == null) {
      return s;
    }
    if (tx < 0) {
      return close(s, node, key); // a summary run: the protocol is the caller's to judge
    }
    BeginRecord b = begins.get(tx);
    String protocol = b == null ? "" : b.info().protocolId();
    if (CLOSE_IS_AN_END.contains(protocol)) {
      return end(s, key);
    }
    if (CLOSE_ENDS_BY_CLOSE.contains(protocol) || (bodySeen && !CLOSE_ENDS_NOTHING.contains(protocol))) {
      return close(s, node, key);
    }
    return s;
  }

  private State escape(State s, Key key, boolean handleOnly, boolean viaReturn) {
    State out = escapeOne(s, key, handleOnly, viaReturn);
    // What began through wrappers called on this object (db.beginWork(): a field of db) goes with it. Returned, it is
    // not a handle the caller could name: handed off, never a returned begin.
    Key root = s.resolve(key).root();
    String own = key.receiverPrefix();
    String rooted = root == null ? own : root.receiverPrefix();
    for (Key k : s.bindings.keySet()) {
      if (k.kind() == Key.Kind.EXPR && (k.id().startsWith(own) || k.id().startsWith(rooted))) {
        out = escape(out, k, false, false);
      }
    }
    return out;
  }

  private State escapeOne(State s, Key key, boolean handleOnly, boolean viaReturn) {
    State.Resolved r = s.resolve(key);
    if (r.binding() instanceof Binding.Holds h && !h.roots().contains(key)) {
      // The new object escapes, and with it what its constructor stored or what it captured. Returning it returns
      // neither the handle nor the object: the method is no begin wrapper for its callers. A new object (not a
      // lambda) is still one it acquired: returned, the method is a factory wrapper; stored, it is no factory.
      if (viaReturn) {
        if (h.acquired()) {
          returnedAcquired = true;
        } else {
          returnedOther = true;
        }
      } else if (h.acquired()) {
        acquiredStored = true;
      }
      State out = s.withBinding(r.root(), null);
      for (Key root : h.roots()) {
        out = escape(out, root, false, false);
      }
      return out;
    }
    if (r.binding() instanceof Binding.Acquired) {
      // An acquired object handed off before any begin: from now on it is borrowed.
      if (viaReturn) {
        returnedAcquired = true;
      } else {
        acquiredStored = true;
        storedObjects.add(r.root());
      }
      return s.withBinding(r.root(), null);
    }
    if (viaReturn && !(r.binding() instanceof Binding.TxRef) && !(r.binding() instanceof Binding.NullRef)) {
      returnedOther = true;
      returnedRoots.add(r.root());
      if (isKeptLocation(r.root())) {
        returnedKept = true;
      }
    }
    if (!(r.binding() instanceof Binding.TxRef ref)) {
      return s;
    }
    if (handleOnly && !ref.handle()) {
      return s;
    }
    TxStatus st = s.tx.get(ref.tx());
    if (st == null || st == TxStatus.ENDED) {
      return s;
    }
    escaped.add(ref.tx());
    if (viaReturn) {
      returned.add(ref.tx());
    } else {
      stored.add(ref.tx());
    }
    return s.withTx(ref.tx(), TxStatus.ESCAPED);
  }

  private State copy(State s, Op.Copy c) {
    Binding src = s.bindings.get(c.src());
    Binding out;
    if (src instanceof Binding.TxRef r) {
      out = new Binding.TxRef(r.tx(), c.asHandle() || r.handle());
    } else if (src instanceof Binding.NullRef) {
      out = Binding.NULL;
    } else if (src instanceof Binding.AliasOf a) {
      out = new Binding.AliasOf(a.root(), c.asHandle() || a.handle(), a.rootIsHandle());
    } else {
      out = new Binding.AliasOf(c.src(), true, !c.asHandle());
    }
    if (c.dst().equals(c.src())) {
      return s;
    }
    return bind(s, c.dst(), out);
  }

  private State assignBool(State s, Op.AssignBool a) {
    Tri v = eval(s, a.value());
    if (a.var().equals(Key.RESULT)) {
      // Read by summaries only (whether a begin wrapper's result says it began); a constant, or nothing.
      return v == Tri.UNKNOWN ? s : s.withFact(Key.RESULT, v == Tri.TRUE);
    }
    return s.withFact(a.var(), v == Tri.UNKNOWN ? null : v == Tri.TRUE);
  }

  private State jump(State s, Node node, Op.Jump j) {
    State out = s;
    for (Map.Entry<Integer, TxStatus> e : s.tx.entrySet()) {
      BeginRecord br = begins.get(e.getKey());
      if (e.getValue().isOpen() && br != null && j.region().contains(br.site()) && !s.pending.containsKey(e.getKey())) {
        out = out.withPending(e.getKey(), new State.Pending(node.site(), j.kind()));
      }
    }
    return out.push(new PathStep(PathStep.Kind.JUMP, node.site(), exitWord(j.kind())), 0);
  }

  /** A call's effect on the normal path ({@code completes}) or on the path where it throws. */
  private State callEffects(State s, Node node, Op.Call c, boolean completes) {
    Summary summary = summaryAt(s, c);
    State out = s;
    boolean holder = false;
    if (summary != null && !summary.isEmpty()) {
      // An end wrapper ends the transaction even if it throws; a begin wrapper that throws begins nothing.
      Key receiver = c.receiverIsThis() ? null : c.receiver();
      for (Summary.Slot slot : summary.ends()) {
        Key k = slot.inCaller(c.args(), c.receiverIsThis(), receiver);
        if (k != null) {
          out = end(out, k);
        }
      }
      for (Summary.Slot slot : summary.closes()) {
        Key k = slot.inCaller(c.args(), c.receiverIsThis());
        if (k == null && slot.kind() != Key.Kind.PARAM && c.receiver() != null) {
          Key onReceiver = slot.inCaller(c.args(), false, c.receiver());
          if (onReceiver != null && !onReceiver.equals(c.receiver())) {
            out = closeObject(out, node, onReceiver, true); // a transaction begun through db.beginWork()
          }
          k = c.receiver(); // the callee closes a connection of its receiver: the receiver is closed (db.close())
        }
        if (k != null) {
          out = closeObject(out, node, k, true);
        }
      }
      for (Summary.Slot slot : summary.escapes()) {
        // A method of the transaction's own type that registers `this` somewhere (h2's tx.openMap() keeps the
        // transaction in the map it returns) is its implementation, not a hand-off by the caller.
        Key k = receiver != null && slot.kind() == Key.Kind.FIELD && "this".equals(slot.id()) ? null
            : slot.inCaller(c.args(), c.receiverIsThis(), receiver);
        if (k == null) {
          continue;
        }
        if (c.isConstructor() && !completes) {
          continue; // a constructor that throws leaves no object to hold anything
        }
        if (c.isConstructor() && c.resultVar() != null) {
          // Settled detail 9: stored into the new object, handed off only when that object escapes.
          Binding held = out.bindings.get(c.resultVar());
          out = out.withBinding(c.resultVar(),
              held instanceof Binding.Holds h && holder ? h.with(k) : new Binding.Holds(List.of(k)));
          holder = true;
        } else {
          out = escape(out, k, false, false);
        }
      }
      if (completes) {
        if (!(summary.beginsWhenTrue() && branchedCalls.contains(c))) {
          out = wrapperBegins(out, node, c, summary); // else on the branch where it returned true
        }
        if (summary.returnsHandle() != null && c.resultVar() != null) {
          return begin(out, node, c.resultVar(), true, null, summary.returnsHandle());
        }
        if (summary.kept() != null && c.resultVar() != null) {
          return keptResult(out, node, c, summary.kept());
        }
      }
    } else if (c.storesArguments() || (!hasBody(c.localCallee()) && !c.isConstructor() && handOff.configured(c.name()))) {
      for (Key arg : c.args()) {
        if (arg != null) {
          out = escape(out, arg, true, false); // a handle hands off; an owner passed along does not
        }
      }
    } else if (!hasBody(c.localCallee())) {
      // An object that holds a handle, passed to a method outside the module (an executor, a Thread): it escapes,
      // unless the method only runs it before it returns (rows.forEach(r -> insert(c, r)), settled detail 9).
      boolean runsNow = !c.isConstructor() && handOff.runsArgumentNow(c.name());
      for (Key arg : c.args()) {
        if (arg != null && !runsNow && out.resolve(arg).binding() instanceof Binding.Holds) {
          out = escape(out, arg, false, false);
        }
      }
      if (!c.isConstructor()) {
        // A method without a body, by its name (settled detail 7): ending words end what it is given, like an end
        // wrapper; close or release has the effect of that object's own close(). Neither is a hand-off.
        boolean ends = handOff.endsByName(c.name());
        boolean closes = !ends && handOff.closesByName(c.name());
        if (ends || closes) {
          for (Key arg : c.args()) {
            if (arg != null) {
              out = ends ? end(out, arg) : closeObject(out, node, arg, false);
            }
          }
        }
      }
    }
    if (completes && c.resultVar() != null && !holder) {
      // A factory wrapper's result is acquired here like a factory's; any other call's result is borrowed, and an
      // accessor's (a chain of no-argument calls, not a factory) is the object its spelling names elsewhere.
      boolean factory = summary != null && summary.returnsAcquired();
      if (!factory && c.sameAs() != null) {
        return copy(out, new Op.Copy(c.resultVar(), c.sameAs(), false));
      }
      out = bind(out, c.resultVar(), factory ? Binding.ACQUIRED : null);
    }
    return out;
  }

  /** The begins of a begin wrapper's summary, on the caller's locations. */
  private State wrapperBegins(State s, Node node, Op.Call c, Summary summary) {
    Key receiver = c.receiverIsThis() ? null : c.receiver();
    State out = s;
    for (Map.Entry<Summary.Slot, TxInfo> e : summary.begins().entrySet()) {
      Key k = e.getKey().inCaller(c.args(), c.receiverIsThis(), receiver);
      if (k != null && summary.joins().contains(e.getKey()) && openAt(out, k)) {
        continue; // it begins only where none is active: the open transaction goes on
      }
      if (k != null) {
        // On another object's field the callee's rollback is no statement this method can write: no fix.
        TxInfo info = receiver != null && e.getKey().kind() != Key.Kind.PARAM ? e.getValue().withoutFix()
            : e.getValue();
        out = begin(out, node, k, false, null, info);
      }
    }
    return out;
  }

  private static boolean openAt(State s, Key k) {
    Integer tx = s.resolve(k).tx();
    if (tx == null) {
      return false;
    }
    TxStatus st = s.tx.get(tx);
    return st != null && st.isOpen();
  }

  /**
   * The result of a call whose callee returns an object it keeps (settled detail 4): borrowed, like a field. A begin
   * the callee made on it is a begin on a borrowed object: on the caller's argument or field it names, else on the
   * result itself, never a fresh handle.
   */
  private State keptResult(State s, Node node, Op.Call c, Summary.Kept kept) {
    Key named = kept.slot() == null ? null : kept.slot().inCaller(c.args(), c.receiverIsThis());
    if (named != null && kept.begun() != null) {
      return copy(s, new Op.Copy(c.resultVar(), named, false)); // the summary's begins already began on it
    }
    if (kept.begun() == null && c.sameAs() != null) {
      return copy(s, new Op.Copy(c.resultVar(), c.sameAs(), false)); // em = em(): the object em() names everywhere
    }
    if (named != null) {
      // em = getEntityManager(false): the accessor's object, which the caller names through the accessor it reads
      return copy(s, new Op.Copy(c.resultVar(), named, false));
    }
    // Someone else holds it: the result aliases a location no local names, so a begin on it is not the unit's own.
    Key marker = Key.expr("kept:" + node.id());
    State out = s.withBinding(marker, null).withBinding(c.resultVar(), new Binding.AliasOf(marker, true, true));
    return kept.begun() == null ? out : begin(out, node, c.resultVar(), false, null, kept.begun());
  }

  /** A location whose object someone besides this call also holds: a field, a parameter, a kept read. */
  static boolean isKeptLocation(Key k) {
    return k != null && k.constantValue() == null
        && (k.kind() == Key.Kind.FIELD || k.kind() == Key.Kind.EXPR || k.kind() == Key.Kind.PARAM);
  }

  /** Whether the callee is a method of the module whose body the front end has (else: judged by name). */
  private boolean hasBody(String callee) {
    return callee != null; // a front end names a callee only where it has its body
  }

  private State thrown(State s, Node node, ThrownType type) {
    Map<Integer, TxStatus> m = null;
    for (Map.Entry<Integer, TxStatus> e : s.tx.entrySet()) {
      if (e.getValue() == TxStatus.ACTIVE) {
        if (m == null) {
          m = new HashMap<>(s.tx);
        }
        m.put(e.getKey(), TxStatus.AFTER_FAILURE);
      }
    }
    State out = m == null ? s : s.withTxMap(m);
    String what = type.isUnknownUnchecked() ? "an unchecked exception" : type.name();
    return out.withException(type, node.site()).push(new PathStep(PathStep.Kind.EXCEPTION, node.site(), what), 0);
  }

  // ---------------------------------------------------------------- conditions

  private void branch(Node node, Cond cond, State s, List<Out> outs) {
    List<State> whenTrue = assume(s, cond, true);
    List<State> whenFalse = assume(s, cond, false);
    boolean both = !whenTrue.isEmpty() && !whenFalse.isEmpty();
    for (Edge e : node.successors()) {
      List<State> states = e.kind() == Edge.Kind.TRUE ? whenTrue : whenFalse;
      for (State st : states) {
        State out = both
            ? st.push(new PathStep(PathStep.Kind.BRANCH, node.site(),
                node.site().text() + " is " + (e.kind() == Edge.Kind.TRUE ? "true" : "false")), 0)
            : st;
        outs.add(new Out(e.target(), out));
      }
    }
  }

  private Tri eval(State s, Cond c) {
    List<State> t = assume(s, c, true);
    List<State> f = assume(s, c, false);
    if (t.isEmpty() == f.isEmpty()) {
      return Tri.UNKNOWN;
    }
    return t.isEmpty() ? Tri.FALSE : Tri.TRUE;
  }

  /** The refinements of {@code s} in which {@code c} has the given value (empty: infeasible). */
  private List<State> assume(State s, Cond c, boolean value) {
    if (c instanceof Cond.Const k) {
      return k.value() == value ? List.of(s) : List.of();
    }
    if (c instanceof Cond.Var v) {
      Boolean known = s.facts.get(v.var());
      if (known == null) {
        return List.of(s.withFact(v.var(), value));
      }
      return known == value ? List.of(s) : List.of();
    }
    if (c instanceof Cond.NonNull n) {
      return assumeNonNull(s, n.key(), value);
    }
    if (c instanceof Cond.Query q) {
      return assumeQuery(s, q.key(), q.test(), value);
    }
    if (c instanceof Cond.CallResult r) {
      return assumeCallResult(s, r.call(), value);
    }
    return List.of(s);
  }

  /**
   * A query wrapper's result, as its own tests on the caller's locations: the states of every path of the wrapper that
   * returns {@code value} (a wrapper the caller cannot follow, or any other method, decides nothing). A begin wrapper
   * whose result says it began ({@link Summary#beginsWhenTrue}) begins here, on the branch where it returned true.
   */
  private List<State> assumeCallResult(State s0, Op.Call call, boolean value) {
    Summary summary = summaryAt(s0, call);
    State s = s0;
    if (summary != null && summary.beginsWhenTrue() && value && branchedCalls.contains(call)) {
      s = wrapperBegins(s0, branchedCallNodes.get(call), call, summary); // boolean began = TransactionUtil.begin()
    }
    QueryWrapper q = summary == null ? null : summary.query();
    if (q == null) {
      return List.of(s);
    }
    Set<State> out = new LinkedHashSet<>();
    for (List<QueryWrapper.Step> path : value ? q.whenTrue() : q.whenFalse()) {
      List<State> states = List.of(s);
      for (QueryWrapper.Step st : path) {
        Cond test = st.inCaller(call);
        if (test == null) {
          return List.of(s);
        }
        List<State> next = new ArrayList<>();
        for (State x : states) {
          next.addAll(assume(x, test, st.outcome()));
        }
        states = next;
      }
      out.addAll(states);
    }
    return new ArrayList<>(out);
  }

  private List<State> assumeNonNull(State s, Key key, boolean value) {
    State.Resolved r = s.resolve(key);
    if (r.binding() instanceof Binding.NullRef) {
      return value ? List.of() : List.of(s);
    }
    if (r.binding() instanceof Binding.TxRef ref && ref.tx() >= 0) {
      return value ? List.of(s) : List.of(); // a handle returned by a begin is not null
    }
    if (r.binding() instanceof Binding.TxRef) {
      if (!assumedActive.containsKey(r.root())) {
        // A local copy of an assumed object's handle (`Transaction t = session.getTransaction(); if (t != null &&
        // t.isActive()) t.rollback();`): settled detail 6, the object is non-null and an end counts under a null
        // guard. (Null there would leave the object's transaction open at the exit, and no rollback helper would
        // be an end wrapper.)
        return value ? List.of(s) : List.of();
      }
      // an entry assumption (summary mode): null is possible, and then there is no transaction on it
      return value ? List.of(s) : List.of(s.withBinding(r.root(), Binding.NULL));
    }
    if (r.binding() instanceof Binding.NonNullRef) {
      return value ? List.of(s) : List.of(); // a catch parameter, or a local assigned from one
    }
    if (r.binding() == null) {
      // Not tracked (semantics: "What the state tracks"): the test decides nothing, and remembering its outcome
      // would split the states (ten unrelated null tests must cost no more than one).
      return List.of(s);
    }
    return value ? List.of(s) : List.of(bind(s, key, Binding.NULL));
  }

  private List<State> assumeQuery(State s, Key key, StatusTest test, boolean value) {
    State.Resolved r = s.resolve(key);
    Tri want = Tri.of(value);
    if (r.binding() instanceof Binding.NullRef) {
      return List.of(); // a query on null does not complete normally
    }
    Integer tx = r.tx();
    if (tx == null) {
      // Nothing begun here: a local handle has no transaction; a shared one may have any.
      if (!key.isShared() && !r.root().isShared()) {
        Tri t = test.whenNone();
        return t == want || t == Tri.UNKNOWN ? List.of(s) : List.of();
      }
      return List.of(s);
    }
    TxStatus st = s.tx.get(tx);
    if (st == null || st == TxStatus.ESCAPED) {
      return List.of(s);
    }
    return switch (st) {
      case ACTIVE -> matches(test.whenActive(), want) ? List.of(s) : List.of();
      case MARKED -> matches(test.whenMarkedRollback(), want) ? List.of(s) : List.of();
      case ENDED -> matches(test.whenCompleted(), want) ? List.of(s) : List.of();
      case AFTER_FAILURE -> {
        boolean a = matches(test.whenActive(), want);
        boolean m = matches(test.whenMarkedRollback(), want);
        if (a && m) {
          yield List.of(s);
        }
        if (a) {
          yield List.of(s.withTx(tx, TxStatus.ACTIVE));
        }
        yield m ? List.of(s.withTx(tx, TxStatus.MARKED)) : List.of();
      }
      default -> List.of(s);
    };
  }

  private static boolean matches(Tri t, Tri want) {
    return t == want || t == Tri.UNKNOWN;
  }

  // ---------------------------------------------------------------- exits

  private void normalExit(State s) {
    exitStates.add(s);
    for (Map.Entry<Integer, TxStatus> e : s.tx.entrySet()) {
      if (!e.getValue().isOpen() || e.getKey() < 0) {
        continue;
      }
      State.Pending p = s.pending.get(e.getKey());
      Site at = p != null ? p.site() : s.exitSite;
      ExitKind kind = p != null ? p.kind() : s.exitKind;
      if (at == null) {
        continue;
      }
      normalLeaks.add(new Leak(e.getKey(), at, kind, null, Trail.since(s.trail, e.getKey()), null));
    }
  }

  private void exceptionalExit(State s) {
    if (s.throwSite == null) {
      return;
    }
    for (Map.Entry<Integer, TxStatus> e : s.tx.entrySet()) {
      if (!e.getValue().isOpen() || e.getKey() < 0) {
        continue;
      }
      Leak prior = exceptionalLeaks.get(e.getKey());
      if (prior == null || s.throwSite.before(prior.at())) {
        exceptionalLeaks.put(
            e.getKey(),
            new Leak(e.getKey(), s.throwSite, ExitKind.EXCEPTION, s.inFlight, Trail.since(s.trail, e.getKey()), null));
      }
    }
  }

  private static String exitWord(ExitKind kind) {
    return switch (kind) {
      case RETURN -> "returns";
      case FALL_OFF -> "reaches the end";
      case BREAK -> "breaks out";
      case CONTINUE -> "continues";
      case YIELD -> "yields";
      case EXCEPTION -> "throws";
      case CLOSE -> "closes";
    };
  }

  // ---------------------------------------------------------------- results

  Map<Integer, BeginRecord> begins() {
    return begins;
  }

  /**
   * Whether this unit is responsible for ending {@code tx} (semantics: "Ownership, responsibility and hand-off",
   * version 2): it ends it on a path from that begin (1), or it acquired the transaction's object (2) or got a fresh
   * handle (3) that does not escape. A begin it is not responsible for makes it a begin wrapper, not a leak.
   */
  boolean responsible(int tx) {
    BeginRecord b = begins.get(tx);
    if (b == null) {
      return false;
    }
    if (ended.contains(tx) || ((b.acquired() || b.freshHandle()) && !escaped.contains(tx))
        || endReachable(tx, b.location())) {
      return true;
    }
    Integer previous = againOf.get(tx);
    return previous != null && previous != tx && responsible(previous);
  }

  /**
   * Whether a leak of {@code tx} found at a normal exit or a close is the unit's: it is responsible for {@code tx}, or
   * it acquired the transaction's object (or got a fresh handle) and that path exits before any hand-off (settled
   * detail 10: rule 2 holds on each path on which the object has not escaped; a leak is recorded only on a path on
   * which the transaction is still open, so not handed off). Exceptional exits keep {@link #responsible}: a method that
   * hands the transaction off and never ends it is not held to the exceptions before the hand-off.
   */
  boolean responsibleOnPath(int tx) {
    BeginRecord b = begins.get(tx);
    return b != null && (b.acquired() || b.freshHandle() || responsible(tx));
  }

  /** Per begin node: the locations named by end operations reachable from it. */
  private final Map<Integer, Set<Key>> endKeysAfter = new HashMap<>();

  /**
   * Whether an end operation naming {@code location} follows the begin in the graph, feasible or not: a method that
   * writes {@code orm.commit()} after {@code orm.begin()} takes responsibility even where a known flag makes that
   * commit unreachable. An end before the begin does not count ({@code commit(); begin();} is a begin wrapper).
   */
  private boolean endReachable(int beginNode, Key location) {
    Set<Key> keys = endKeysAfter.computeIfAbsent(beginNode, id -> {
      Set<Key> out = new HashSet<>();
      List<Node> nodes = graph.nodes();
      if (id < 0 || id >= nodes.size()) {
        return out;
      }
      boolean[] seen = new boolean[nodes.size()];
      java.util.ArrayDeque<Node> work = new java.util.ArrayDeque<>();
      for (Edge e : nodes.get(id).successors()) {
        work.add(e.target());
      }
      while (!work.isEmpty()) {
        Node n = work.poll();
        if (seen[n.id()]) {
          continue;
        }
        seen[n.id()] = true;
        if (n.op() instanceof Op.End e) {
          out.add(e.key());
        }
        for (Edge e : n.successors()) {
          work.add(e.target());
        }
      }
      return out;
    });
    return keys.contains(location);
  }

  /**
   * Whether the unit is a factory wrapper: it returns an object it acquired on every return that returns anything
   * but {@code null}, returns one on some path, and stores it nowhere else.
   */
  boolean returnsAcquired() {
    return returnedAcquired && !returnedOther && !acquiredStored;
  }

  boolean ended(int tx) {
    return ended.contains(tx);
  }

  /** Whether a returned transaction's object is kept elsewhere too: begun on a kept location, or also stored. */
  boolean kept(int tx) {
    BeginRecord b = begins.get(tx);
    return stored.contains(tx) || keptOwners.containsKey(tx)
        || (b != null && (isKeptLocation(b.location()) || storedObjects.contains(b.location())));
  }

  /** Where a kept transaction lives for callers: its kept owner ({@code session} of a returned Transaction), else its location. */
  Key keptAt(int tx) {
    Key owner = keptOwners.get(tx);
    BeginRecord b = begins.get(tx);
    return owner != null ? owner : b == null ? null : b.location();
  }

  /** Whether the unit may return an object kept elsewhere too (an accessor, settled detail 4). */
  /**
   * The one kept location (a field, an accessor, a parameter) every return of an object gives back, or null: the
   * method is an accessor of that location ({@code getEntityManager(false)} returns what {@code
   * getThreadLocalEntityManager()} does).
   */
  Key returnedKeptRoot() {
    if (!returnedKept || returnedRoots.size() != 1 || returnedAcquired) {
      return null;
    }
    return returnedRoots.iterator().next();
  }

  boolean returnsKept() {
    return returnedKept;
  }

  boolean escaped(int tx) {
    return escaped.contains(tx);
  }

  /** Whether {@code tx}'s handle or object was stored somewhere (a field, a collection, another object). */
  boolean stored(int tx) {
    return stored.contains(tx);
  }

  boolean closed(int tx) {
    return closed.contains(tx);
  }

  List<Leak> closeLeaks() {
    return closeLeaks;
  }

  boolean returned(int tx) {
    return returned.contains(tx);
  }

  List<Leak> normalLeaks() {
    return normalLeaks;
  }

  Map<Integer, Leak> exceptionalLeaks() {
    return exceptionalLeaks;
  }

  List<Leak> beginAgain() {
    return beginAgain;
  }

  List<State> exitStates() {
    return exitStates;
  }

  FlowGraph graph() {
    return graph;
  }
}
