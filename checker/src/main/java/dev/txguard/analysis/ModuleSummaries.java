package dev.txguard.analysis;

import dev.txguard.graph.Cond;
import dev.txguard.graph.FlowGraph;
import dev.txguard.graph.Key;
import dev.txguard.graph.Node;
import dev.txguard.graph.Op;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The wrapper summaries of a module's methods, computed on demand and cached for a whole compilation or audit
 * (semantics: "The module", settled detail 17). A summary is computed from the method's flow graph with its callees'
 * summaries one level down; a callee more than {@link #DEPTH} levels below the analysed unit gets none, and so does a
 * method that reaches itself within that many calls (recursion gives no summary). Both rules depend only on the
 * sources, never on the order in which units ask, so every front end, thread and run gives the same verdicts.
 *
 * <p>Thread-safe: audit workers share one instance; each passes the {@link ModuleBodies} of its own thread, which
 * lowers a body with that thread's symbol solver. Two threads may compute the same summary; both get the same result.
 */
public final class ModuleSummaries {
  /** The analysed unit's callees are at depth {@code DEPTH}; wrappers of wrappers are followed three levels deep. */
  public static final int DEPTH = 4;

  private final AnalysisOptions options;
  private final HandOffNames handOff;
  private final Map<String, Optional<FlowGraph>> graphs = new ConcurrentHashMap<>();
  @SuppressWarnings("unchecked")
  private final Map<String, Summary>[] summaries = new Map[DEPTH + 1];
  private final Map<String, Boolean> cyclic = new ConcurrentHashMap<>();

  public ModuleSummaries(AnalysisOptions options) {
    this.options = options;
    this.handOff = new HandOffNames(options.handOffMethods());
    for (int d = 0; d <= DEPTH; d++) {
      summaries[d] = new ConcurrentHashMap<>();
    }
  }

  AnalysisOptions options() {
    return options;
  }

  HandOffNames handOff() {
    return handOff;
  }

  /** A graph the front end lowered already (a unit it analyses), so that it is not lowered again as a callee. */
  void seed(FlowGraph g) {
    graphs.putIfAbsent(g.unitId(), Optional.of(g));
  }

  /**
   * Whether a call of method {@code id}, from a unit at the top, may begin a transaction: its summary begins one on a
   * slot, returns a handle, or keeps an object it began on, in any context. A unit with no begin of its own and no
   * such call has no finding (see {@link UnitSetAnalysis}), so a front end may skip lowering it.
   */
  public boolean callMayBegin(ModuleBodies bodies, String id) {
    return begins(summary(bodies, id, DEPTH));
  }

  /** Whether method {@code id}'s summary taken at {@code depth} (callees one level down) may begin a transaction. */
  public boolean mayBeginAt(ModuleBodies bodies, String id, int depth) {
    return begins(summary(bodies, id, depth));
  }

  static boolean begins(Summary s) {
    return s != null && (!s.begins().isEmpty() || s.returnsHandle() != null
        || (s.kept() != null && s.kept().begun() != null) || begins(s.whenTrue()) || begins(s.whenFalse()));
  }

  /** The summaries a unit at the top sees: its callees' at full depth. */
  Summaries forUnit(ModuleBodies bodies) {
    return at(bodies, DEPTH);
  }

  private Summaries at(ModuleBodies bodies, int depth) {
    return id -> summary(bodies, id, depth);
  }

  private FlowGraph graph(ModuleBodies bodies, String id) {
    Optional<FlowGraph> g = graphs.get(id);
    if (g == null) {
      FlowGraph lowered;
      try {
        lowered = bodies.body(id);
      } catch (RuntimeException | StackOverflowError e) {
        lowered = null; // a callee that cannot be lowered has no summary; the caller is still analysed
      }
      g = Optional.ofNullable(lowered);
      Optional<FlowGraph> earlier = graphs.putIfAbsent(id, g);
      if (earlier != null) {
        g = earlier;
      }
    }
    return g.orElse(null);
  }

  private Summary summary(ModuleBodies bodies, String id, int depth) {
    if (id == null || depth <= 0) {
      return null;
    }
    Summary cached = summaries[depth].get(id);
    if (cached != null) {
      return cached;
    }
    FlowGraph g = graph(bodies, id);
    Summary s;
    if (g == null) {
      s = Summary.NONE;
    } else if (!mayHaveSummary(g)) {
      // A query wrapper of query wrappers (`inTx() { return isActive(em); }`) has no transaction operation itself.
      QueryWrapper q = QueryWrapper.of(g, at(bodies, depth - 1));
      s = q == null ? Summary.NONE : Summary.NONE.withQuery(q);
    } else {
      try {
        s = UnitSetAnalysis.summarizeWithContexts(g, at(bodies, depth - 1), handOff, options);
      } catch (BudgetExceededException e) {
        s = Summary.NONE;
      }
      // A method in a cycle gets none. Asked only of a summary that says something: the search lowers callees
      // DEPTH levels down, more than the summary itself reads (in jOOQ, most of a file's time).
      if (!s.isEmpty() && inCycle(bodies, id)) {
        s = Summary.NONE;
      }
    }
    Summary earlier = summaries[depth].putIfAbsent(id, s);
    return earlier != null ? earlier : s;
  }

  /** Whether the method calls itself back within {@link #DEPTH} calls (through the callees the front end has). */
  private boolean inCycle(ModuleBodies bodies, String id) {
    Boolean known = cyclic.get(id);
    if (known != null) {
      return known;
    }
    Set<String> frontier = callees(graph(bodies, id));
    Set<String> seen = new HashSet<>(frontier);
    boolean found = false;
    for (int level = 1; level <= DEPTH && !frontier.isEmpty() && !found; level++) {
      if (frontier.contains(id)) {
        found = true;
        break;
      }
      Set<String> next = new HashSet<>();
      for (String c : frontier) {
        for (String cc : callees(graph(bodies, c))) {
          if (seen.add(cc) || cc.equals(id)) {
            next.add(cc);
          }
        }
      }
      frontier = next;
    }
    cyclic.putIfAbsent(id, found);
    return found;
  }

  private static Set<String> callees(FlowGraph g) {
    Set<String> out = new HashSet<>();
    if (g != null) {
      for (Node n : g.nodes()) {
        if (n.op() instanceof Op.Call c && c.localCallee() != null) {
          out.add(c.localCallee());
        }
      }
    }
    return out;
  }

  /** Only a unit with transaction operations, module calls, acquisitions or a stored parameter can have a summary. */
  private static boolean mayHaveSummary(FlowGraph g) {
    for (Node n : g.nodes()) {
      Op op = n.op();
      if (op instanceof Op.Acquire || (op instanceof Op.Escape e && e.key().kind() == Key.Kind.PARAM && !e.viaReturn())
          || (op instanceof Op.Branch b && b.cond() instanceof Cond.Query)) {
        return true;
      }
      if (op instanceof Op.Escape e && e.viaReturn() && UnitAnalyzer.isKeptLocation(e.key())) {
        return true; // it may return an object kept elsewhere too: an accessor (settled detail 4)
      }
      if (op instanceof Op.Copy c && c.src().kind() == Key.Kind.EXPR) {
        return true; // a read of a ThreadLocal or a collection
      }
      if (op instanceof Op.Capture c && c.captured().stream().anyMatch(k -> k.kind() == Key.Kind.PARAM)) {
        return true; // a lambda capturing a parameter, which may be stored or submitted
      }
      if (op instanceof Op.Call c && c.storesArguments()
          && c.args().stream().anyMatch(k -> k != null && k.kind() == Key.Kind.PARAM)) {
        return true; // tasks.add(task): a parameter kept in a collection
      }
    }
    return g.hasTransactionOps();
  }

  /** The summaries a unit analysis reads: by callee id; null when the callee has none. */
  @FunctionalInterface
  interface Summaries {
    Summary get(String id);
  }
}
