package dev.txguard.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link FlowGraph} of one unit from a front end's walk over its syntax tree.
 *
 * <p>The front end calls one method per construct, in evaluation order, passing nested statements as callbacks. The
 * builder keeps a stack of the enclosing loops, labeled statements, switches and {@code try} blocks, and from it:
 *
 * <ul>
 *   <li>routes each exception a call or {@code throw} may raise to the catch clauses that take it, to the exceptional
 *       copy of each {@code finally} on the way, or to the unit's exceptional exit;
 *   <li>replays a {@code finally} body (by running its callback again) once per way out of its {@code try}: normal
 *       completion, each break/continue/yield/return that crosses it, and once for all exceptions, which then
 *       propagate on from its end;
 *   <li>resolves {@code break}, {@code continue} and {@code yield}, labeled or not;
 *   <li>models calls inside catch and finally blocks as throwing only their declared checked exceptions (clean-up
 *       code that logs before it rolls back is not a leak).
 * </ul>
 */
public final class FlowGraphBuilder {
  private final String unitName;
  private final String unitId;
  private final BuildOptions options;
  private final List<Node> nodes = new ArrayList<>();
  private final Node entry;
  private final Label normalExit;
  private final Node exceptionalExit;
  private final List<Key> parameters = new ArrayList<>();
  private final Set<String> declaredThrows = new LinkedHashSet<>();
  private Node current;
  private Frames frames;
  private int handlerDepth;

  public FlowGraphBuilder(String unitName, String unitId, BuildOptions options) {
    this.unitName = unitName;
    this.unitId = unitId;
    this.options = options;
    this.entry = newNode(new Op.Nop(), Site.NONE);
    this.normalExit = new Label(newNode(new Op.NormalExit(), Site.NONE));
    this.exceptionalExit = newNode(new Op.ExceptionalExit(), Site.NONE);
    this.current = entry;
  }

  // ---------------------------------------------------------------- unit description

  public FlowGraphBuilder parameter(Key key) {
    parameters.add(key);
    return this;
  }

  public FlowGraphBuilder declaresThrows(String typeName) {
    declaredThrows.add(typeName);
    return this;
  }

  /** Finishes the graph. {@code body} is the site of the unit's body, used when it falls off its end. */
  public FlowGraph build(Site body) {
    return new FlowGraph(
        unitName,
        unitId,
        entry,
        normalExit.node,
        exceptionalExit,
        nodes,
        declaredThrows,
        body,
        parameters);
  }

  // ---------------------------------------------------------------- labels and raw wiring

  public Label newLabel() {
    return new Label(newNode(new Op.Nop(), Site.NONE));
  }

  /** Continues at {@code label}; the current point, if reachable, flows into it. */
  public void place(Label label) {
    link(label.node);
    current = label.node;
  }

  /** Jumps to {@code label}; what follows is unreachable until the next {@link #place}. */
  public void goTo(Label label) {
    link(label.node);
    current = null;
  }

  public boolean isReachable() {
    return current != null;
  }

  /** Branches on a leaf condition. */
  public void branch(Cond cond, Site site, Label ifTrue, Label ifFalse) {
    if (cond instanceof Cond.Const c) {
      goTo(c.value() ? ifTrue : ifFalse);
      return;
    }
    Node n = append(new Op.Branch(cond), site);
    if (n != null) {
      n.addEdge(new Edge(Edge.Kind.TRUE, ifTrue.node, null));
      n.addEdge(new Edge(Edge.Kind.FALSE, ifFalse.node, null));
    }
    current = null;
  }

  /** Continues at any one of {@code targets}. */
  public void choice(Site site, List<Label> targets) {
    Node n = append(new Op.Choice(), site);
    if (n != null) {
      for (Label t : targets) {
        n.addEdge(new Edge(Edge.Kind.NORMAL, t.node, null));
      }
    }
    current = null;
  }

  // ---------------------------------------------------------------- conditions

  /** A leaf condition: {@code evaluate} emits what computing it does (calls), then the branch follows. */
  public CondLowering leaf(Runnable evaluate, Cond cond, Site site) {
    return (t, f) -> {
      evaluate.run();
      branch(cond, site, t, f);
    };
  }

