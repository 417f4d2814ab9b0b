package dev.txguard.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import dev.txguard.graph.BuildOptions;
import dev.txguard.graph.Cond;
import dev.txguard.graph.CondLowering;
import dev.txguard.graph.FlowGraph;
import dev.txguard.graph.FlowGraphBuilder;
import dev.txguard.graph.Key;
import dev.txguard.graph.KeptReads;
import dev.txguard.graph.Op;
import dev.txguard.graph.Site;
import dev.txguard.graph.StatusTest;
import dev.txguard.graph.ThrownType;
import dev.txguard.graph.TxInfo;
import dev.txguard.protocol.CallRole;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.protocol.Unwrapping;
import dev.txguard.protocol.Role;
import dev.txguard.protocol.StatusSwitch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lowers one unit of a JavaParser AST onto a {@link FlowGraphBuilder}: the same construct-by-construct mapping as
 * the javac front end, so that both give the same graph for the same code.
 */
@SuppressWarnings("ReferenceEquality") // Node.equals is structural; two equal-looking nodes are different places
final class SourceLowering {
  private final ProtocolRegistry registry;
  private final SourceResolver resolver;
  private final SourceSites sites;

  private FlowGraphBuilder b;
  private Node unit;
  /** Receiver spellings of the unit's commit()/rollback() calls, for the name rule; null until asked. */
  private Set<String> endedSpellings;
  /** The simple names the unit's assignments write to (computed on first need). */
  private Set<String> assignedNames;
  private List<Node> unitParams;
  private int tempCounter;
  private Set<String> pendingLabels = Set.of();
  // Nodes are equal by structure; two equal-looking declarations are different variables.
  private final java.util.IdentityHashMap<Node, StatusVar> statusVars = new java.util.IdentityHashMap<>();
  /** Locals declared as a (cast) copy of another variable: where the value came from (for proxies, below). */
  private final java.util.Map<Key, Origin> origins = new java.util.HashMap<>();
  /** Locals holding a proxy's invocation handler: the object behind that proxy. */
  private final java.util.Map<Key, Proxied> proxyHandlers = new java.util.HashMap<>();

  /** A variable and the expression it was read from, before any cast ({@code (Proxy) conn} reads a {@code Connection}). */
  private record Origin(Key key, Expression expr) {}

  /** The object behind a proxy, and its declared type: what the proxy's handler can return as that object. */
  private record Proxied(Key key, String type) {}

  private record StatusVar(Key handle, CallRole role) {}

  /** Run before each statement and expression; throws to abandon the unit (a watchdog cancelled the analysis). */
  private final Runnable checkpoint;

  SourceLowering(ProtocolRegistry registry, SourceResolver resolver, SourceSites sites) {
    this(registry, resolver, sites, () -> {});
  }

  SourceLowering(ProtocolRegistry registry, SourceResolver resolver, SourceSites sites, Runnable checkpoint) {
    this.registry = registry;
    this.resolver = resolver;
    this.sites = sites;
    this.checkpoint = checkpoint;
  }

  // ================================================================ units

  FlowGraph lowerCallable(CallableDeclaration<?> m, BlockStmt body, String name, String id, BuildOptions options) {
    start(m, name, id, options);
    unitParams = new ArrayList<>(m.getParameters());
    for (Parameter p : m.getParameters()) {
      b.parameter(keyOfDeclaration(p, p.getNameAsString()));
    }
    for (var t : m.getThrownExceptions()) {
      b.declaresThrows(resolver.qualify(t.asString(), m));
    }
    returnsBoolean = m instanceof MethodDeclaration md && Boolean.TRUE.equals(declaredBoolean(md.getType()));
    lowerStatement(body);
    b.fallOffEnd(sites.closingBrace(body));
    return b.build(sites.of(body));
  }

