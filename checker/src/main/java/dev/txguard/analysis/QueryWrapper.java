package dev.txguard.analysis;

import dev.txguard.graph.Cond;
import dev.txguard.graph.Edge;
import dev.txguard.graph.FlowGraph;
import dev.txguard.graph.Key;
import dev.txguard.graph.Node;
import dev.txguard.graph.Op;
import dev.txguard.graph.StatusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a query wrapper returns (semantics, "Ownership": "a method that returns the result of a query on its parameter
 * or a field (`isActive(em)`) is a query wrapper, used in conditions like the query itself"): for each result, the
 * paths of tests that lead to it ({@code return tx != null && tx.isActive()} returns true after "tx not null, tx
 * active"). A caller that branches on the call assumes the tests of one such path, mapped to its own locations.
 *
 * @param whenTrue the paths that return true, each a list of steps taken in order
 * @param whenFalse the paths that return false
 */
record QueryWrapper(List<List<Step>> whenTrue, List<List<Step>> whenFalse) {
  /** Paths followed at most; a method with more is no query wrapper (a wrapper is a line or two). */
  private static final int MAX_PATHS = 16;

  /** Nodes visited at most over all paths. */
  private static final int MAX_VISITS = 400;

  QueryWrapper {
    whenTrue = List.copyOf(whenTrue);
    whenFalse = List.copyOf(whenFalse);
  }

  /**
   * A test on the path: the protocol query {@code test} on {@code slot} ({@code test} null: "{@code slot} is not null")
   * had the outcome {@code outcome}.
   */
  record Step(Summary.Slot slot, StatusTest test, boolean outcome) {
    /** The test in the caller's terms, or null when the caller has no name for the location. */
    Cond inCaller(Op.Call call) {
      Key k = slot.inCaller(call.args(), call.receiverIsThis(), call.receiverIsThis() ? null : call.receiver());
      return k == null ? null : test == null ? new Cond.NonNull(k) : new Cond.Query(k, test);
    }
  }

  /**
   * The query wrapper {@code g} is, or null: every normal exit returns the result of a condition ({@link Key#RESULT})
   * computed by tests on its parameters and fields and by ordinary calls, with at least one protocol query among them.
   * A branch on a query wrapper it calls is that wrapper's tests on the arguments ({@code summaries}, one level down).
   */
  static QueryWrapper of(FlowGraph g, ModuleSummaries.Summaries summaries) {
    if (!assignsResult(g)) {
      return null;
    }
    Walk w = new Walk(summaries);
    boolean ok = w.follow(g.entry(), new ArrayList<>(), new HashMap<>());
    if (!ok || w.paths > MAX_PATHS || !w.queries) {
      return null;
    }
    return new QueryWrapper(w.whenTrue, w.whenFalse);
  }

  private static boolean assignsResult(FlowGraph g) {
    for (Node n : g.nodes()) {
      if (n.op() instanceof Op.AssignBool a && a.var().equals(Key.RESULT)) {
        return true;
      }
    }
    return false;
  }

  /** A depth-first walk over the normal edges; any operation other than a test, an ordinary call or a copy fails it. */
  private static final class Walk {
    private final ModuleSummaries.Summaries summaries;
    private final List<List<Step>> whenTrue = new ArrayList<>();
    private final List<List<Step>> whenFalse = new ArrayList<>();
    private int paths;
    private int visits;
    private boolean queries;

    Walk(ModuleSummaries.Summaries summaries) {
      this.summaries = summaries;
    }

    /** Follows from {@code n} with the steps taken so far; {@code copies}: local -> the location it was copied from. */
    boolean follow(Node n, List<Step> steps, Map<Key, Key> copies) {
      if (++visits > MAX_VISITS || paths > MAX_PATHS) {
        return false;
      }
      Op op = n.op();
      if (op instanceof Op.AssignBool a && a.var().equals(Key.RESULT) && a.value() instanceof Cond.Const c) {
        paths++;
        (c.value() ? whenTrue : whenFalse).add(List.copyOf(steps));
        return true;
      }
      if (op instanceof Op.Branch b) {
        return branch(n, b.cond(), steps, copies);
      }
      if (op instanceof Op.NormalExit || op instanceof Op.Begin || op instanceof Op.End || op instanceof Op.Close
          || op instanceof Op.Acquire || op instanceof Op.AssignBool || op instanceof Op.Escape
          || op instanceof Op.Capture || op instanceof Op.Clear || op instanceof Op.Throw) {
        return false; // a return of something else, or an operation a query does not do
      }
      if (op instanceof Op.Call c && c.localCallee() != null) {
        Summary s = summaries.get(c.localCallee());
        if (s != null && (!s.begins().isEmpty() || s.returnsHandle() != null || !s.ends().isEmpty()
            || !s.escapes().isEmpty() || !s.closes().isEmpty() || s.guard() >= 0)) {
          return false; // a call that begins, ends, closes or hands off (an accessor only reads: getSession())
        }
      }
      Map<Key, Key> after = copies;
      if (op instanceof Op.Call c && c.sameAs() != null && c.resultVar() != null
          && c.resultVar().kind() == Key.Kind.LOCAL && !returnsAcquired(c)) {
        after = new HashMap<>(copies);
        after.put(c.resultVar(), c.sameAs()); // UserTransaction ut = ut(): an accessor's result (not a factory's)
      }
      if (op instanceof Op.Copy c) {
        if (c.dst().kind() != Key.Kind.LOCAL) {
          return false;
        }
        after = new HashMap<>(copies);
        after.put(c.dst(), copies.getOrDefault(c.src(), c.src()));
      }
      for (Edge e : n.successors()) {
        if (e.kind() == Edge.Kind.NORMAL && !follow(e.target(), steps, after)) {
          return false;
        }
      }
      return true;
    }

    private boolean returnsAcquired(Op.Call c) {
      Summary s = c.localCallee() == null ? null : summaries.get(c.localCallee());
      return s != null && s.returnsAcquired();
    }

    private boolean branch(Node n, Cond cond, List<Step> steps, Map<Key, Key> copies) {
      for (Edge e : n.successors()) {
        boolean outcome = e.kind() == Edge.Kind.TRUE;
        for (List<Step> taken : outcomes(cond, outcome, copies)) {
          if (taken == null) {
            return false;
          }
          List<Step> next = new ArrayList<>(steps);
          next.addAll(taken);
          if (!follow(e.target(), next, copies)) {
            return false;
          }
        }
      }
      return true;
    }

    /** The ways a leaf condition has {@code outcome}, as steps; a null element: a test no caller can follow. */
    private List<List<Step>> outcomes(Cond cond, boolean outcome, Map<Key, Key> copies) {
      if (cond instanceof Cond.Query q) {
        queries = true;
        Summary.Slot slot = slot(q.key(), copies);
        return singleton(slot == null ? null : List.of(new Step(slot, q.test(), outcome)));
      }
      if (cond instanceof Cond.NonNull nn) {
        Summary.Slot slot = slot(nn.key(), copies);
        return singleton(slot == null ? null : List.of(new Step(slot, null, outcome)));
      }
      if (cond instanceof Cond.CallResult r) {
        Summary s = summaries.get(r.call().localCallee());
        QueryWrapper inner = s == null ? null : s.query();
        if (inner != null) {
          queries = true;
          List<List<Step>> out = new ArrayList<>();
          for (List<Step> path : outcome ? inner.whenTrue() : inner.whenFalse()) {
            out.add(mapped(path, r.call(), copies));
          }
          return out;
        }
      }
      return List.of(List.of()); // a test of something else: either outcome, nothing learned
    }

    /** A callee's path in this method's terms, or null when one of its locations has no name here. */
    private static List<Step> mapped(List<Step> path, Op.Call call, Map<Key, Key> copies) {
      List<Step> out = new ArrayList<>();
      for (Step st : path) {
        Cond c = st.inCaller(call);
        Key k = c instanceof Cond.Query q ? q.key() : c instanceof Cond.NonNull nn ? nn.key() : null;
        Summary.Slot slot = k == null ? null : slot(k, copies);
        if (slot == null) {
          return null;
        }
        out.add(new Step(slot, st.test(), st.outcome()));
      }
      return out;
    }

    private static List<List<Step>> singleton(List<Step> steps) {
      List<List<Step>> out = new ArrayList<>(1);
      out.add(steps);
      return out;
    }

    /** Where a caller finds a location: a parameter or field, or a local copied from one. */
    private static Summary.Slot slot(Key k, Map<Key, Key> copies) {
      Key at = copies.getOrDefault(k, k);
      boolean nameable = at.kind() == Key.Kind.PARAM || at.kind() == Key.Kind.FIELD
          || (at.kind() == Key.Kind.EXPR && !at.id().startsWith("expr:kept:"));
      return nameable ? Summary.Slot.of(at) : null;
    }
  }
}