  /**
   * A call of method {@code name} used as a condition: {@code call} emits it; a module method's call (one with a
   * {@link Op.Call#localCallee}) is branched on as its {@link Cond.CallResult}, any other as unknown.
   */
  public CondLowering callResult(Runnable call, String name, Site site) {
    return (t, f) -> {
      call.run();
      // The call itself, not a receiver's or an argument's call when this one emitted none.
      Cond c = current != null && current.op() instanceof Op.Call oc && oc.localCallee() != null
          && oc.name().equals(name) ? new Cond.CallResult(oc) : Cond.UNKNOWN;
      branch(c, site, t, f);
    };
  }

  public CondLowering and(CondLowering a, CondLowering b) {
    return (t, f) -> {
      Label mid = newLabel();
      a.lower(mid, f);
      place(mid);
      b.lower(t, f);
    };
  }

  public CondLowering or(CondLowering a, CondLowering b) {
    return (t, f) -> {
      Label mid = newLabel();
      a.lower(t, mid);
      place(mid);
      b.lower(t, f);
    };
  }

  public CondLowering not(CondLowering a) {
    return (t, f) -> a.lower(f, t);
  }

  /** {@code c ? a : b} as a condition. */
  public CondLowering conditional(CondLowering c, CondLowering a, CondLowering b) {
    return (t, f) -> {
      Label then = newLabel();
      Label els = newLabel();
      c.lower(then, els);
      place(then);
      a.lower(t, f);
      place(els);
      b.lower(t, f);
    };
  }

  /** Assigns a boolean variable the value of a composed condition. */
  public void assignBool(Key var, CondLowering value, Site site) {
    Label t = newLabel();
    Label f = newLabel();
    Label done = newLabel();
    value.lower(t, f);
    place(t);
    op(new Op.AssignBool(var, Cond.TRUE), site);
    goTo(done);
    place(f);
    op(new Op.AssignBool(var, Cond.FALSE), site);
    goTo(done);
    place(done);
  }

  // ---------------------------------------------------------------- simple operations

  /** Appends an operation that neither branches nor throws. */
  public void op(Op op, Site site) {
    append(op, site);
  }

  /**
   * Appends a call that may throw its declared checked exceptions and, outside catch and finally blocks, an
   * unchecked exception of unknown type.
   */
  public void call(Op.Call call, Site site, List<ThrownType> declaredChecked) {
    Node n = append(call, site);
    if (n == null) {
      return;
    }
    Set<ThrownType> thrown = new LinkedHashSet<>();
    for (ThrownType t : declaredChecked) {
      if (t.checked()) {
        thrown.add(t);
      }
    }
    if (handlerDepth == 0 && options.uncheckedExceptions()) {
      thrown.add(ThrownType.UNCHECKED);
    }
    for (ThrownType t : thrown) {
      if (!options.ignores(t)) {
        route(n, t, frames);
      }
    }
  }

  /** A {@code throw} statement of the given static type(s). */
  public void throwStatement(Site site, List<ThrownType> types) {
    Node n = append(new Op.Throw(), site);
    if (n != null) {
      for (ThrownType t : types) {
        if (!options.ignores(t)) {
          route(n, t, frames);
        }
      }
    }
    current = null;
  }

  // ---------------------------------------------------------------- structured statements

  public void ifThenElse(CondLowering cond, Runnable then, Runnable otherwise) {
    Label t = newLabel();
    Label f = newLabel();
    Label done = newLabel();
    cond.lower(t, f);
    place(t);
    then.run();
    goTo(done);
    place(f);
    if (otherwise != null) {
      otherwise.run();
    }
    goTo(done);
    place(done);
  }

  /** {@code while (cond) body}; a null condition means {@code true}. */
  public void whileLoop(Set<String> labels, Site region, CondLowering cond, Runnable body) {
    Label head = newLabel();
    Label bodyStart = newLabel();
    Label exit = newLabel();
    place(head);
    lowerOrTrue(cond, bodyStart, exit);
    place(bodyStart);
    inFrame(new Frame.Jump(labels, exit, head, region), body);
    goTo(head);
    place(exit);
  }

