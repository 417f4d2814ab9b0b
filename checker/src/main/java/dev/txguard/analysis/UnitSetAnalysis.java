package dev.txguard.analysis;

import dev.txguard.graph.Cond;
import dev.txguard.graph.ExitKind;
import dev.txguard.graph.FlowGraph;
import dev.txguard.graph.Key;
import dev.txguard.graph.Node;
import dev.txguard.graph.Op;
import dev.txguard.graph.TxInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Analyses the units of one compilation unit: computes the wrapper summaries of the methods that other units call
 * (iterating until they are stable, so wrappers of wrappers work), then each unit's findings.
 *
 * <p>This is the entry point every front end calls; it sees only graphs, so every front end gets the same verdicts.
 */
public final class UnitSetAnalysis {
  private static final int MAX_SUMMARY_ROUNDS = 5;

  private final AnalysisOptions options;
  private final HandOffNames handOff;

  public UnitSetAnalysis(AnalysisOptions options) {
    this.options = options;
    this.handOff = new HandOffNames(options.handOffMethods());
  }

  /** The outcome for one unit: its findings, or why it could not be analysed. */
  public record UnitResult(FlowGraph graph, List<Finding> findings, String failure) {}

  /** Analyses {@code units}; one result per unit that has transaction operations, in the given order. */
  public List<UnitResult> analyze(List<FlowGraph> units) {
    Map<String, FlowGraph> byId = new LinkedHashMap<>();
    Set<String> called = new HashSet<>();
    for (FlowGraph g : units) {
      byId.putIfAbsent(g.unitId(), g);
      for (Node n : g.nodes()) {
        if (n.op() instanceof Op.Call c && c.localCallee() != null) {
          called.add(c.localCallee());
        }
      }
    }
    Map<String, Summary> summaries = computeSummaries(byId, called);

    List<UnitResult> results = new ArrayList<>();
    for (FlowGraph g : units) {
      if (!g.hasTransactionOps()) {
        continue;
      }
      try {
        UnitAnalyzer a = new UnitAnalyzer(g, summaries, handOff, options, Map.of(), byId.keySet()).run();
        results.add(new UnitResult(g, findings(a), null));
      } catch (BudgetExceededException e) {
        results.add(new UnitResult(g, List.of(), e.getMessage()));
      }
    }
    return results;
  }