  /**
   * A record's compact constructor, as javac sees it: a constructor whose parameters are the record components (in
   * the body, a component's name is looked up like a field's: both are shared locations, as a parameter is).
   */
  FlowGraph lowerCompactConstructor(CompactConstructorDeclaration c, String name, BuildOptions options) {
    List<Parameter> components = c.findAncestor(com.github.javaparser.ast.body.RecordDeclaration.class)
        .map(r -> (List<Parameter>) r.getParameters()).orElse(List.of());
    String owner = c.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class).map(t -> t.getNameAsString())
        .orElse("?");
    start(c, name, owner + "#" + c.getNameAsString() + "/" + components.size(), options);
    unitParams = new ArrayList<>(components);
    for (Parameter p : components) {
      b.parameter(keyOfDeclaration(p, p.getNameAsString()));
    }
    for (var t : c.getThrownExceptions()) {
      b.declaresThrows(resolver.qualify(t.asString(), c));
    }
    lowerStatement(c.getBody());
    b.fallOffEnd(sites.closingBrace(c.getBody()));
    return b.build(sites.of(c.getBody()));
  }

  FlowGraph lowerLambda(LambdaExpr l, String name, String id, BuildOptions options) {
    start(l, name, id, options);
    unitParams = new ArrayList<>(l.getParameters());
    for (Parameter p : l.getParameters()) {
      b.parameter(keyOfDeclaration(p, p.getNameAsString()));
    }
    Statement body = l.getBody();
    if (body instanceof BlockStmt block) {
      lowerStatement(block);
      b.fallOffEnd(sites.closingBrace(block));
    } else {
      Expression e = ((ExpressionStmt) body).getExpression();
      if (isBeginCall(e)) {
        Key tmp = temp();
        lowerValueInto(tmp, e, Boolean.FALSE);
        b.op(new Op.Escape(tmp, false, true), sites.of(e));
      } else {
        lowerExpr(e);
        Key k = keyOf(e);
        if (k != null) {
          b.op(new Op.Escape(k, false, true), sites.of(e));
        }
      }
      b.fallOffEnd(sites.endOf(e));
    }
    return b.build(sites.of(body));
  }

  FlowGraph lowerInitializer(BlockStmt block, String name, String id, BuildOptions options) {
    start(block, name, id, options);
    unitParams = List.of();
    lowerStatement(block);
    b.fallOffEnd(sites.closingBrace(block));
    return b.build(sites.of(block));
  }

  /** The unit is a method returning {@code boolean} or {@code Boolean}: a return of a condition assigns its result. */
  private boolean returnsBoolean;

  private void start(Node u, String name, String id, BuildOptions options) {
    b = new FlowGraphBuilder(name, id, options);
    unit = u;
    endedSpellings = null;
    resolver.enterUnit(u);
    assignedNames = null;
    tempCounter = 0;
    pendingLabels = Set.of();
    returnsBoolean = false;
  }

  // ================================================================ statements

  private void lowerStatement(Statement t) {
    if (t == null) {
      return;
    }
    SourceResolver.Lines outer = resolver.at(t);
    try {
      lowerStatementHere(t);
    } finally {
      resolver.at(outer);
    }
  }

  private void lowerStatementHere(Statement t) {
    checkpoint.run();
    Set<String> labels = pendingLabels;
    pendingLabels = Set.of();
    if (t instanceof BlockStmt block) {
      block.getStatements().forEach(this::lowerStatement);
    } else if (t instanceof ExpressionStmt e) {
      lowerExpr(e.getExpression());
    } else if (t instanceof IfStmt i) {
      b.ifThenElse(cond(i.getCondition()), () -> lowerStatement(i.getThenStmt()),
          i.getElseStmt().isPresent() ? () -> lowerStatement(i.getElseStmt().get()) : null);
    } else if (t instanceof WhileStmt w) {
      b.whileLoop(labels, sites.of(w), condOrNull(w.getCondition()), () -> lowerStatement(w.getBody()));
    } else if (t instanceof DoStmt d) {
      b.doWhileLoop(labels, sites.of(d), () -> lowerStatement(d.getBody()), condOrNull(d.getCondition()));
    } else if (t instanceof ForStmt f) {
      b.forLoop(labels, sites.of(f), () -> f.getInitialization().forEach(this::lowerExpr),
          f.getCompare().isPresent() ? condOrNull(f.getCompare().get()) : null,
          () -> f.getUpdate().forEach(this::lowerExpr), () -> lowerStatement(f.getBody()));
    } else if (t instanceof ForEachStmt f) {
      VariableDeclarator v = f.getVariable().getVariable(0);
      Key var = keyOfDeclaration(v, v.getNameAsString());
      b.forEachLoop(labels, sites.of(f), () -> lowerExpr(f.getIterable()), () -> {
        b.op(new Op.Clear(var, false), sites.of(v));
        lowerStatement(f.getBody());
      });
    } else if (t instanceof LabeledStmt l) {
      Set<String> all = new HashSet<>(labels);
      all.add(l.getLabel().asString());
      Statement body = l.getStatement();
      if (body instanceof WhileStmt || body instanceof DoStmt || body instanceof ForStmt || body instanceof ForEachStmt
          || body instanceof LabeledStmt) {
        pendingLabels = all;
        lowerStatement(body);
      } else {
        b.labeled(all, sites.of(l), () -> lowerStatement(body));
      }
    } else if (t instanceof SwitchStmt s) {
      lowerExpr(s.getSelector());
      lowerSwitch(s, s.getSelector(), s.getEntries(), false);
    } else if (t instanceof YieldStmt y) {
      lowerExpr(y.getExpression());
      b.yieldFrom(sites.of(y));
    } else if (t instanceof BreakStmt br) {
      b.breakTo(br.getLabel().map(n -> n.asString()).orElse(null), sites.register(br));
    } else if (t instanceof ContinueStmt c) {
      b.continueTo(c.getLabel().map(n -> n.asString()).orElse(null), sites.register(c));
    } else if (t instanceof ReturnStmt r) {
      lowerReturn(r);
    } else if (t instanceof ThrowStmt th) {
      lowerExpr(th.getExpression());
      ThrownType type = resolver.thrownTypeOf(th.getExpression());
      b.throwStatement(sites.register(th), type == null ? List.of(ThrownType.UNCHECKED) : List.of(type));
    } else if (t instanceof TryStmt tr) {
      lowerTry(tr);
    } else if (t instanceof SynchronizedStmt s) {
      lowerExpr(s.getExpression());
      lowerStatement(s.getBody());
    } else if (t instanceof LocalClassDeclarationStmt c) {
      captureEscapes(c);
    } else if (t instanceof ExplicitConstructorInvocationStmt c) {
      c.getArguments().forEach(this::lowerExpr);
      b.call(new Op.Call(c.isThis() ? "this" : "super", null, true, List.of(), null, null, false), sites.register(c),
          List.of());
    }
  }

  private void lowerReturn(ReturnStmt r) {
    if (r.getExpression().isPresent()) {
      Expression e = r.getExpression().get();
      Expression inner = strip(e);
      if (returnsBoolean && (isComputedCondition(inner) || inner instanceof BooleanLiteralExpr || inner instanceof NameExpr)
          && !isBeginCall(inner)) {
        // What a query wrapper's summary reads (semantics: query wrappers), and a begin wrapper's that says whether it
        // began (OFBiz's `return true;` after the begin); nothing else in the graph reads it.
        b.assignBool(Key.RESULT, cond(inner), sites.of(e));
      } else if (isBeginCall(inner) || isAccessor(inner)) {
        Key tmp = temp();
        lowerValueInto(tmp, inner, Boolean.FALSE);
        b.op(new Op.Escape(tmp, false, true), sites.of(e));
      } else if (inner instanceof MethodCallExpr m && resolver.readsKept(m)) {
        Key tmp = temp();
        lowerValueInto(tmp, inner, null);
        b.op(new Op.Escape(tmp, false, true), sites.of(e));
      } else if (mayReturnAcquired(inner)) {
        // Through a temporary, so that a factory wrapper's returned object is seen as acquired (or not).
        Key tmp = temp();
        if (inner instanceof ObjectCreationExpr n) {
          lowerNew(n, tmp);
          b.op(new Op.Acquire(tmp), sites.of(e));
        } else {
          MethodCallExpr m = (MethodCallExpr) inner;
          CallRole role = classify(m);
          lowerCall(m, tmp);
          if (isFactory(m, role)) {
            b.op(new Op.Acquire(tmp), sites.of(e));
          }
        }
        b.op(new Op.Escape(tmp, false, true), sites.of(e));
      } else {
        lowerExpr(e);
        Key k = keyOf(inner);
        if (k != null) {
          b.op(new Op.Escape(k, false, true), sites.of(e));
        }
      }
    }
    b.returnFrom(sites.register(r));
  }

  private void lowerSwitch(Node sw, Expression selector, NodeList<SwitchEntry> entries, boolean expression) {
    boolean hasDefault = false;
    boolean arrow = false;
    List<Runnable> bodies = new ArrayList<>();
    for (SwitchEntry c : entries) {
      if (c.isDefault() || c.getLabels().isEmpty()
          || c.getLabels().stream().anyMatch(l -> l instanceof NullLiteralExpr || !isConstantLabel(l))) {
        hasDefault = true;
      }
      if (c.getType() != SwitchEntry.Type.STATEMENT_GROUP) {
        arrow = true;
      }
      NodeList<Statement> stmts = c.getStatements();
      boolean expressionBody = c.getType() == SwitchEntry.Type.EXPRESSION;
      bodies.add(() -> {
        if (expressionBody && !stmts.isEmpty() && stmts.get(0) instanceof ExpressionStmt es) {
          lowerExpr(es.getExpression());
        } else {
          stmts.forEach(this::lowerStatement);
        }
      });
    }
    boolean mayMatchNothing = !expression && !hasDefault && resolver.isEnumStringOrPrimitive(selector);
    StatusVar status = statusOf(selector);
    if (status != null) {
      List<List<String>> constants = new ArrayList<>();
      List<Site> caseSites = new ArrayList<>();
      for (SwitchEntry c : entries) {
        constants.add(c.isDefault() || c.getLabels().isEmpty() ? null
            : c.getLabels().stream().map(l -> constantName(strip(l))).toList());
        caseSites.add(sites.of(c));
      }
      b.switchBlock(sites.of(sw), bodies, arrow, expression,
          StatusSwitch.dispatch(b, status.handle(), status.role().protocol(), constants, caseSites));
      return;
    }
    b.switchBlock(sites.of(sw), bodies, arrow, mayMatchNothing, expression);
  }

  private static boolean isConstantLabel(Expression l) {
    Expression e = l;
    return !(e.isPatternExpr() || e.getClass().getSimpleName().endsWith("PatternExpr"));
  }

  private void lowerTry(TryStmt tr) {
    List<dev.txguard.graph.CatchClause> catches = new ArrayList<>();
    for (CatchClause c : tr.getCatchClauses()) {
      List<ThrownType> caught = new ArrayList<>();
      Type type = c.getParameter().getType();
      List<Type> alternatives = type instanceof UnionType u ? new ArrayList<>(u.getElements()) : List.of(type);
      for (Type alt : alternatives) {
        ThrownType tt = resolver.thrownTypeOf(alt);
        if (tt != null) {
          caught.add(tt);
        }
      }
      Key param = keyOfDeclaration(c.getParameter(), c.getParameter().getNameAsString());
      catches.add(new dev.txguard.graph.CatchClause(caught, sites.of(c.getParameter()), () -> {
        if (param != null) {
          b.op(new Op.NotNull(param), sites.of(c.getParameter())); // a failure flag assigned from it is non-null
        }
        lowerStatement(c.getBody());
      }));
    }
    Runnable fin = tr.getFinallyBlock().isPresent() ? () -> lowerStatement(tr.getFinallyBlock().get()) : null;
    NodeList<Expression> resources = tr.getResources();
    Runnable body = resources.isEmpty() ? () -> lowerStatement(tr.getTryBlock()) : () -> lowerResources(resources, 0, tr.getTryBlock());
    if (catches.isEmpty() && fin == null) {
      body.run();
    } else {
      b.tryCatchFinally(body, catches, fin);
    }
  }

  private void lowerResources(NodeList<Expression> resources, int i, BlockStmt body) {
    if (i == resources.size()) {
      lowerStatement(body);
      return;
    }
    Expression r = resources.get(i);
    Key key;
    SourceTypeFacts type;
    if (r instanceof VariableDeclarationExpr v) {
      VariableDeclarator d = v.getVariable(0);
      key = keyOfDeclaration(d, d.getNameAsString());
      type = resolver.declaredType(d.getType(), d, d.getInitializer().orElse(null));
      if (d.getInitializer().isPresent()) {
        lowerValueInto(key, d.getInitializer().get(), declaredBoolean(d.getType()));
        if (key != null && !isBeginCall(d.getInitializer().get())) {
          b.op(new Op.Acquire(key), sites.of(r)); // a resource declared here is acquired, whatever its initializer
        }
      }
    } else {
      lowerExpr(r);
      key = keyOf(r);
      type = resolver.typeOf(r);
    }
    Role close = key == null || type == null ? null : registry.closeRole(type);
    // Otherwise the implicit close() is a call like any other: a module close() with a body may be a closer.
    SourceResolver.CalleeInfo closeMethod = close != null || key == null ? null
        : r instanceof VariableDeclarationExpr v ? resolver.resourceClose(v.getVariable(0).getType(),
            v.getVariable(0).getInitializer().orElse(null)) : resolver.resourceClose(null, r);
    Site site = sites.of(r);
    b.tryCatchFinally(() -> lowerResources(resources, i + 1, body), List.of(), () -> {
      if (close != null) {
        b.op(close == Role.CLOSE_RECEIVER ? new Op.Close(key) : new Op.End(key), site);
      } else if (closeMethod != null) {
        b.call(new Op.Call("close", key, false, List.of(), closeMethod.localId(), null, false), site,
            closeMethod.thrown());
      }
    });
  }

  // ================================================================ expressions

  private void lowerExpr(Expression e) {
    if (e == null) {
      return;
    }
    checkpoint.run();
    if (e instanceof EnclosedExpr p) {
      lowerExpr(p.getInner());
    } else if (e instanceof MethodCallExpr m) {
      lowerCall(m, null);
    } else if (e instanceof ObjectCreationExpr n) {
      lowerNew(n, null);
    } else if (e instanceof VariableDeclarationExpr v) {
      for (VariableDeclarator d : v.getVariables()) {
        recordStatusVar(d);
        if (d.getInitializer().isPresent()) {
          Key dst = keyOfDeclaration(d, d.getNameAsString());
          noteOrigin(dst, d.getInitializer().get());
          lowerValueInto(dst, d.getInitializer().get(), declaredBoolean(d.getType()));
        }
      }
    } else if (e instanceof AssignExpr a) {
      if (a.getOperator() == AssignExpr.Operator.ASSIGN) {
        lowerAssignment(a.getTarget(), a.getValue());
      } else {
        lowerExpr(a.getTarget());
        lowerExpr(a.getValue());
        Key k = keyOf(a.getTarget());
        if (k != null && !k.isShared()) {
          b.op(new Op.AssignBool(k, Cond.UNKNOWN), sites.of(a));
        }
      }
    } else if (e instanceof BinaryExpr bin) {
      if (bin.getOperator() == BinaryExpr.Operator.AND || bin.getOperator() == BinaryExpr.Operator.OR) {
        b.ifThenElse(cond(bin), () -> {}, () -> {});
      } else {
        lowerExpr(bin.getLeft());
        lowerExpr(bin.getRight());
      }
    } else if (e instanceof UnaryExpr u) {
      lowerExpr(u.getExpression());
    } else if (e instanceof ConditionalExpr c) {
      b.ifThenElse(cond(c.getCondition()), () -> lowerExpr(c.getThenExpr()), () -> lowerExpr(c.getElseExpr()));
    } else if (e instanceof CastExpr c) {
      lowerExpr(c.getExpression());
    } else if (e instanceof InstanceOfExpr i) {
      lowerExpr(i.getExpression());
    } else if (e instanceof FieldAccessExpr f) {
      lowerExpr(f.getScope());
    } else if (e instanceof ArrayAccessExpr a) {
      lowerExpr(a.getName());
      lowerExpr(a.getIndex());
    } else if (e instanceof ArrayCreationExpr a) {
      a.getLevels().forEach(l -> l.getDimension().ifPresent(this::lowerExpr));
      a.getInitializer().ifPresent(this::lowerExpr);
    } else if (e instanceof ArrayInitializerExpr a) {
      for (Expression v : a.getValues()) {
        lowerExpr(v);
        escapeStored(v);
      }
    } else if (e instanceof LambdaExpr || e instanceof MethodReferenceExpr) {
      // Returned, stored, or anywhere else a call argument or a local's value: the new object escapes here.
      b.op(new Op.Escape(lowerFunctional(e, null), false, false), sites.of(e));
    } else if (e instanceof SwitchExpr s) {
      lowerExpr(s.getSelector());
      lowerSwitch(s, s.getSelector(), s.getEntries(), true);
    }
  }

  /**
   * Evaluates {@code value} and stores it into the local {@code dst}; {@code declared} is what the local's written type
   * says of a boolean value (null: it cannot tell, so the value's type is resolved, which is costly).
   */
  private void lowerValueInto(Key dst, Expression value, Boolean declared) {
    Expression v = strip(value);
    if (dst == null) {
      lowerExpr(value);
      return;
    }
    if (v instanceof NullLiteralExpr ? false : declared != null ? declared : resolver.isBoolean(value)) {
      b.assignBool(dst, cond(v), sites.of(value));
      return;
    }
    Key same = v instanceof MethodCallExpr m ? unwrapped(m) : null; // the same object under another name
    if (v instanceof NullLiteralExpr) {
      b.op(new Op.Clear(dst, true), sites.of(value));
    } else if (same != null) {
      lowerExpr(v);
      b.op(new Op.Copy(dst, same, false), sites.of(value)); // Connection c = h.getWrappedConnection()
    } else if (v instanceof MethodCallExpr m) {
      CallRole role = classify(m);
      if (role != null && role.role() == Role.ACCESSOR) {
        lowerExpr(m.getScope().orElse(null));
        Key owner = ownerKey(m);
        b.op(owner != null ? new Op.Copy(dst, owner, true) : new Op.Clear(dst, false), sites.of(value));
      } else {
        boolean factory = isFactory(m, role);
        boolean keptRead = !factory && resolver.readsKept(m);
        lowerCall(m, dst, role == null && !factory && !keptRead && dst.kind() == Key.Kind.LOCAL ? sameAsKey(m) : null);
        if (factory) {
          b.op(new Op.Acquire(dst), sites.of(value));
        } else if (keptRead) {
          // Read from a ThreadLocal or a collection: someone else keeps it (settled detail 4), like a field's value.
          Key kept = KeptReads.location(text(m) + "@" + sites.start(m));
          b.op(new Op.Clear(kept, false), sites.of(value)); // each read may yield another element: no stale alias
          b.op(new Op.Copy(dst, kept, false), sites.of(value));
        }
      }
    } else if (v instanceof ObjectCreationExpr n) {
      lowerNew(n, dst);
      b.op(new Op.Acquire(dst), sites.of(value));
    } else if (v instanceof ConditionalExpr c) {
      b.ifThenElse(cond(c.getCondition()), () -> lowerValueInto(dst, c.getThenExpr(), declared),
          () -> lowerValueInto(dst, c.getElseExpr(), declared));
    } else if (isFunctional(v)) {
      lowerFunctional(v, dst);
    } else {
      lowerExpr(v);
      Key src = keyOf(v);
      b.op(src != null ? new Op.Copy(dst, src, false) : new Op.Clear(dst, false), sites.of(value));
    }
  }

  /**
   * Whether a local of this written type holds a boolean when assigned: true for {@code boolean}/{@code Boolean}, false
   * for any type no boolean converts to, null for {@code var}, a missing type and the supertypes of {@code Boolean}
   * ({@code Object o = flag} stores a boolean, as javac's value type says).
   */
  private static Boolean declaredBoolean(Type type) {
    if (type == null || type.isVarType() || type.isUnknownType()) {
      return null;
    }
    if (type.isPrimitiveType()) {
      return type.asPrimitiveType().getType() == PrimitiveType.Primitive.BOOLEAN;
    }
    if (type.isClassOrInterfaceType()) {
      return switch (type.asClassOrInterfaceType().getNameAsString()) {
        case "Boolean" -> true;
        case "Object", "Serializable", "Comparable", "Constable" -> null;
        default -> false;
      };
    }
    return false;
  }

  private static Boolean declaredBoolean(Node declaration) {
    return declaration instanceof VariableDeclarator v ? declaredBoolean(v.getType())
        : declaration instanceof Parameter p ? declaredBoolean(p.getType()) : null;
  }

  private void lowerAssignment(Expression target, Expression value) {
    Expression t = strip(target);
    Key k = keyOf(t);
    origins.remove(k); // noted for declarations only: a reassigned local holds something else from here on
    proxyHandlers.remove(k);
    if (k != null && (k.kind() == Key.Kind.LOCAL || k.kind() == Key.Kind.PARAM)) {
      lowerValueInto(k, value, t instanceof NameExpr n ? declaredBoolean(resolver.declarationOf(n.getNameAsString(), n))
          : null);
      return;
    }
    if (k != null && k.kind() == Key.Kind.FIELD && isBeginCall(value)) {
      // this.transaction = session.beginTransaction(): the field holds the handle; a method that ends it there is
      // responsible for it (its working variable), one that does not has handed it off.
      lowerValueInto(k, value, Boolean.FALSE);
      return;
    }
    if (t instanceof ArrayAccessExpr a) {
      lowerExpr(a.getName());
      lowerExpr(a.getIndex());
    } else if (t instanceof FieldAccessExpr f) {
      lowerExpr(f.getScope());
    }
    Expression v = strip(value);
    if (isBeginCall(v)) {
      Key tmp = temp();
      lowerValueInto(tmp, v, Boolean.FALSE);
      b.op(new Op.Escape(tmp, false, false), sites.of(value));
    } else {
      lowerExpr(value);
      escapeStored(v);
    }
  }

  /** Storing a handle into a field, array or collection hands it off; storing an owner (em, session) does not. */
  private void escapeStored(Expression value) {
    Expression v = strip(value);
    Key src = isAccessor(v) ? ownerKey((MethodCallExpr) v) : keyOf(v);
    if (src != null) {
      b.op(new Op.Escape(src, !isAccessor(v), false), sites.of(value));
    }
  }

  private void lowerNew(ObjectCreationExpr n, Key resultVar) {
    n.getScope().ifPresent(this::lowerExpr);
    List<Key> args = new ArrayList<>();
    for (Expression a : n.getArguments()) {
      Expression sa = strip(a);
      if (isFunctional(sa)) {
        args.add(lowerFunctional(sa, null));
        continue;
      }
      lowerExpr(a);
      args.add(keyOf(sa));
    }
    List<ThrownType> thrown = resolver.thrownByConstructor(n);
    boolean anonymous = n.getAnonymousClassBody().isPresent();
    String localCallee = anonymous ? null : resolver.constructorId(n);
    Key result = resultVar == null && anonymous ? temp() : resultVar;
    b.call(new Op.Call("new " + n.getType().getNameAsString(), null, false, args, localCallee, result, false),
        sites.register(n), thrown);
    if (anonymous) {
      // An anonymous object holds what its body captured (settled detail 9); unused as a value, it escapes here.
      capture(result, n, sites.of(n));
      if (resultVar == null) {
        b.op(new Op.Escape(result, false, false), sites.of(n));
      }
    }
  }

  private void lowerCall(MethodCallExpr m, Key resultVar) {
    lowerCall(m, resultVar, null);
  }

  /**
   * The key a local's initializer {@code m} has when it names the same object at every call: a chain of no-argument
   * calls from {@code this}, a type or a field ({@code em()}, {@code Loader.getInstance().getUserTransaction()}), spelled
   * as the same call gets as a receiver; null for any other call.
   */
  private Key sameAsKey(MethodCallExpr m) {
    return accessorChain(m) ? Key.expr(text(m)) : null;
  }

  private boolean accessorChain(MethodCallExpr m) {
    if (!m.getArguments().isEmpty()) {
      return false;
    }
    Expression r = m.getScope().map(SourceLowering::strip).orElse(null);
    if (r == null || r instanceof ThisExpr) {
      return true;
    }
    if (r instanceof MethodCallExpr inner) {
      return accessorChain(inner);
    }
    if (resolver.isTypeName(r)) {
      return true; // a static accessor
    }
    Key k = keyOf(r);
    return k != null && k.kind() == Key.Kind.FIELD;
  }

  private void lowerCall(MethodCallExpr m, Key resultVar, Key sameAs) {
    Expression receiver = m.getScope().orElse(null);
    lowerExpr(receiver);
    List<Key> args = new ArrayList<>();
    for (Expression a : m.getArguments()) {
      Expression sa = strip(a);
      if (isFunctional(sa)) {
        args.add(lowerFunctional(sa, null)); // held by the callee only if it keeps or submits it (settled detail 9)
        continue;
      }
      lowerExpr(a);
      args.add(sa instanceof BooleanLiteralExpr lit ? Key.constant(lit.getValue())
          : isAccessor(sa) ? ownerKey((MethodCallExpr) sa) : keyOf(sa));
    }
    CallRole role = classify(m);
    Site site = sites.register(m);
    if (role != null && lowerProtocolCall(m, role, resultVar, site)) {
      return;
    }
    SourceResolver.CalleeInfo callee = resolver.callee(m);
    if (callee.localId() != null) {
      // An enum constant passed to a module method may pick a context of its summary (settled detail 17).
      for (int i = 0; i < args.size(); i++) {
        Expression sa = strip(m.getArgument(i));
        String constant = sa instanceof NameExpr || sa instanceof FieldAccessExpr ? resolver.enumConstantName(sa) : null;
        if (constant != null) {
          args.set(i, Key.enumConstant(constant));
        }
      }
    }
    boolean receiverIsThis = receiver == null || strip(receiver) instanceof ThisExpr || callee.isStatic();
    Key receiverKey = receiver == null ? null : keyOf(strip(receiver));
    b.call(new Op.Call(m.getNameAsString(), receiverKey, receiverIsThis, args, callee.localId(), resultVar,
        resolver.storesArguments(m), sameAs), site, callee.thrown());
  }

  private boolean lowerProtocolCall(MethodCallExpr m, CallRole role, Key resultVar, Site site) {
    Expression receiver = m.getScope().orElse(null);
    switch (role.role()) {
      case BEGIN_ON_RECEIVER -> {
        if (receiver != null && isAccessor(strip(receiver))) {
          MethodCallExpr acc = (MethodCallExpr) strip(receiver);
          Key owner = ownerKey(acc);
          b.op(new Op.Begin(null, false, owner == null ? Key.expr(text(receiver)) : owner,
              txInfo(role, text(receiver), null)), site);
        } else {
          if (resultVar != null && unresolvedResultWithoutReceiverEnd(m, receiver)) {
            return true; // settled detail 3: missing information resolves toward no begin
          }
          Key handle = receiver == null ? Key.field("this") : keyOrExpr(receiver);
          b.op(new Op.Begin(handle, false, null, txInfo(role, receiver == null ? "this" : text(receiver), null)), site);
          if (role.returnsReceiver() && resultVar != null) {
            b.op(new Op.Copy(resultVar, handle, false), site); // Db<T> t = db.begin(): t is db
          }
        }
        return true;
      }
      case BEGIN_RETURNING -> {
        Key owner = null;
        if (role.aliasesOwner()) {
          owner = role.protocol().threadOwner() != null ? Key.field(role.protocol().threadOwner())
              : receiver == null || resolver.callee(m).isStatic() || resolver.isTypeName(receiver)
              ? Key.field("static:" + resolver.staticOwner(m))
              : keyOrExpr(receiver);
        } else if (resultVar != null && receiver != null && role.livesOnReceiver()
            && !resolver.callee(m).isStatic() && !resolver.isTypeName(receiver)) {
          owner = variableKey(receiver); // Transaction tx = db.beginTransaction(): db's close or commit ends it too
        }
        if (resultVar == null && owner == null) {
          // store.begin(); with the result dropped: on the receiver if its type declares the ends, else untracked
          CallRole onReceiver = m.getParentNode().orElse(null) instanceof ExpressionStmt
              ? registry.discardedBegin(resolver.callFacts(m, this::classifyForFacts)) : null;
          return onReceiver == null || lowerProtocolCall(m, onReceiver, null, site);
        }
        boolean named = resultVar != null && resultVar.id().startsWith("v:");
        String handleText = named ? resultVar.variableName() : null;
        b.op(new Op.Begin(resultVar, true, owner, txInfo(role, handleText, receiver == null ? null : text(receiver))), site);
        return true;
      }
      case END_RECEIVER -> {
        Key k = receiver == null ? Key.field("this")
            : isAccessor(strip(receiver)) ? ownerKey((MethodCallExpr) strip(receiver)) : keyOrExpr(receiver);
        if (k != null) {
          b.op(new Op.End(k), site);
        }
        return true;
      }
      case CLOSE_RECEIVER -> {
        Key k = receiver == null ? Key.field("this") : keyOrExpr(receiver);
        b.op(new Op.Close(k), site);
        return true;
      }
      case END_ARGUMENT -> {
        if (!m.getArguments().isEmpty()) {
          Key k = keyOf(strip(m.getArgument(0)));
          if (k != null) {
            b.op(new Op.End(k), site);
          }
        }
        return true;
      }
      case END_OWNED -> {
        Key owner = role.protocol().threadOwner() != null ? Key.field(role.protocol().threadOwner())
            : receiver == null || resolver.callee(m).isStatic() || resolver.isTypeName(receiver)
            ? Key.field("static:" + resolver.staticOwner(m))
            : keyOrExpr(receiver);
        b.op(new Op.End(owner), site);
        return true;
      }
      default -> {
        return true;
      }
    }
  }

  /**
   * A zero-config begin whose result is used but whose returned type does not resolve (settled detail 3): it begins on
   * the receiver only when the unit calls {@code commit()} or {@code rollback()} on the same spelling of it; else
   * (the result may well be the handle, which the unit cannot be seen to end) it is no begin.
   */
  private boolean unresolvedResultWithoutReceiverEnd(MethodCallExpr m, Expression receiver) {
    if (!m.getArguments().isEmpty()) {
      return false;
    }
    dev.txguard.protocol.TypeFacts returned = resolver.callFacts(m, this::classifyForFacts).returnType();
    if (!(returned instanceof SourceTypeFacts r) || !r.byName) {
      return false;
    }
    String spelling = receiver == null ? "this" : text(strip(receiver));
    for (MethodCallExpr c : unit.findAll(MethodCallExpr.class)) {
      if ((c.getNameAsString().equals("commit") || c.getNameAsString().equals("rollback")) && c.getArguments().isEmpty()
          && spelling.equals(c.getScope().map(sc -> text(strip(sc))).orElse("this"))) {
        return false;
      }
    }
    return true;
  }

  private TxInfo txInfo(CallRole role, String handleText, String ownerText) {
    return role.protocol().txInfo(handleText, ownerText);
  }

  // ================================================================ conditions

  private CondLowering condOrNull(Expression e) {
    return strip(e) instanceof BooleanLiteralExpr lit && lit.getValue() ? null : cond(e);
  }

  private CondLowering cond(Expression expr) {
    Expression e = strip(expr);
    Site site = sites.of(e);
    if (e instanceof BooleanLiteralExpr lit) {
      return b.leaf(() -> {}, lit.getValue() ? Cond.TRUE : Cond.FALSE, site);
    }
    if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      return b.not(cond(u.getExpression()));
    }
    if (e instanceof BinaryExpr bin) {
      switch (bin.getOperator()) {
        case AND -> {
          return b.and(cond(bin.getLeft()), cond(bin.getRight()));
        }
        case OR -> {
          return b.or(cond(bin.getLeft()), cond(bin.getRight()));
        }
        case EQUALS, NOT_EQUALS -> {
          CondLowering c = comparison(bin, site);
          if (c != null) {
            return bin.getOperator() == BinaryExpr.Operator.EQUALS ? c : b.not(c);
          }
        }
        default -> {
          // other operators: a boolean value like any other, below
        }
      }
    }
    if (e instanceof ConditionalExpr c) {
      return b.conditional(cond(c.getCondition()), cond(c.getThenExpr()), cond(c.getElseExpr()));
    }
    if (e instanceof MethodCallExpr m) {
      CondLowering q = query(m, site);
      if (q != null) {
        return q;
      }
    }
    if (e instanceof NameExpr) {
      Key k = keyOf(e);
      if (k != null && (k.kind() == Key.Kind.LOCAL || k.kind() == Key.Kind.PARAM)) {
        return b.leaf(() -> {}, new Cond.Var(k), site);
      }
    }
    if (e instanceof MethodCallExpr m) {
      return b.callResult(() -> lowerExpr(e), m.getNameAsString(), site);
    }
    return b.leaf(() -> lowerExpr(e), Cond.UNKNOWN, site);
  }

  /** A returned boolean computed by a call or an operator (not a literal or a variable): a query wrapper's shape. */
  private static boolean isComputedCondition(Expression e) {
    return e instanceof MethodCallExpr || e instanceof ConditionalExpr
        || (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT)
        || (e instanceof BinaryExpr bin && switch (bin.getOperator()) {
          case AND, OR, EQUALS, NOT_EQUALS -> true;
          default -> false;
        });
  }

  private CondLowering comparison(BinaryExpr bin, Site site) {
    Expression l = strip(bin.getLeft());
    Expression r = strip(bin.getRight());
    if (r instanceof NullLiteralExpr || l instanceof NullLiteralExpr) {
      Expression other = r instanceof NullLiteralExpr ? l : r;
      Key k = isAccessor(other) ? ownerKey((MethodCallExpr) other) : keyOf(other);
      // The leaf asks "not null": name it so, so that a path step reads right ("tx != null is false").
      Site asked = site.withText(text(other) + " != null");
      return k == null ? null : b.not(b.leaf(() -> lowerExpr(other), new Cond.NonNull(k), asked));
    }
    if (r instanceof BooleanLiteralExpr lit) {
      return lit.getValue() ? cond(l) : b.not(cond(l));
    }
    if (l instanceof BooleanLiteralExpr lit) {
      return lit.getValue() ? cond(r) : b.not(cond(r));
    }
    CondLowering enumTest = enumParameterTest(l, r, site);
    if (enumTest != null) {
      return enumTest;
    }
    for (int i = 0; i < 2; i++) {
      Expression call = i == 0 ? l : r;
      Expression constant = i == 0 ? r : l;
      StatusVar sv = statusOf(call);
      String name = constantName(constant);
      if (sv != null && name != null) {
        return b.leaf(() -> {}, new Cond.Query(sv.handle(), sv.role().protocol().statusTest(name)), site);
      }
    }
    return null;
  }

  private CondLowering query(MethodCallExpr m, Site site) {
    CallRole role = classify(m);
    if (role != null && role.role() == Role.QUERY) {
      Key k = handleKeyOfReceiver(m);
      if (k != null) {
        return b.leaf(() -> lowerExpr(m.getScope().orElse(null)), new Cond.Query(k, role.test()), site);
      }
    }
    if (role == null && m.getScope().isPresent() && strip(m.getScope().get()) instanceof MethodCallExpr acc
        && registry.mayMatter(m.getNameAsString())) {
      // db.getTransaction().isActive() on a home-grown db: a query on db
      CallRole through = registry.queryThroughAccessor(resolver.callFacts(m, this::classifyForFacts),
          resolver.callFacts(acc, this::classifyForFacts));
      if (through != null) {
        return b.leaf(() -> lowerExpr(acc.getScope().orElse(null)), new Cond.Query(ownerKey(acc), through.test()), site);
      }
    }
    StatusVar sv = m.getScope().map(s -> statusOf(s)).orElse(null);
    if (sv != null) {
      List<String> constants = new ArrayList<>();
      for (Expression a : m.getArguments()) {
        String n = constantName(strip(a));
        if (n == null) {
          return null;
        }
        constants.add(n);
      }
      StatusTest t = ProtocolRegistry.statusMethodTest(sv.role().protocol(), m.getNameAsString(), constants);
      if (t != null) {
        return b.leaf(() -> {}, new Cond.Query(sv.handle(), t), site);
      }
    }
    return null;
  }

  private void recordStatusVar(VariableDeclarator d) {
    if (d.getInitializer().isEmpty() || !(strip(d.getInitializer().get()) instanceof MethodCallExpr m)) {
      return;
    }
    if (resolver.isEffectivelyFinal(d, unit)) {
      StatusVar sv = statusOfCall(m);
      if (sv != null) {
        statusVars.put(d, sv);
      }
    }
  }

  /** The status a call returns: the API's own {@code getStatus()} on its receiver, or a status getter's. */
  private StatusVar statusOfCall(MethodCallExpr m) {
    CallRole role = classify(m);
    if (role != null && role.role() == Role.STATUS) {
      Key k = handleKeyOfReceiver(m);
      return k == null ? null : new StatusVar(k, role);
    }
    return role == null ? statusGetter(m) : null;
  }

  /**
   * A status getter of this file called on this class (unqualified, on {@code this}, or static): a method without
   * parameters returning {@code int} whose every return is the API's {@code getStatus()} on one object or an integer
   * constant (Nuxeo's {@code getTransactionStatus()}: {@code UserTransaction ut = NuxeoContainer.getUserTransaction();
   * if (ut == null) return -1; return ut.getStatus();}). Its result is that object's status, the object named as the
   * caller names it: a no-argument accessor chain or a field (design.md, "Status getters").
   */
  private StatusVar statusGetter(MethodCallExpr m) {
    Expression scope = m.getScope().map(SourceLowering::strip).orElse(null);
    if (!m.getArguments().isEmpty() || (scope != null && !(scope instanceof ThisExpr) && !resolver.isTypeName(scope))) {
      return null;
    }
    MethodDeclaration d = resolver.sameFileDeclaration(m);
    if (d == null || d.getBody().isEmpty() || !d.getParameters().isEmpty() || !d.getType().asString().equals("int")) {
      return null;
    }
    StatusVar found = null;
    for (ReturnStmt r : d.getBody().get().findAll(ReturnStmt.class)) {
      if (r.findAncestor(n -> n instanceof LambdaExpr || n instanceof MethodDeclaration, Node.class).orElse(null) != d) {
        continue; // a lambda's or a local class's return
      }
      Expression e = r.getExpression().map(SourceLowering::strip).orElse(null);
      if (e instanceof IntegerLiteralExpr
          || (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS && u.getExpression() instanceof IntegerLiteralExpr)) {
        continue;
      }
      if (!(e instanceof MethodCallExpr call) || call.getScope().isEmpty()) {
        return null;
      }
      CallRole role = classify(call);
      Key k = role != null && role.role() == Role.STATUS ? statusObjectKey(strip(call.getScope().get()), d) : null;
      if (k == null || (found != null && !found.equals(new StatusVar(k, role)))) {
        return null;
      }
      found = new StatusVar(k, role);
    }
    return found;
  }

  /** In status getter {@code in}: the caller's key for {@code r}, an accessor chain, a local copy of one, or a field. */
  private Key statusObjectKey(Expression r, MethodDeclaration in) {
    if (r instanceof MethodCallExpr chain) {
      return sameAsKey(chain);
    }
    if (r instanceof NameExpr n && resolver.declarationOf(n.getNameAsString(), n) instanceof VariableDeclarator v
        && v.findAncestor(MethodDeclaration.class).orElse(null) == in) {
      Expression init = v.getInitializer().map(SourceLowering::strip).orElse(null);
      return init instanceof MethodCallExpr chain && resolver.isEffectivelyFinal(v, in) ? sameAsKey(chain) : null;
    }
    Key k = keyOf(r);
    return k != null && k.kind() == Key.Kind.FIELD ? k : null;
  }

  private StatusVar statusOf(Expression selector) {
    Expression s = strip(selector);
    if (s instanceof NameExpr n) {
      Node decl = resolver.declarationOf(n.getNameAsString(), n);
      return decl == null ? null : statusVars.get(decl);
    }
    if (s instanceof MethodCallExpr m) {
      return statusOfCall(m);
    }
    return null;
  }

  // ================================================================ keys

  private Key keyOf(Expression e) {
    if (e == null) {
      return null;
    }
    e = strip(e);
    if (e instanceof ThisExpr) {
      return Key.field("this");
    }
    if (e instanceof NameExpr n) {
      Node decl = resolver.declarationOf(n.getNameAsString(), n);
      if (decl != null) {
        return keyOfDeclaration(decl, n.getNameAsString());
      }
      return resolver.isField(n.getNameAsString(), n) ? Key.field("f:" + n.getNameAsString()) : null;
    }
    if (e instanceof com.github.javaparser.ast.expr.TypeExpr t && t.getType().isClassOrInterfaceType()
        && t.getType().asClassOrInterfaceType().getScope().isEmpty()) {
      // `tx::commit`: the parser cannot tell a variable from a type before a method reference
      String name = t.getType().asClassOrInterfaceType().getNameAsString();
      Node decl = resolver.declarationOf(name, t);
      return decl != null ? keyOfDeclaration(decl, name) : null;
    }
    if (e instanceof MethodCallExpr m && returnsReceiver(m)) {
      // db.begin().commit(): the value of a fluent begin is db
      return m.getScope().isEmpty() ? Key.field("this") : keyOrExpr(m.getScope().get());
    }
    if (e instanceof MethodCallExpr m) {
      return unwrapped(m);
    }
    if (e instanceof FieldAccessExpr f) {
      if (f.getScope() instanceof ThisExpr || resolver.isTypeName(f.getScope())) {
        return Key.field("f:" + f.getNameAsString());
      }
      return Key.expr(text(f));
    }
    return null;
  }

  /**
   * The variable a call denotes because it yields the same object (protocol {@link Unwrapping}): the object behind a
   * proxy, read through the proxy's handler; {@code conn.unwrap(Connection.class)}. Null for any other call.
   */
  private Key unwrapped(MethodCallExpr m) {
    Key r = m.getScope().isEmpty() ? null : keyOf(strip(m.getScope().get()));
    Proxied behind = r == null ? null : proxyHandlers.get(r);
    boolean unwrap = r != null && m.getArguments().size() == 1 && m.getNameAsString().equals(Unwrapping.UNWRAP);
    if (behind == null && !unwrap) {
      return null; // by syntax first: most calls are neither, and each answer below costs a resolution
    }
    dev.txguard.protocol.CallFacts facts = resolver.callFacts(m, this::classifyForFacts);
    if (behind != null && Unwrapping.returnsProxied(facts, behind.type())) {
      return behind.key();
    }
    return unwrap && Unwrapping.unwrapsConnection(facts) ? r : null;
  }

  /** {@code T x = (T) y;} notes where x came from; {@code H h = (H) Proxy.getInvocationHandler(p);} what h wraps. */
  private void noteOrigin(Key dst, Expression init) {
    if (dst == null || dst.kind() != Key.Kind.LOCAL) {
      return;
    }
    Expression v = strip(init);
    if (v instanceof MethodCallExpr m && m.getArguments().size() == 1
        && m.getNameAsString().equals(Unwrapping.GET_INVOCATION_HANDLER)
        && Unwrapping.readsProxyHandler(resolver.callFacts(m, this::classifyForFacts))) {
      Proxied proxied = proxied(originOf(m.getArgument(0)));
      if (proxied != null) {
        proxyHandlers.put(dst, proxied);
      }
      return;
    }
    Key src = keyOf(v);
    if (src != null && proxyHandlers.containsKey(src)) {
      proxyHandlers.put(dst, proxyHandlers.get(src));
    } else if (src != null) {
      Origin o = originOf(v);
      if (o != null) {
        origins.put(dst, o);
      }
    }
  }

  private Origin originOf(Expression e) {
    Expression s = strip(e);
    Key k = keyOf(s);
    if (k == null) {
      return null;
    }
    Origin earlier = origins.get(k);
    return earlier != null ? earlier : new Origin(k, s);
  }

  /** What a proxy of {@code o} stands for: o's variable, with o's declared type. */
  private Proxied proxied(Origin o) {
    if (o == null) {
      return null;
    }
    Expression s = o.expr();
    dev.txguard.protocol.TypeFacts t = resolver.typeOf(s);
    return t == null ? null : new Proxied(o.key(), t.qualifiedName());
  }

  /** The key of the variable the expression names; null for anything else (a call, an array element). */
  private Key variableKey(Expression e) {
    Key k = keyOf(e);
    return k != null && k.isVariable() ? k : null;
  }

  private Key keyOrExpr(Expression e) {
    Key k = keyOf(e);
    return k != null ? k : Key.expr(text(strip(e)));
  }

  /** The key of a local, parameter or captured variable declared by {@code decl}. */
  private Key keyOfDeclaration(Node decl, String name) {
    if (decl instanceof VariableDeclarator vd && vd.getParentNode().orElse(null) instanceof com.github.javaparser.ast.body.FieldDeclaration) {
      return Key.field("f:" + name);
    }
    String id = "v:" + name + "@" + sites.start(decl);
    int index = unitParams == null ? -1 : indexOfIdentity(unitParams, decl);
    if (index >= 0) {
      return Key.param(id, index);
    }
    return isInside(decl, unit) ? Key.local(id) : Key.captured(id);
  }

  private static int indexOfIdentity(List<Node> list, Node n) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == n) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isInside(Node n, Node ancestor) {
    for (Node c = n; c != null; c = c.getParentNode().orElse(null)) {
      if (c == ancestor) {
        return true;
      }
    }
    return false;
  }

  private Key handleKeyOfReceiver(MethodCallExpr m) {
    Expression r = m.getScope().orElse(null);
    if (r == null) {
      return Key.field("this");
    }
    Expression s = strip(r);
    return isAccessor(s) ? ownerKey((MethodCallExpr) s) : keyOrExpr(s);
  }

  private Key ownerKey(MethodCallExpr accessor) {
    CallRole role = classify(accessor);
    if (role != null && role.protocol().threadOwner() != null) {
      return Key.field(role.protocol().threadOwner()); // DB.currentTransaction(): the thread's transaction
    }
    Expression r = accessor.getScope().orElse(null);
    return r == null ? Key.field("this") : keyOrExpr(r);
  }

  private Key temp() {
    return Key.local("tmp:" + tempCounter++);
  }

  /** A lambda, method reference or anonymous class: a new object that may capture variables. */
  private static boolean isFunctional(Expression e) {
    return e instanceof LambdaExpr || e instanceof MethodReferenceExpr
        || (e instanceof ObjectCreationExpr n && n.getAnonymousClassBody().isPresent());
  }

  /**
   * Lowers a lambda, method reference or anonymous class used as a value into {@code dst} (a temporary when null):
   * the new object holds the variables it captured (settled detail 9), which are handed off only if it escapes.
   */
  private Key lowerFunctional(Expression e, Key dst) {
    Key out = dst != null ? dst : temp();
    if (e instanceof ObjectCreationExpr n) {
      lowerNew(n, out);
    } else if (e instanceof MethodReferenceExpr r) {
      lowerExpr(r.getScope());
      Key k = keyOf(strip(r.getScope()));
      b.op(new Op.Capture(out, k == null ? List.of() : List.of(k)), sites.of(r));
    } else {
      capture(out, e, sites.of(e));
    }
    return out;
  }

  /**
   * {@code dst} holds a new object whose code is {@code nested}: it captures the enclosing unit's variables that its
   * body mentions. One that the body itself ends or closes ({@code () -> c.commit()}) is the object's to end: it is
   * handed off at once, as a capture always was before settled detail 9.
   */
  private void capture(Key dst, Node nested, Site site) {
    Set<Key> captured = new LinkedHashSet<>();
    Set<Key> endedInside = new LinkedHashSet<>();
    for (Node n : nested.findAll(Node.class, x -> x instanceof NameExpr || x instanceof MethodCallExpr)) {
      if (n instanceof NameExpr name) {
        Key k = capturedKey(name, nested);
        if (k != null) {
          captured.add(k);
        }
        continue;
      }
      MethodCallExpr m = (MethodCallExpr) n;
      if (!CAPTURE_NAMES.endsByName(m.getNameAsString()) && !CAPTURE_NAMES.closesByName(m.getNameAsString())) {
        continue;
      }
      Expression root = m.getScope().orElse(null);
      while (root != null && !(strip(root) instanceof NameExpr)) {
        Expression r = strip(root);
        root = r instanceof MethodCallExpr mc ? mc.getScope().orElse(null)
            : r instanceof FieldAccessExpr f ? f.getScope() : null;
      }
      List<Expression> named = new ArrayList<>(m.getArguments());
      if (root != null) {
        named.add(root);
      }
      for (Expression a : named) {
        if (strip(a) instanceof NameExpr id) {
          Key k = capturedKey(id, nested);
          if (k != null) {
            endedInside.add(k);
          }
        }
      }
    }
    captured.removeAll(endedInside);
    for (Key k : endedInside) {
      b.op(new Op.Escape(k, false, false), site);
    }
    b.op(new Op.Capture(dst, new ArrayList<>(captured)), site);
  }

  private Key capturedKey(NameExpr n, Node nested) {
    Node decl = resolver.declarationOf(n.getNameAsString(), n);
    if (decl == null || isInside(decl, nested)) {
      return null;
    }
    Key k = keyOfDeclaration(decl, n.getNameAsString());
    return k.kind() == Key.Kind.LOCAL || k.kind() == Key.Kind.PARAM || k.kind() == Key.Kind.CAPTURED ? k : null;
  }

  /** The names that say a lambda body ends or closes what it captured (settled detail 7's words). */
  private static final dev.txguard.analysis.HandOffNames CAPTURE_NAMES = new dev.txguard.analysis.HandOffNames(Set.of());

  private void captureEscapes(Node nested) {
    Set<Key> captured = new LinkedHashSet<>();
    for (NameExpr n : nested.findAll(NameExpr.class)) {
      Node decl = resolver.declarationOf(n.getNameAsString(), n);
      if (decl != null && !isInside(decl, nested)) {
        Key k = keyOfDeclaration(decl, n.getNameAsString());
        if (k.kind() != Key.Kind.FIELD) {
          captured.add(k);
        }
      }
    }
    Site site = sites.of(nested);
    for (Key k : captured) {
      b.op(new Op.Escape(k, true, false), site);
    }
  }

  // ================================================================ helpers

  private CallRole classify(MethodCallExpr m) {
    if (!registry.mayMatter(m.getNameAsString())) {
      return null;
    }
    dev.txguard.protocol.CallFacts facts = resolver.callFacts(m, this::classifyForFacts);
    CallRole role = registry.classify(facts);
    if (role == null) {
      role = byNameRule(m, facts);
    } else if (role.role() == Role.BEGIN_ON_RECEIVER) {
      role = returnedByName(m, facts, role);
    }
    if (role != null) {
      resolver.noteProtocolCall(m);
    }
    return role;
  }

  /**
   * A zero-config begin on a receiver that resolves, whose returned type is known by name only (a jar the audit does
   * not have: jPOS-EE's {@code DB.beginTransaction()} returns Hibernate's {@code Transaction}). Error Prone sees that
   * type declare commit() and rollback() and makes the returned object the handle when it is used; the audit cannot
   * see it, so settled detail 3 decides, as for a receiver declared nowhere: the result is the handle when the unit
   * calls commit() or rollback() on the local it is stored in.
   */
  private CallRole returnedByName(MethodCallExpr m, dev.txguard.protocol.CallFacts facts, CallRole onReceiver) {
    if (!(facts.returnType() instanceof SourceTypeFacts r && r.byName) || !m.getArguments().isEmpty()) {
      return onReceiver;
    }
    String result = resultLocalName(m);
    if (result == null || !endedSpellings().contains(result)) {
      return onReceiver;
    }
    CallRole returning = registry.byName(m.getNameAsString(), 0, r.qualifiedName(), false, true);
    if (returning == null) {
      return onReceiver;
    }
    resolver.noteByName(m, r.qualifiedName());
    return returning;
  }

  /**
   * Settled detail 3: a zero-config call on a receiver whose type is declared nowhere the audit sees (no classpath, an
   * inferred lambda parameter whose interface does not resolve) is matched by names and same spellings.
   */
  private CallRole byNameRule(MethodCallExpr m, dev.txguard.protocol.CallFacts facts) {
    if (!m.getArguments().isEmpty() || m.getScope().isEmpty() || !registry.mayMatchByName(m.getNameAsString())
        || resolver.isTypeName(m.getScope().get())) {
      return null;
    }
    dev.txguard.protocol.TypeFacts t = facts.receiverType();
    if (t != null && !(t instanceof SourceTypeFacts s && s.membersUnknown)) {
      return null;
    }
    String result = resultLocalName(m);
    CallRole role = registry.byName(m.getNameAsString(), 0, t == null ? null : t.qualifiedName(),
        endedSpellings().contains(text(strip(m.getScope().get()))), result != null && endedSpellings().contains(result));
    if (role != null) {
      resolver.noteByName(m, t == null ? null : t.qualifiedName());
    }
    return role;
  }

  /** The local a call's result is stored into ({@code Tx t = db.begin();}, {@code t = db.begin();}), or null. */
  private static String resultLocalName(MethodCallExpr m) {
    Node parent = m.getParentNode().orElse(null);
    if (parent instanceof VariableDeclarator v && v.getInitializer().orElse(null) == m) {
      return v.getNameAsString();
    }
    if (parent instanceof com.github.javaparser.ast.expr.AssignExpr a && a.getValue() == m
        && a.getTarget() instanceof NameExpr n) {
      return n.getNameAsString();
    }
    return null;
  }

  /** The spellings of the receivers of the unit's no-arg commit()/rollback() calls (computed once per unit). */
  private Set<String> endedSpellings() {
    if (endedSpellings == null) {
      Set<String> out = new java.util.HashSet<>();
      for (MethodCallExpr c : unit.findAll(MethodCallExpr.class)) {
        if ((c.getNameAsString().equals("commit") || c.getNameAsString().equals("rollback"))
            && c.getArguments().isEmpty() && c.getScope().isPresent()) {
          out.add(text(strip(c.getScope().get())));
        }
      }
      endedSpellings = out;
    }
    return endedSpellings;
  }

  /** Lets the resolver type a receiver that is itself a protocol call when the solver cannot. */
  private CallRole classifyForFacts(MethodCallExpr m) {
    return classify(m);
  }

  /** A factory of the ownership table (not also a begin, whose result is a handle). */
  private boolean isFactory(MethodCallExpr m, CallRole role) {
    if ((role == null || !role.isBegin()) && registry.mayBeFactory(m.getNameAsString())
        && registry.isFactory(resolver.callFacts(m, this::classifyForFacts))) {
      resolver.noteProtocolCall(m); // a factory matched by name acquires "matched by name" (settled detail 15)
      return true;
    }
    return false;
  }

  /** A returned value that may be acquired here: {@code new}, a factory, or a call of the module (factory wrappers). */
  private boolean mayReturnAcquired(Expression e) {
    if (e instanceof ObjectCreationExpr) {
      return true;
    }
    return e instanceof MethodCallExpr m && (resolver.callee(m).localId() != null || isFactory(m, classify(m)));
  }

  private boolean isBeginCall(Expression e) {
    return strip(e) instanceof MethodCallExpr m && roleIs(classify(m), Role.BEGIN_RETURNING);
  }

  private boolean returnsReceiver(MethodCallExpr m) {
    CallRole r = classify(m);
    return r != null && r.returnsReceiver();
  }

  private boolean isAccessor(Expression e) {
    return e instanceof MethodCallExpr m && roleIs(classify(m), Role.ACCESSOR);
  }

  private static boolean roleIs(CallRole r, Role role) {
    return r != null && r.role() == role;
  }

  /**
   * {@code mode == Mode.TX} on a parameter the unit never assigns: a boolean fact of its own, followed like a boolean
   * parameter, on which a summary may depend (settled detail 17). Null when the comparison is not of that shape.
   */
  private CondLowering enumParameterTest(Expression l, Expression r, Site site) {
    for (int i = 0; i < 2; i++) {
      Expression param = i == 0 ? l : r;
      if (!(param instanceof NameExpr n) || assignedInUnit(n.getNameAsString())) {
        continue;
      }
      Key k = keyOf(param);
      String constant = k != null && k.kind() == Key.Kind.PARAM ? resolver.enumConstantName(i == 0 ? r : l) : null;
      if (constant != null && k.paramIndex() >= 0) {
        return b.leaf(() -> {}, new Cond.Var(Key.enumTest(k, constant)), site);
      }
    }
    return null;
  }

  private boolean assignedInUnit(String name) {
    if (assignedNames == null) {
      Set<String> names = new java.util.HashSet<>();
      for (AssignExpr a : unit.findAll(AssignExpr.class)) {
        if (strip(a.getTarget()) instanceof NameExpr n) {
          names.add(n.getNameAsString());
        }
      }
      assignedNames = names;
    }
    return assignedNames.contains(name);
  }

  private static String constantName(Expression e) {
    if (e instanceof NameExpr n) {
      return n.getNameAsString();
    }
    if (e instanceof FieldAccessExpr f) {
      return f.getNameAsString();
    }
    return null;
  }

  static Expression strip(Expression e) {
    while (true) {
      if (e instanceof EnclosedExpr p) {
        e = p.getInner();
      } else if (e instanceof CastExpr c) {
        e = c.getExpression();
      } else {
        return e;
      }
    }
  }

  private String text(Node n) {
    return n == null ? null : sites.text(n);
  }
}