  public void doWhileLoop(Set<String> labels, Site region, Runnable body, CondLowering cond) {
    Label bodyStart = newLabel();
    Label next = newLabel();
    Label exit = newLabel();
    place(bodyStart);
    inFrame(new Frame.Jump(labels, exit, next, region), body);
    place(next);
    lowerOrTrue(cond, bodyStart, exit);
    place(exit);
  }

  /** {@code for (init; cond; update) body}; a null condition means {@code true}. */
  public void forLoop(Set<String> labels, Site region, Runnable init, CondLowering cond, Runnable update, Runnable body) {
    init.run();
    Label head = newLabel();
    Label bodyStart = newLabel();
    Label next = newLabel();
    Label exit = newLabel();
    place(head);
    lowerOrTrue(cond, bodyStart, exit);
    place(bodyStart);
    inFrame(new Frame.Jump(labels, exit, next, region), body);
    place(next);
    update.run();
    goTo(head);
    place(exit);
  }

  /** An enhanced {@code for}; {@code iterable} evaluates the expression, the iteration itself does not throw. */
  public void forEachLoop(Set<String> labels, Site region, Runnable iterable, Runnable body) {
    iterable.run();
    Label head = newLabel();
    Label bodyStart = newLabel();
    Label exit = newLabel();
    place(head);
    choice(region, List.of(bodyStart, exit));
    place(bodyStart);
    inFrame(new Frame.Jump(labels, exit, head, region), body);
    goTo(head);
    place(exit);
  }

  /** A labeled statement that is not a loop ({@code label: { ... break label; ... }}). */
  public void labeled(Set<String> labels, Site region, Runnable body) {
    Label exit = newLabel();
    inFrame(new Frame.Jump(labels, exit, null, region), body);
    place(exit);
  }

  /**
   * A switch statement or expression, after its selector was evaluated. {@code cases} are the case bodies in source
   * order. In the arrow form a body does not fall through; in the old form it does. {@code mayMatchNothing}: a path
   * on which no case matches (a statement without {@code default}). A switch expression's bodies leave it with
   * {@link #yieldFrom} or, in the arrow form, by completing.
   */
  public void switchBlock(Site region, List<Runnable> cases, boolean arrowForm, boolean mayMatchNothing, boolean isExpression) {
    switchBlock(region, cases, arrowForm, isExpression, (entries, noMatch) -> {
      List<Label> targets = new ArrayList<>(entries);
      if (mayMatchNothing || entries.isEmpty()) {
        targets.add(noMatch);
      }
      choice(region, targets);
    });
  }

  /** Chooses the case a switch enters: branches to one of {@code entries} (in case order) or to {@code noMatch}. */
  @FunctionalInterface
  public interface SwitchDispatch {
    void dispatch(List<Label> entries, Label noMatch);
  }

