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
  private final AnalysisOptions options;
  private final HandOffNames handOff;
  private final ModuleSummaries module;
  private final ModuleBodies bodies;

  /** Analyses units whose callees are all among the units given (tests, and callers without a module). */
  public UnitSetAnalysis(AnalysisOptions options) {
    this(new ModuleSummaries(options), ModuleBodies.NONE);
  }

  /** Analyses units whose callees' bodies {@code bodies} lowers on demand; summaries are cached in {@code module}. */
  public UnitSetAnalysis(ModuleSummaries module, ModuleBodies bodies) {
    this.module = module;
    this.bodies = bodies;
    this.options = module.options();
    this.handOff = module.handOff();
  }

  /** The outcome for one unit: its findings, or why it could not be analysed. */
  public record UnitResult(FlowGraph graph, List<Finding> findings, String failure) {}

  /** Analyses {@code units}; one result per unit that has transaction operations, in the given order. */
  public List<UnitResult> analyze(List<FlowGraph> units) {
    for (FlowGraph g : units) {
      module.seed(g);
    }
    ModuleSummaries.Summaries summaries = module.forUnit(bodies);
    List<UnitResult> results = new ArrayList<>();
    for (FlowGraph g : units) {
      if (!g.hasTransactionOps() || !mayBegin(g, summaries)) {
        continue;
      }
      try {
        UnitAnalyzer a = new UnitAnalyzer(g, summaries, handOff, options, Map.of()).run();
        results.add(new UnitResult(g, findings(a), null));
      } catch (BudgetExceededException e) {
        results.add(new UnitResult(g, List.of(), e.getMessage()));
      }
    }
    return results;
  }

  /**
   * Whether anything in the unit can begin a transaction: a begin of its own, or a call of a module method whose
   * summary begins one (on a slot, a returned handle, a kept object), in any context. A unit that cannot has no
   * finding to report, so it is not analysed: a long method that only calls module methods (quartz's scheduler loop,
   * through the JobStore interface) would otherwise spend the state budget on paths that decide nothing.
   */
  private boolean mayBegin(FlowGraph g, ModuleSummaries.Summaries summaries) {
    for (Node n : g.nodes()) {
      if (n.op() instanceof Op.Begin) {
        return true;
      }
      // The index rules out most callees by name, before their summaries (and their callees') are computed.
      if (n.op() instanceof Op.Call c && c.localCallee() != null && bodies.mayBegin(indexName(c), c.args().size())
          && ModuleSummaries.begins(summaries.get(c.localCallee()))) {
        return true;
      }
    }
    return false;
  }

  /** A call as the module index names it: a method by its name, a constructor as {@code new} and the simple type. */
  private static String indexName(Op.Call c) {
    if (!c.isConstructor()) {
      return c.name();
    }
    String type = c.name().substring("new ".length());
    int typeArguments = type.indexOf('<');
    if (typeArguments >= 0) {
      type = type.substring(0, typeArguments);
    }
    return "new " + type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf(' ')) + 1);
  }

  /**
   * The summary of {@code g} given its callees' ({@code summaries}): with contexts when it depends on a boolean
   * parameter (settled detail 17: at most the one parameter that guards its begins or ends).
   */
  static Summary summarizeWithContexts(FlowGraph g, ModuleSummaries.Summaries summaries, HandOffNames handOff,
      AnalysisOptions options) {
    Summary s = summarize(g, summaries, handOff, options, Map.of());
    Key guard = guardParameter(g, summaries);
    if (guard != null) {
      Summary whenTrue = summarize(g, summaries, handOff, options, Map.of(guard, true));
      Summary whenFalse = summarize(g, summaries, handOff, options, Map.of(guard, false));
      if (!whenTrue.equals(whenFalse)) {
        s = s.withContexts(guard.paramIndex(), guard.enumTestConstant(), whenTrue, whenFalse);
      }
    }
    QueryWrapper query = QueryWrapper.of(g, summaries);
    return query == null ? s : s.withQuery(query);
  }

  /**
   * The first boolean parameter a branch tests or the method passes where a wrapper it calls depends on it, or null.
   * An enum parameter's test against a constant
   * ({@link Key#enumTest}) counts as a boolean parameter at its position (settled detail 17).
   */
  private static Key guardParameter(FlowGraph g, ModuleSummaries.Summaries summaries) {
    Key first = null;
    for (Node n : g.nodes()) {
      Key tested = null;
      if (n.op() instanceof Op.Branch b && b.cond() instanceof Cond.Var v) {
        tested = v.var();
      } else if (n.op() instanceof Op.Call c && c.localCallee() != null) {
        // Passed on to a wrapper whose summary depends on it (startIf(write) { begin(write); }): a guard here too.
        Summary callee = summaries.get(c.localCallee());
        if (callee != null && callee.guard() >= 0 && callee.guardConstant() == null
            && callee.guard() < c.args().size()) {
          tested = c.args().get(callee.guard());
        }
      }
      if (tested != null && tested.kind() == Key.Kind.PARAM && tested.paramIndex() >= 0
          && (first == null || tested.paramIndex() < first.paramIndex())) {
        first = tested;
      }
    }
    return first;
  }

  private static Summary summarize(FlowGraph g, ModuleSummaries.Summaries summaries, HandOffNames handOff,
      AnalysisOptions options, Map<Key, Boolean> facts) {
    // Begin wrapper / returned handle: what a plain run begins and never ends.
    UnitAnalyzer plain = new UnitAnalyzer(g, summaries, handOff, options, Map.of(), facts).run();
    Map<Summary.Slot, TxInfo> begins = new LinkedHashMap<>();
    Map<Summary.Slot, Key> beginKeys = new LinkedHashMap<>();
    Set<Integer> slotBegins = new LinkedHashSet<>();
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
          beginKeys.put(slot, at);
        }
        kept = new Summary.Kept(b.info(), slot);
      } else if (plain.returned(tx)) {
        returnsHandle = b.info();
      } else if (!plain.ended(tx) && b.location().isShared() && b.location().kind() != Key.Kind.CAPTURED
          && !b.location().onLocalReceiver()) {
        begins.put(Summary.Slot.of(b.location()), b.info());
        beginKeys.put(Summary.Slot.of(b.location()), b.location());
        slotBegins.add(tx);
      }
    }

    // End wrapper: assume a transaction active on each shared location the unit touches; which are over at exit?
    Map<Key, Integer> assumed = new LinkedHashMap<>();
    for (Key k : touchedSharedLocations(g, summaries)) {
      assumed.put(k, -1 - assumed.size());
    }
    Set<Summary.Slot> ends = new LinkedHashSet<>();
    Set<Summary.Slot> escapes = new LinkedHashSet<>();
    Set<Summary.Slot> closes = new LinkedHashSet<>();
    Set<Summary.Slot> joins = new LinkedHashSet<>();
    if (!assumed.isEmpty()) {
      UnitAnalyzer entry = new UnitAnalyzer(g, summaries, handOff, options, assumed, facts).run();
      if (!entry.exitStates().isEmpty()) {
        joins.addAll(joins(beginKeys, assumed, entry));
        for (Map.Entry<Key, Integer> e : assumed.entrySet()) {
          int tx = e.getValue();
          if (entry.escaped(tx) && !returnsKeptOnly(entry, e.getKey(), tx)) {
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
      // An accessor: what it returns is borrowed, and so is a begin on it; the caller's name for it, if it has one
      Key root = plain.returnedKeptRoot();
      kept = new Summary.Kept(null, root != null && callerCanName(root) && !root.id().startsWith("expr:kept")
          ? Summary.Slot.of(root) : null);
    }
    Summary summary = new Summary(begins, returnsHandle, ends, escapes, closes, factory);
    if (!slotBegins.isEmpty() && kept == null && returnsHandle == null && beginsWhenTrue(plain, slotBegins)) {
      summary = summary.withBeginsWhenTrue();
    }
    if (!joins.isEmpty()) {
      summary = summary.withJoins(joins);
    }
    return kept == null || returnsHandle != null ? summary : summary.withKept(kept);
  }

  /**
   * Whether the method only returns the object of a field or accessor it was given (an accessor's {@code return em;}):
   * the object stays where it was kept, so its transaction is not handed off.
   */
  private static boolean returnsKeptOnly(UnitAnalyzer entry, Key key, int tx) {
    return (key.kind() == Key.Kind.FIELD || key.kind() == Key.Kind.EXPR) && entry.returned(tx) && !entry.stored(tx);
  }

  /**
   * The begin slots where the method begins only when no transaction is active: with one assumed active there on
   * entry, no path begins on that location (a begin under {@code if (!em.getTransaction().isActive())}, directly or
   * through a wrapper that does so).
   */
  private static Set<Summary.Slot> joins(Map<Summary.Slot, Key> beginKeys, Map<Key, Integer> assumed,
      UnitAnalyzer entry) {
    Set<Summary.Slot> out = new LinkedHashSet<>();
    for (Map.Entry<Summary.Slot, Key> e : beginKeys.entrySet()) {
      Key k = e.getValue();
      if (!assumed.containsKey(k)) {
        continue;
      }
      boolean beginsThere = false;
      for (UnitAnalyzer.BeginRecord b : entry.begins().values()) {
        beginsThere |= k.equals(b.location());
      }
      if (!beginsThere) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /**
   * Whether the method's result says whether it began (a begin wrapper that begins only when no transaction is in place
   * and returns true when it did): on every return, each of {@code txs} is still open exactly when the result is
   * true. (One that always returns true qualifies: its callers' false branch is infeasible and holds no transaction.)
   */
  private static boolean beginsWhenTrue(UnitAnalyzer plain, Set<Integer> txs) {
    boolean someReturn = false;
    for (State s : plain.exitStates()) {
      if (s.exitKind != ExitKind.RETURN) {
        continue;
      }
      Boolean result = s.facts.get(Key.RESULT);
      if (result == null) {
        return false;
      }
      for (int tx : txs) {
        TxStatus st = s.tx.get(tx);
        if ((st != null && st.isOpen()) != result) {
          return false;
        }
      }
      someReturn = true;
    }
    return someReturn;
  }

  /** A begin location a caller has its own name for: a parameter, a field, an expression of the receiver. */
  private static boolean callerCanName(Key location) {
    return location.kind() == Key.Kind.PARAM || location.kind() == Key.Kind.FIELD
        || (location.kind() == Key.Kind.EXPR && !location.id().startsWith("expr:kept:"));
  }

  /** What the paths that reach a leaking return say about the transaction there, for its fix. */
  private enum AtReturn {
    /** Still active on every path: a plain rollback is safe. */
    ACTIVE_ON_EVERY_PATH,
    /** Begun on every path, ended (committed, rolled back) on some: only a rollback under the API's query is. */
    BEGUN_ON_EVERY_PATH,
    /** Not begun, or handed off, on some path: no fix (the rollback would end what is not this method's). */
    OTHER
  }

  /**
   * Which rollback, if any, is safe before this return (semantics "Findings"): a plain one only when the transaction
   * is still active on every path that reaches it; one guarded by the query ({@code if (tx.isActive())
   * tx.rollback();}) when some path reaches it after a commit or an end; none on a path that did not begin it or
   * handed it off.
   */
  private static AtReturn statusesAt(UnitAnalyzer a, UnitAnalyzer.Leak leak) {
    boolean allActive = true;
    for (State s : a.exitStates()) {
      if (s.exitSite == null || s.exitKind != ExitKind.RETURN || s.exitSite.start() != leak.at().start()) {
        continue;
      }
      TxStatus st = s.tx.get(leak.tx());
      if (st == null || st == TxStatus.ESCAPED) {
        return AtReturn.OTHER;
      }
      allActive &= st.isOpen();
    }
    return allActive ? AtReturn.ACTIVE_ON_EVERY_PATH : AtReturn.BEGUN_ON_EVERY_PATH;
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

  private static Set<Key> touchedSharedLocations(FlowGraph g, ModuleSummaries.Summaries summaries) {
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
      } else if (op instanceof Op.Capture c) {
        keys.addAll(c.captured());
      } else if (op instanceof Op.Copy c) {
        keys.add(c.src()); // Transaction tx = currentSession().getTransaction(); ... tx.rollback();
      } else if (op instanceof Op.Call c) {
        if (c.sameAs() != null) {
          keys.add(c.sameAs()); // EntityManager em = em(); ... em.getTransaction().rollback();
        }
        keys.addAll(c.args().stream().filter(k -> k != null).toList());
        if (c.localCallee() != null && c.receiver() != null) {
          keys.add(c.receiver()); // db.close() of a closer on a field: a wrapper around it closes that field
        }
        if (c.localCallee() != null && (c.receiverIsThis() || (c.receiver() != null
            && c.receiver().kind() != Key.Kind.LOCAL && c.receiver().kind() != Key.Kind.PARAM
            && c.receiver().kind() != Key.Kind.CAPTURED))) {
          // What a wrapper it calls ends on a field or accessor (Jpa.commitTransaction() on em(); this.db.commitWork()
          // on db's connection): a wrapper of that wrapper ends it too.
          keys.addAll(slotsInCaller(c, summaries.get(c.localCallee())));
        }
      }
    }
    keys.removeIf(k -> (k.kind() != Key.Kind.PARAM && k.kind() != Key.Kind.FIELD && k.kind() != Key.Kind.EXPR)
        || k.constantValue() != null || k.enumConstantName() != null);
    return keys;
  }

  /** The fields and expressions a module call ends, closes or hands off, as this unit names them. */
  private static List<Key> slotsInCaller(Op.Call c, Summary summary) {
    List<Key> out = new ArrayList<>();
    if (summary == null) {
      return out;
    }
    for (Summary sv : UnitAnalyzer.contexts(summary)) {
      // A begin slot it joins (begins only where none is active): a wrapper of it may meet one active there.
      Set<Summary.Slot> keptSlot = sv.kept() == null || sv.kept().slot() == null ? Set.of() : Set.of(sv.kept().slot());
      for (Set<Summary.Slot> slots : List.of(sv.ends(), sv.closes(), sv.escapes(), sv.joins(), keptSlot)) {
        for (Summary.Slot slot : slots) {
          Key k = slot.kind() == Key.Kind.PARAM ? null
              : slot.inCaller(c.args(), c.receiverIsThis(), c.receiverIsThis() ? null : c.receiver());
          if (k != null && (k.kind() == Key.Kind.EXPR || k.kind() == Key.Kind.FIELD)) {
            out.add(k);
          }
        }
      }
    }
    return out;
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
      if (!a.responsibleOnPath(l.tx())) {
        continue;
      }
      UnitAnalyzer.BeginRecord b = a.begins().get(l.tx());
      String fix = l.kind() != ExitKind.RETURN ? "" : switch (statusesAt(a, l)) {
        case ACTIVE_ON_EVERY_PATH -> b.info().rollbackStatement();
        case BEGUN_ON_EVERY_PATH -> b.info().guardedRollbackStatement();
        case OTHER -> "";
      };
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
      if (!a.responsibleOnPath(l.tx())) {
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