  private Map<String, Summary> computeSummaries(Map<String, FlowGraph> byId, Set<String> called) {
    Map<String, Summary> summaries = new HashMap<>();
    for (int round = 0; round < MAX_SUMMARY_ROUNDS; round++) {
      boolean changed = false;
      for (String id : called) {
        FlowGraph g = byId.get(id);
        if (g == null || !(g.hasTransactionOps() || acquires(g) || storesParameter(g) || returnsKept(g))) {
          continue;
        }
        Summary s;
        try {
          s = summarize(g, summaries, byId.keySet(), Map.of());
          Key guard = guardParameter(g);
          if (guard != null) {
            // Settled detail 17: a summary may depend on the one boolean parameter that guards its begins or ends.
            Summary whenTrue = summarize(g, summaries, byId.keySet(), Map.of(guard, true));
            Summary whenFalse = summarize(g, summaries, byId.keySet(), Map.of(guard, false));
            if (!whenTrue.equals(whenFalse)) {
              s = s.withContexts(guard.paramIndex(), guard.enumTestConstant(), whenTrue, whenFalse);
            }
          }
        } catch (BudgetExceededException e) {
          s = Summary.NONE;
        }
        if (!s.equals(summaries.getOrDefault(id, Summary.NONE))) {
          summaries.put(id, s);
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    return summaries;
  }

  /**
   * The first boolean parameter a branch tests, or null. An enum parameter's test against a constant
   * ({@link Key#enumTest}) counts as a boolean parameter at its position (settled detail 17).
   */
  private static Key guardParameter(FlowGraph g) {
    Key first = null;
    for (Node n : g.nodes()) {
      if (n.op() instanceof Op.Branch b && b.cond() instanceof Cond.Var v && v.var().kind() == Key.Kind.PARAM
          && v.var().paramIndex() >= 0 && (first == null || v.var().paramIndex() < first.paramIndex())) {
        first = v.var();
      }
    }
    return first;
  }

  private Summary summarize(FlowGraph g, Map<String, Summary> summaries, Set<String> bodies, Map<Key, Boolean> facts) {
    // Begin wrapper / returned handle: what a plain run begins and never ends.
    UnitAnalyzer plain = new UnitAnalyzer(g, summaries, handOff, options, Map.of(), bodies, facts).run();
    Map<Summary.Slot, TxInfo> begins = new LinkedHashMap<>();
    TxInfo returnsHandle = null;
    Summary.Kept kept = null;
    for (Map.Entry<Integer, UnitAnalyzer.BeginRecord> e : plain.begins().entrySet()) {
      int tx = e.getKey();
      UnitAnalyzer.BeginRecord b = e.getValue();
      if (plain.returned(tx) && plain.kept(tx)) {
        // Settled detail 4: it keeps the object it began on, so for callers this is a begin on a borrowed object,
        // on their argument or field where they have a name for it.
        Key at = plain.keptAt(tx);
        Summary.Slot slot = at != null && callerCanName(at) ? Summary.Slot.of(at) : null;
        if (slot != null) {
          begins.put(slot, b.info());
        }
        kept = new Summary.Kept(b.info(), slot);
      } else if (plain.returned(tx)) {
        returnsHandle = b.info();
      } else if (!plain.ended(tx) && b.location().isShared() && b.location().kind() != Key.Kind.CAPTURED) {
        begins.put(Summary.Slot.of(b.location()), b.info());
      }
    }

    // End wrapper: assume a transaction active on each shared location the unit touches; which are over at exit?
    Map<Key, Integer> assumed = new LinkedHashMap<>();
    for (Key k : touchedSharedLocations(g)) {
      assumed.put(k, -1 - assumed.size());
    }
    Set<Summary.Slot> ends = new LinkedHashSet<>();
    Set<Summary.Slot> escapes = new LinkedHashSet<>();
    Set<Summary.Slot> closes = new LinkedHashSet<>();
    if (!assumed.isEmpty()) {
      UnitAnalyzer entry = new UnitAnalyzer(g, summaries, handOff, options, assumed, bodies, facts).run();
      if (!entry.exitStates().isEmpty()) {
        for (Map.Entry<Key, Integer> e : assumed.entrySet()) {
          int tx = e.getValue();
          if (entry.escaped(tx)) {
            escapes.add(Summary.Slot.of(e.getKey()));
          } else if (entry.ended(tx) && overAtEveryExit(entry, e.getKey(), tx)) {
            ends.add(Summary.Slot.of(e.getKey()));
          } else if (entry.closed(tx) && overAtEveryExit(entry, e.getKey(), tx)) {
            closes.add(Summary.Slot.of(e.getKey()));
          }
        }
      }
    }
    boolean factory = begins.isEmpty() && returnsHandle == null && plain.returnsAcquired();
    if (kept == null && returnsHandle == null && !factory && plain.returnsKept()) {
      kept = new Summary.Kept(null, null); // an accessor: what it returns is borrowed, and so is a begin on it
    }
    Summary summary = new Summary(begins, returnsHandle, ends, escapes, closes, factory);
    return kept == null || returnsHandle != null ? summary : summary.withKept(kept);
  }

  /** A begin location a caller has its own name for: a parameter, a field, an expression of the receiver. */
  private static boolean callerCanName(Key location) {
    return location.kind() == Key.Kind.PARAM || location.kind() == Key.Kind.FIELD
        || (location.kind() == Key.Kind.EXPR && !location.id().startsWith("expr:kept:"));
  }

  /** Whether the unit stores a parameter somewhere (a constructor keeping a handle, settled detail 9). */
  private static boolean storesParameter(FlowGraph g) {
    for (Node n : g.nodes()) {
      if (n.op() instanceof Op.Escape e && e.key().kind() == Key.Kind.PARAM && !e.viaReturn()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the unit may return an object kept elsewhere too (a candidate accessor, settled detail 4): it returns a
   * field, a parameter or an expression, or reads from a ThreadLocal or a collection.
   */
  private static boolean returnsKept(FlowGraph g) {
    for (Node n : g.nodes()) {
      if (n.op() instanceof Op.Escape e && e.viaReturn() && UnitAnalyzer.isKeptLocation(e.key())) {
        return true;
      }
      if (n.op() instanceof Op.Copy c && c.src().kind() == Key.Kind.EXPR) {
        return true;
      }
    }
    return false;
  }

  /** Whether the unit acquires an object (a candidate factory wrapper). */
  private static boolean acquires(FlowGraph g) {
    for (Node n : g.nodes()) {
      if (n.op() instanceof Op.Acquire) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a rollback inserted before this return is safe: on every path that reaches it the transaction is still
   * active (never after a commit, an end or a hand-off on some path, and never on a path that did not begin it),
   * semantics "Findings".
   */
  private static boolean activeOnEveryPathTo(UnitAnalyzer a, UnitAnalyzer.Leak leak) {
    for (State s : a.exitStates()) {
      if (s.exitSite == null || s.exitKind != ExitKind.RETURN || s.exitSite.start() != leak.at().start()) {
        continue;
      }
      TxStatus st = s.tx.get(leak.tx());
      if (st == null || !st.isOpen()) {
        return false;
      }
    }
    return true;
  }

  private static boolean overAtEveryExit(UnitAnalyzer a, Key key, int tx) {
    for (State s : a.exitStates()) {
      TxStatus st = s.tx.get(tx);
      if (st != null && st.isOpen() && !(s.bindings.get(key) instanceof Binding.NullRef)) {
        return false;
      }
    }
    return true;
  }

  private static Set<Key> touchedSharedLocations(FlowGraph g) {
    Set<Key> keys = new LinkedHashSet<>();
    for (Node n : g.nodes()) {
      Op op = n.op();
      if (op instanceof Op.End e) {
        keys.add(e.key());
      } else if (op instanceof Op.Close c) {
        keys.add(c.key());
      } else if (op instanceof Op.Branch b && b.cond() instanceof Cond.Query q) {
        keys.add(q.key());
      } else if (op instanceof Op.Escape e) {
        keys.add(e.key());
      } else if (op instanceof Op.Call c) {
        keys.addAll(c.args().stream().filter(k -> k != null).toList());
      }
    }
    keys.removeIf(k -> (k.kind() != Key.Kind.PARAM && k.kind() != Key.Kind.FIELD && k.kind() != Key.Kind.EXPR)
        || k.constantValue() != null || k.enumConstantName() != null);
    return keys;
  }

  private List<Finding> findings(UnitAnalyzer a) {
    FlowGraph g = a.graph();
    Map<String, Finding> out = new LinkedHashMap<>();
    for (UnitAnalyzer.Leak l : a.beginAgain()) {
      UnitAnalyzer.BeginRecord b = a.begins().get(l.tx());
      if (b == null || !a.responsible(l.tx())) {
        continue;
      }
      Finding f = new Finding(Rule.UNCOMMITTED_TRANSACTION, g.unitName(), g.unitId(), l.at(), null, l.previousBegin(),
          b.info().api(), List.of(), "", Messages.beginAgain(l.previousBegin(), l.at()));
      out.putIfAbsent("again:" + l.at().start() + ":" + l.previousBegin().start(), f);
    }
    for (UnitAnalyzer.Leak l : a.normalLeaks()) {
      if (!a.responsible(l.tx())) {
        continue;
      }
      UnitAnalyzer.BeginRecord b = a.begins().get(l.tx());
      String fix = l.kind() == ExitKind.RETURN && activeOnEveryPathTo(a, l) ? b.info().rollbackStatement() : "";
      Finding f = new Finding(Rule.UNCOMMITTED_TRANSACTION, g.unitName(), g.unitId(), l.at(), l.kind(), b.site(),
          b.info().api(), l.path(), fix, Messages.normalExit(b.site(), l.kind(), g.unitName()));
      out.putIfAbsent("normal:" + l.at().start() + ":" + b.site().start(), f);
    }
    List<UnitAnalyzer.Leak> exceptional = new ArrayList<>(a.exceptionalLeaks().values());
    exceptional.sort(Comparator.comparingInt(l -> l.at().start())); // one per begin site: the first in the source
    for (UnitAnalyzer.Leak l : exceptional) {
      if (!a.responsible(l.tx())) {
        continue;
      }
      UnitAnalyzer.BeginRecord b = a.begins().get(l.tx());
      Finding f = new Finding(Rule.UNCOMMITTED_TRANSACTION_ON_EXCEPTION, g.unitName(), g.unitId(), l.at(),
          ExitKind.EXCEPTION, b.site(), b.info().api(), l.path(), "",
          Messages.exceptionalExit(b.site(), l.thrown(), g.unitName()));
      out.putIfAbsent("exc:" + b.site().start(), f);
    }
    for (UnitAnalyzer.Leak l : a.closeLeaks()) {
      if (!a.responsible(l.tx())) {
        continue;
      }
      UnitAnalyzer.BeginRecord b = a.begins().get(l.tx());
      Finding f = new Finding(Rule.TRANSACTION_ENDED_BY_CLOSE, g.unitName(), g.unitId(), l.at(), ExitKind.CLOSE,
          b.site(), b.info().api(), l.path(), "", Messages.endedByClose(b.site(), l.at(), g.unitName()));
      out.putIfAbsent("close:" + l.at().start() + ":" + b.site().start(), f);
    }
    List<Finding> list = new ArrayList<>(out.values());
    list.sort(Comparator.comparingInt((Finding f) -> f.at().start()).thenComparing(Finding::rule));
    return list;
  }
}