  /** A switch whose case selection the front end lowers itself (a switch on a transaction's status). */
  public void switchBlock(Site region, List<Runnable> cases, boolean arrowForm, boolean isExpression, SwitchDispatch dispatch) {
    Label exit = newLabel();
    List<Label> entries = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      entries.add(newLabel());
    }
    dispatch.dispatch(entries, exit);
    Frame frame = isExpression ? new Frame.Yield(exit, region) : new Frame.Jump(Set.of(), exit, null, region);
    inFrame(
        frame,
        () -> {
          for (int i = 0; i < cases.size(); i++) {
            place(entries.get(i)); // the old form falls through from the previous case
            cases.get(i).run();
            if (arrowForm) {
              goTo(exit);
            }
          }
          goTo(exit);
        });
    place(exit);
  }

  /**
   * {@code try { body } catch (..) { .. } finally { fin }}. {@code fin} may be null; it is run once per way out of
   * the try, so it must emit the same thing each time. Try-with-resources is lowered by the front end as an inner
   * try whose finally ends the resources that are transaction handles.
   */
  public void tryCatchFinally(Runnable body, List<CatchClause> catches, Runnable fin) {
    Label done = newLabel();
    Frames outer = frames;
    List<Frame.Handler> handlers = new ArrayList<>();
    for (CatchClause c : catches) {
      handlers.add(new Frame.Handler(c, new Label(newNode(new Op.Catch(), c.site()))));
    }
    Frame.Try tryFrame = new Frame.Try(handlers, fin);
    inFrame(tryFrame, body);
    completeThroughFinally(tryFrame, outer, done);

    // Exceptions in a catch block go to this try's finally, not to its sibling catches.
    Frame.Try finallyOnly = new Frame.Try(List.of(), fin, tryFrame);
    for (Frame.Handler h : handlers) {
      if (!h.label().node.hasIncoming) {
        continue;
      }
      current = h.label().node;
      handlerDepth++;
      inFrame(finallyOnly, h.clause().body());
      handlerDepth--;
      completeThroughFinally(tryFrame, outer, done);
    }

    if (tryFrame.exceptionalEntry != null) {
      current = tryFrame.exceptionalEntry.node;
      replayFinally(fin, outer);
      Node rethrow = append(new Op.Rethrow(), Site.NONE);
      if (rethrow != null) {
        Frames saved = frames;
        frames = outer;
        for (ThrownType t : tryFrame.entered) {
          route(rethrow, t, outer);
        }
        frames = saved;
      }
      current = null;
    }
    place(done);
  }

  // ---------------------------------------------------------------- jumps and exits

  /** {@code break} or {@code break label}. */
  public void breakTo(String label, Site site) {
    Frames target = findJumpTarget(label, false);
    if (target == null) {
      current = null; // not a statement the builder knows: stop this path rather than guess
      return;
    }
    Frame.Jump j = (Frame.Jump) target.head;
    jumpOut(ExitKind.BREAK, site, j.region(), target, j.breakTarget());
  }

  /** {@code continue} or {@code continue label}. */
  public void continueTo(String label, Site site) {
    Frames target = findJumpTarget(label, true);
    if (target == null) {
      current = null;
      return;
    }
    Frame.Jump j = (Frame.Jump) target.head;
    jumpOut(ExitKind.CONTINUE, site, j.region(), target, j.continueTarget());
  }

  /** {@code yield} out of the innermost switch expression (after the value was evaluated). */
  public void yieldFrom(Site site) {
    for (Frames f = frames; f != null; f = f.tail) {
      if (f.head instanceof Frame.Yield y) {
        jumpOut(ExitKind.YIELD, site, y.region(), f, y.target());
        return;
      }
    }
    current = null;
  }

  /** {@code return} (after the value was evaluated): runs every enclosing finally, then leaves the unit. */
  public void returnFrom(Site site) {
    if (current == null) {
      return;
    }
    append(new Op.ExitMark(ExitKind.RETURN), site);
    for (Frames f = frames; f != null && current != null; f = f.tail) {
      if (f.head instanceof Frame.Try t && t.finallyBody != null) {
        replayFinally(t.finallyBody, f.tail);
      }
    }
    goTo(normalExit);
  }

  /** The end of the unit's body; {@code site} is its closing brace. */
  public void fallOffEnd(Site site) {
    if (current == null) {
      return;
    }
    append(new Op.ExitMark(ExitKind.FALL_OFF), site);
    goTo(normalExit);
  }

  // ---------------------------------------------------------------- internals

  private void jumpOut(ExitKind kind, Site site, Site region, Frames target, Label destination) {
    if (current == null) {
      return;
    }
    append(new Op.Jump(kind, region), site);
    // Frames are compared by identity: the jump leaves exactly the frames above its target.
    for (Frames f = frames; !isSame(f, target) && f != null && current != null; f = f.tail) {
      if (f.head instanceof Frame.Try t && t.finallyBody != null) {
        replayFinally(t.finallyBody, f.tail);
      }
    }
    goTo(destination);
  }

  private Frames findJumpTarget(String label, boolean isContinue) {
    for (Frames f = frames; f != null; f = f.tail) {
      if (f.head instanceof Frame.Yield) {
        return null; // jumps cannot leave a switch expression
      }
      if (f.head instanceof Frame.Jump j) {
        boolean loop = j.continueTarget() != null;
        if (label == null ? (isContinue ? loop : loop || j.labels().isEmpty()) : j.labels().contains(label)) {
          if (isContinue && !loop) {
            return null;
          }
          return f;
        }
      }
    }
    return null;
  }

  /** Normal completion of a try block or catch block: through the finally, to {@code done}. */
  private void completeThroughFinally(Frame.Try tryFrame, Frames outer, Label done) {
    if (current == null) {
      return;
    }
    if (tryFrame.finallyBody != null) {
      replayFinally(tryFrame.finallyBody, outer);
    }
    goTo(done);
  }

  private void replayFinally(Runnable fin, Frames outer) {
    if (fin == null || current == null) {
      return;
    }
    Frames saved = frames;
    frames = outer;
    handlerDepth++;
    try {
      fin.run();
    } finally {
      handlerDepth--;
      frames = saved;
    }
  }

  private void route(Node from, ThrownType type, Frames stack) {
    for (Frames f = stack; f != null; f = f.tail) {
      if (!(f.head instanceof Frame.Try t)) {
        continue;
      }
      for (Frame.Handler h : t.handlers) {
        ThrownType.Catching best = ThrownType.Catching.NEVER;
        for (ThrownType caught : h.clause().types()) {
          ThrownType.Catching c = type.caughtBy(caught);
          if (c.compareTo(best) < 0) { // ALWAYS, SOMETIMES, NEVER: the surest catch wins
            best = c;
          }
        }
        if (best != ThrownType.Catching.NEVER) {
          addEdge(from, new Edge(Edge.Kind.EXCEPTION, h.label().node, type));
          if (best == ThrownType.Catching.ALWAYS) {
            return;
          }
        }
      }
      if (t.finallyBody != null) {
        Frame.Try owner = t.owner != null ? t.owner : t;
        if (owner.exceptionalEntry == null) {
          owner.exceptionalEntry = newLabel();
        }
        owner.entered.add(type);
        addEdge(from, new Edge(Edge.Kind.EXCEPTION, owner.exceptionalEntry.node, type));
        return;
      }
    }
    addEdge(from, new Edge(Edge.Kind.EXCEPTION, exceptionalExit, type));
  }

  private void inFrame(Frame frame, Runnable body) {
    Frames saved = frames;
    frames = new Frames(frame, frames);
    try {
      body.run();
    } finally {
      frames = saved;
    }
  }

  private void lowerOrTrue(CondLowering cond, Label t, Label f) {
    if (cond == null) {
      goTo(t);
    } else {
      cond.lower(t, f);
    }
  }

  private Node append(Op op, Site site) {
    if (current == null) {
      return null; // unreachable code contributes nothing
    }
    Node n = newNode(op, site);
    link(n);
    current = n;
    return n;
  }

  private void link(Node target) {
    if (current != null) {
      addEdge(current, new Edge(Edge.Kind.NORMAL, target, null));
    }
  }

  private void addEdge(Node from, Edge e) {
    from.addEdge(e);
    e.target().hasIncoming = true;
  }

  private Node newNode(Op op, Site site) {
    if (nodes.size() >= options.maxNodes()) {
      throw new GraphTooLargeException(unitName, options.maxNodes());
    }
    Node n = new Node(nodes.size(), op, site);
    nodes.add(n);
    return n;
  }

  /** An immutable stack of frames, so that finally replays can run against the stack outside their try. */
  private record Frames(Frame head, Frames tail) {}

  /** What encloses the current point. */
  private sealed interface Frame {
    /** A loop ({@code continueTarget != null}), a switch statement or a labeled statement. */
    record Jump(Set<String> labels, Label breakTarget, Label continueTarget, Site region) implements Frame {}

    /** A switch expression. */
    record Yield(Label target, Site region) implements Frame {}

    /** A catch clause and the node that enters it. */
    record Handler(CatchClause clause, Label label) {}

    /** A try block; {@code owner} links a catch block's frame to its try so both share one exceptional finally. */
    final class Try implements Frame {
      final List<Handler> handlers;
      final Runnable finallyBody;
      final Try owner;
      final Set<ThrownType> entered = new LinkedHashSet<>();
      Label exceptionalEntry;

      Try(List<Handler> handlers, Runnable finallyBody) {
        this(handlers, finallyBody, null);
      }

      Try(List<Handler> handlers, Runnable finallyBody, Try owner) {
        this.handlers = handlers;
        this.finallyBody = finallyBody;
        this.owner = owner;
      }
    }
  }

  @SuppressWarnings("ReferenceEquality") // a frame stack's cells are distinct objects even when equal in content
  private static boolean isSame(Frames a, Frames b) {
    return a == b;
  }
}
