package dev.txguard.javac;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import dev.txguard.graph.BuildOptions;
import dev.txguard.graph.CatchClause;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeKind;

/**
 * Lowers one unit (a method, lambda or initializer) of an attributed javac tree onto a {@link FlowGraphBuilder}:
 * one method per statement and expression kind, in evaluation order. Nested lambdas and classes are units of their
 * own; here they only capture (hand off) the handles they reference.
 */
final class JavacLowering {
  private final ProtocolRegistry registry;
  private final JavacTypeFacts.Cache typeCache;
  private final Types types;
  private final Set<Symbol.ClassSymbol> classesOfUnit;
  private final SiteFactory sites;
  private final FixFacts fixFacts;
  private final JavacModule module;

  // Per unit.
  private FlowGraphBuilder b;
  private List<Symbol> unitParams;
  private int unitStart;
  private int unitEnd;
  private int tempCounter;
  /** The call an expression statement evaluates, whose result is discarded (a home-grown begin on its receiver). */
  private MethodInvocationTree discardedCall;
  private Set<String> pendingLabels = Set.of();
  /** Effectively final locals holding a status ({@code TransactionStatus st = tx.getStatus()}): the handle asked. */
  private final Map<Symbol, StatusVar> statusVars = new HashMap<>();
  /** Locals declared as a (cast) copy of another variable: where the value came from (for proxies, below). */
  private final Map<Key, Origin> origins = new HashMap<>();
  /** Locals holding a proxy's invocation handler: the object behind that proxy. */
  private final Map<Key, Proxied> proxyHandlers = new HashMap<>();

  /** A variable and the expression it was read from, before any cast ({@code (Proxy) conn} reads a {@code Connection}). */
  private record Origin(Key key, ExpressionTree expr) {}

  /** The object behind a proxy, and its declared type: what the proxy's handler can return as that object. */
  private record Proxied(Key key, String type) {}

  private record StatusVar(Key handle, CallRole role) {}

  /** The unit being lowered, and the simple names its assignments write to (computed on first need). */
  private Tree unitTree;
  private Set<String> assignedNames;

  JavacLowering(
      VisitorState state,
      ProtocolRegistry registry,
      JavacTypeFacts.Cache typeCache,
      Set<Symbol.ClassSymbol> classesOfUnit,
      SiteFactory sites,
      FixFacts fixFacts,
      JavacModule module) {
    this.module = module;
    this.registry = registry;
    this.typeCache = typeCache;
    this.types = typeCache.types();
    this.classesOfUnit = classesOfUnit;
    this.sites = sites;
    this.fixFacts = fixFacts;
  }

  // ================================================================ units

  FlowGraph lowerMethod(MethodTree m, String name, String id, BuildOptions options) {
    start(m, name, id, options);
    Symbol.MethodSymbol sym = ASTHelpers.getSymbol(m);
    unitParams = new ArrayList<>();
    for (VariableTree p : m.getParameters()) {
      Symbol ps = ASTHelpers.getSymbol(p);
      unitParams.add(ps);
    }
    for (Symbol ps : unitParams) {
      b.parameter(keyOfSymbol(ps));
    }
    if (sym != null) {
      for (Type t : sym.getThrownTypes()) {
        b.declaresThrows(t.tsym.getQualifiedName().toString());
      }
    }
    returnsBoolean = sym != null
        && types.unboxedTypeOrType(sym.getReturnType()).getKind() == TypeKind.BOOLEAN;
    lowerStatement(m.getBody());
    b.fallOffEnd(sites.closingBrace(m.getBody()));
    return b.build(sites.of(m.getBody()));
  }

  FlowGraph lowerLambda(LambdaExpressionTree l, String name, String id, BuildOptions options) {
    start(l, name, id, options);
    unitParams = new ArrayList<>();
    for (VariableTree p : l.getParameters()) {
      unitParams.add(ASTHelpers.getSymbol(p));
    }
    for (Symbol ps : unitParams) {
      b.parameter(keyOfSymbol(ps));
    }
    Tree body = l.getBody();
    if (body instanceof BlockTree block) {
      lowerStatement(block);
      b.fallOffEnd(sites.closingBrace(block));
    } else {
      ExpressionTree e = (ExpressionTree) body;
      if (isBeginCall(e)) {
        Key tmp = temp();
        lowerValueInto(tmp, e);
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

  FlowGraph lowerInitializer(BlockTree block, String name, String id, BuildOptions options) {
    start(block, name, id, options);
    unitParams = List.of();
    lowerStatement(block);
    b.fallOffEnd(sites.closingBrace(block));
    return b.build(sites.of(block));
  }

  /** The unit is a method returning {@code boolean} or {@code Boolean}: a return of a condition assigns its result. */
  private boolean returnsBoolean;

  private void start(Tree unit, String name, String id, BuildOptions options) {
    b = new FlowGraphBuilder(name, id, options);
    unitTree = unit;
    assignedNames = null;
    unitStart = sites.start(unit);
    unitEnd = sites.end(unit);
    tempCounter = 0;
    pendingLabels = Set.of();
    returnsBoolean = false;
  }

  // ================================================================ statements

  private void lowerStatement(Tree t) {
    if (t == null) {
      return;
    }
    Set<String> labels = pendingLabels;
    pendingLabels = Set.of();
    if (t instanceof BlockTree block) {
      for (StatementTree s : block.getStatements()) {
        lowerStatement(s);
      }
    } else if (t instanceof VariableTree v) {
      recordStatusVar(v);
      if (v.getInitializer() != null) {
        Key dst = keyOfSymbol(ASTHelpers.getSymbol(v));
        noteOrigin(dst, v.getInitializer());
        lowerValueInto(dst, v.getInitializer());
      }
    } else if (t instanceof ExpressionStatementTree e) {
      discardedCall = strip(e.getExpression()) instanceof MethodInvocationTree m ? m : null;
      lowerExpr(e.getExpression());
    } else if (t instanceof IfTree i) {
      b.ifThenElse(
          cond(i.getCondition()),
          () -> lowerStatement(i.getThenStatement()),
          i.getElseStatement() == null ? null : () -> lowerStatement(i.getElseStatement()));
    } else if (t instanceof WhileLoopTree w) {
      b.whileLoop(labels, sites.of(w), condOrNull(w.getCondition()), () -> lowerStatement(w.getStatement()));
    } else if (t instanceof DoWhileLoopTree d) {
      b.doWhileLoop(labels, sites.of(d), () -> lowerStatement(d.getStatement()), condOrNull(d.getCondition()));
    } else if (t instanceof ForLoopTree f) {
      b.forLoop(
          labels,
          sites.of(f),
          () -> f.getInitializer().forEach(this::lowerStatement),
          f.getCondition() == null ? null : condOrNull(f.getCondition()),
          () -> f.getUpdate().forEach(this::lowerStatement),
          () -> lowerStatement(f.getStatement()));
    } else if (t instanceof EnhancedForLoopTree f) {
      Key var = keyOfSymbol(ASTHelpers.getSymbol(f.getVariable()));
      b.forEachLoop(
          labels,
          sites.of(f),
          () -> lowerExpr(f.getExpression()),
          () -> {
            clear(var, f.getVariable());
            lowerStatement(f.getStatement());
          });
    } else if (t instanceof LabeledStatementTree l) {
      Set<String> all = new HashSet<>(labels);
      all.add(l.getLabel().toString());
      Tree body = l.getStatement();
      if (body instanceof WhileLoopTree || body instanceof DoWhileLoopTree || body instanceof ForLoopTree
          || body instanceof EnhancedForLoopTree || body instanceof LabeledStatementTree) {
        pendingLabels = all;
        lowerStatement(body);
      } else {
        b.labeled(all, sites.of(l), () -> lowerStatement(body));
      }
    } else if (t instanceof SwitchTree s) {
      lowerExpr(s.getExpression());
      lowerSwitch(s, s.getExpression(), s.getCases(), false);
    } else if (t instanceof YieldTree y) {
      lowerExpr(y.getValue());
      b.yieldFrom(sites.of(y));
    } else if (t instanceof BreakTree br) {
      b.breakTo(br.getLabel() == null ? null : br.getLabel().toString(), sites.register(br));
    } else if (t instanceof ContinueTree c) {
      b.continueTo(c.getLabel() == null ? null : c.getLabel().toString(), sites.register(c));
    } else if (t instanceof ReturnTree r) {
      lowerReturn(r);
    } else if (t instanceof ThrowTree th) {
      lowerExpr(th.getExpression());
      ThrownType type = thrownType(ASTHelpers.getType(th.getExpression()));
      b.throwStatement(sites.register(th), type == null ? List.of() : List.of(type));
    } else if (t instanceof TryTree tr) {
      lowerTry(tr);
    } else if (t instanceof SynchronizedTree s) {
      lowerExpr(s.getExpression());
      lowerStatement(s.getBlock());
    } else if (t instanceof ClassTree c) {
      captureEscapes(c);
    }
    // empty statements, asserts (disabled by default at run time), local records and interfaces: nothing to do
  }

  private void recordStatusVar(VariableTree v) {
    Symbol sym = ASTHelpers.getSymbol(v);
    if (sym == null || v.getInitializer() == null
        // Not javac's EFFECTIVELY_FINAL flag: Flow sets it, and a callee in a file that javac has not flowed yet
        // (a later file, under -XDcompilePolicy=simple) would lose its status variables (design.md, session 12).
        || ((sym.flags() & com.sun.tools.javac.code.Flags.FINAL) == 0 && assignedInUnit(sym.getSimpleName().toString()))
        || !(strip(v.getInitializer()) instanceof MethodInvocationTree m)) {
      return;
    }
    StatusVar sv = statusOfCall(m);
    if (sv != null) {
      statusVars.put(sym, sv);
    }
  }

  /** The status a call returns: the API's own {@code getStatus()} on its receiver, or a status getter's. */
  private StatusVar statusOfCall(MethodInvocationTree m) {
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
   * constant (Nuxeo's {@code getTransactionStatus()}). Its result is that object's status, the object named as the
   * caller names it: a no-argument accessor chain or a field (design.md, "Status getters").
   */
  private StatusVar statusGetter(MethodInvocationTree m) {
    ExpressionTree r = JavacCallFacts.receiver(m);
    Symbol.MethodSymbol sym = ASTHelpers.getSymbol(m);
    if (!m.getArguments().isEmpty() || sym == null || !classesOfUnit.contains(sym.enclClass())
        || (r != null && !isThis(r) && !(ASTHelpers.getSymbol(strip(r)) instanceof Symbol.ClassSymbol))
        || !sym.getParameters().isEmpty() || sym.getReturnType().getKind() != TypeKind.INT) {
      return null;
    }
    MethodTree d = module.methodTree(sym);
    if (d == null) {
      return null;
    }
    List<ExpressionTree> returned = new ArrayList<>();
    boolean[] bare = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        if (node.getExpression() == null) {
          bare[0] = true;
        } else {
          returned.add(strip(node.getExpression()));
        }
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return null; // a lambda's returns
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null; // a local class's returns
      }
    }.scan(d.getBody(), null);
    StatusVar found = null;
    for (ExpressionTree e : returned) {
      if (e instanceof LiteralTree lit && lit.getValue() instanceof Integer
          || (e instanceof UnaryTree u && e.getKind() == Tree.Kind.UNARY_MINUS && strip(u.getExpression()) instanceof LiteralTree)) {
        continue;
      }
      if (!(e instanceof MethodInvocationTree call) || JavacCallFacts.receiver(call) == null) {
        return null;
      }
      CallRole role = classify(call);
      Key k = role != null && role.role() == Role.STATUS ? statusObjectKey(strip(JavacCallFacts.receiver(call)), d) : null;
      if (k == null || (found != null && !found.equals(new StatusVar(k, role)))) {
        return null;
      }
      found = new StatusVar(k, role);
    }
    return bare[0] ? null : found;
  }

  /** In status getter {@code in}: the caller's key for {@code r}, an accessor chain, a local copy of one, or a field. */
  private Key statusObjectKey(ExpressionTree r, MethodTree in) {
    if (r instanceof MethodInvocationTree chain) {
      return sameAsKey(chain);
    }
    Symbol s = ASTHelpers.getSymbol(r);
    if (r instanceof IdentifierTree id && s != null && s.getKind() == javax.lang.model.element.ElementKind.LOCAL_VARIABLE) {
      ExpressionTree[] init = {null};
      boolean[] assigned = {false};
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree node, Void unused) {
          if (ASTHelpers.getSymbol(node) == s) {
            init[0] = node.getInitializer();
          }
          return super.visitVariable(node, unused);
        }

        @Override
        public Void visitAssignment(AssignmentTree node, Void unused) {
          if (strip(node.getVariable()) instanceof IdentifierTree v && v.getName().contentEquals(id.getName())) {
            assigned[0] = true;
          }
          return super.visitAssignment(node, unused);
        }
      }.scan(in.getBody(), null);
      return !assigned[0] && init[0] != null && strip(init[0]) instanceof MethodInvocationTree chain ? sameAsKey(chain) : null;
    }
    Key k = keyOf(r);
    return k != null && k.kind() == Key.Kind.FIELD ? k : null;
  }

  private void lowerReturn(ReturnTree r) {
    ExpressionTree e = r.getExpression();
    if (e != null) {
      ExpressionTree inner = strip(e);
      if (returnsBoolean && (isComputedCondition(inner) || inner instanceof LiteralTree || inner instanceof IdentifierTree)
          && !isBeginCall(inner)) {
        // What a query wrapper's summary reads (semantics: query wrappers), and a begin wrapper's that says whether it
        // began (OFBiz's `return true;` after the begin); nothing else in the graph reads it.
        b.assignBool(Key.RESULT, cond(inner), sites.of(e));
      } else if (isBeginCall(inner) || isAccessor(inner)) {
        Key tmp = temp();
        lowerValueInto(tmp, inner);
        b.op(new Op.Escape(tmp, false, true), sites.of(e));
      } else if (inner instanceof MethodInvocationTree m && readsKept(m)) {
        Key tmp = temp();
        lowerValueInto(tmp, inner);
        b.op(new Op.Escape(tmp, false, true), sites.of(e));
      } else if (mayReturnAcquired(inner)) {
        // Through a temporary, so that a factory wrapper's returned object is seen as acquired (or not).
        Key tmp = temp();
        if (inner instanceof NewClassTree n) {
          lowerNew(n, tmp);
          b.op(new Op.Acquire(tmp), sites.of(e));
        } else {
          MethodInvocationTree m = (MethodInvocationTree) inner;
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

  private void lowerSwitch(Tree sw, ExpressionTree selector, List<? extends CaseTree> cases, boolean expression) {
    boolean hasDefault = false;
    boolean arrow = false;
    List<Runnable> bodies = new ArrayList<>();
    for (CaseTree c : cases) {
      // No constant labels: default (or, on newer JDKs, a pattern). A null label makes the switch an enhanced one,
      // which Java requires to be exhaustive.
      if (c.getExpressions().isEmpty() || c.getExpressions().stream().anyMatch(JavacLowering::isNull)) {
        hasDefault = true;
      }
      if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
        arrow = true;
        Tree body = c.getBody();
        bodies.add(() -> {
          if (body instanceof ExpressionTree e) {
            lowerExpr(e);
          } else {
            lowerStatement(body);
          }
        });
      } else {
        List<? extends StatementTree> stmts = c.getStatements();
        bodies.add(() -> stmts.forEach(this::lowerStatement));
      }
    }
    boolean mayMatchNothing = !expression && !hasDefault && isEnumStringOrPrimitive(ASTHelpers.getType(selector));
    StatusVar status = statusOf(selector);
    if (status != null) {
      // switch (tx.getStatus()): each case is a status test, tried in order; default takes the rest.
      List<List<String>> constants = new ArrayList<>();
      List<Site> caseSites = new ArrayList<>();
      for (CaseTree c : cases) {
        constants.add(c.getExpressions().isEmpty() ? null
            : c.getExpressions().stream().map(l -> constantName(strip(l))).toList());
        caseSites.add(sites.of(c));
      }
      b.switchBlock(sites.of(sw), bodies, arrow, expression,
          StatusSwitch.dispatch(b, status.handle(), status.role().protocol(), constants, caseSites));
      return;
    }
    b.switchBlock(sites.of(sw), bodies, arrow, mayMatchNothing, expression);
  }

  /** The handle whose status a selector reads ({@code tx.getStatus()}, or a local holding it), or null. */
  private StatusVar statusOf(ExpressionTree selector) {
    ExpressionTree s = strip(selector);
    if (s instanceof IdentifierTree id) {
      return statusVars.get(ASTHelpers.getSymbol(id));
    }
    if (s instanceof MethodInvocationTree m) {
      return statusOfCall(m);
    }
    return null;
  }

  private boolean isEnumStringOrPrimitive(Type t) {
    if (t == null) {
      return true;
    }
    Type u = types.unboxedTypeOrType(t);
    if (u.isPrimitive()) {
      return true;
    }
    return (t.tsym.flags() & com.sun.tools.javac.code.Flags.ENUM) != 0
        || t.tsym.getQualifiedName().contentEquals("java.lang.String");
  }

  private void lowerTry(TryTree tr) {
    List<CatchClause> catches = new ArrayList<>();
    for (CatchTree c : tr.getCatches()) {
      List<ThrownType> caught = new ArrayList<>();
      Tree typeTree = c.getParameter().getType();
      if (typeTree instanceof UnionTypeTree u) {
        for (Tree alt : u.getTypeAlternatives()) {
          ThrownType tt = thrownType(ASTHelpers.getType(alt));
          if (tt != null) {
            caught.add(tt);
          }
        }
      } else {
        ThrownType tt = thrownType(ASTHelpers.getType(typeTree));
        if (tt != null) {
          caught.add(tt);
        }
      }
      Key param = keyOfSymbol(ASTHelpers.getSymbol(c.getParameter()));
      catches.add(new CatchClause(caught, sites.of(c.getParameter()), () -> {
        if (param != null) {
          b.op(new Op.NotNull(param), sites.of(c.getParameter())); // a failure flag assigned from it is non-null
        }
        lowerStatement(c.getBlock());
      }));
    }
    Runnable fin = tr.getFinallyBlock() == null ? null : () -> lowerStatement(tr.getFinallyBlock());
    List<? extends Tree> resources = tr.getResources();
    Runnable body = resources.isEmpty() ? () -> lowerStatement(tr.getBlock()) : () -> lowerResources(resources, 0, tr.getBlock());
    if (catches.isEmpty() && fin == null) {
      body.run();
    } else {
      b.tryCatchFinally(body, catches, fin);
    }
  }

  /** {@code try (r1; r2) body} as nested try/finally blocks whose finally closes each resource. */
  private void lowerResources(List<? extends Tree> resources, int i, BlockTree body) {
    if (i == resources.size()) {
      lowerStatement(body);
      return;
    }
    Tree r = resources.get(i);
    Key key;
    Type type;
    if (r instanceof VariableTree v) {
      key = keyOfSymbol(ASTHelpers.getSymbol(v));
      type = ASTHelpers.getType(v);
      if (v.getInitializer() != null) {
        lowerValueInto(key, v.getInitializer());
        if (key != null && !isBeginCall(v.getInitializer())) {
          b.op(new Op.Acquire(key), sites.of(r)); // a resource declared here is acquired, whatever its initializer
        }
      }
    } else {
      ExpressionTree e = (ExpressionTree) r;
      lowerExpr(e);
      key = keyOf(e);
      type = ASTHelpers.getType(e);
    }
    JavacTypeFacts facts = typeCache.of(type);
    Role close = key == null || facts == null ? null : registry.closeRole(facts);
    // Otherwise the implicit close() is a call like any other: a module close() with a body may be a closer.
    Symbol.MethodSymbol closeMethod = close == null && key != null ? closeMethod(type) : null;
    String closeId = closeMethod == null ? null : module.calleeId(closeMethod, classesOfUnit);
    Site site = sites.of(r);
    b.tryCatchFinally(
        () -> lowerResources(resources, i + 1, body),
        List.of(),
        () -> {
          if (close != null) {
            b.op(close == Role.CLOSE_RECEIVER ? new Op.Close(key) : new Op.End(key), site);
          } else if (closeId != null) {
            b.call(new Op.Call("close", key, false, List.of(), closeId, null, false), site, thrownTypes(closeMethod));
          }
        });
  }

  /** The no-argument {@code close()} a try-with-resources calls on a resource of this type, or null. */
  private Symbol.MethodSymbol closeMethod(Type type) {
    if (type == null || type.isErroneous() || type.tsym == null) {
      return null;
    }
    return JavacTypeFacts.noArgInstanceMethods(types, type, "close")
        .filter(m -> (m.flags() & com.sun.tools.javac.code.Flags.ABSTRACT) == 0).findFirst().orElse(null);
  }

  // ================================================================ expressions

  /** Emits what evaluating {@code e} does. */
  private void lowerExpr(ExpressionTree e) {
    if (e == null) {
      return;
    }
    if (e instanceof ParenthesizedTree p) {
      lowerExpr(p.getExpression());
    } else if (e instanceof MethodInvocationTree m) {
      lowerCall(m, null);
    } else if (e instanceof NewClassTree n) {
      lowerNew(n, null);
    } else if (e instanceof AssignmentTree a) {
      lowerAssignment(a.getVariable(), a.getExpression());
    } else if (e instanceof CompoundAssignmentTree c) {
      lowerExpr(c.getVariable());
      lowerExpr(c.getExpression());
      Key k = keyOf(c.getVariable());
      if (k != null && !k.isShared()) {
        b.op(new Op.AssignBool(k, Cond.UNKNOWN), sites.of(c));
      }
    } else if (e instanceof BinaryTree bin) {
      Tree.Kind kind = bin.getKind();
      if (kind == Tree.Kind.CONDITIONAL_AND || kind == Tree.Kind.CONDITIONAL_OR) {
        b.ifThenElse(cond(bin), () -> {}, () -> {});
      } else {
        lowerExpr(bin.getLeftOperand());
        lowerExpr(bin.getRightOperand());
      }
    } else if (e instanceof UnaryTree u) {
      lowerExpr(u.getExpression());
    } else if (e instanceof ConditionalExpressionTree c) {
      b.ifThenElse(cond(c.getCondition()), () -> lowerExpr(c.getTrueExpression()), () -> lowerExpr(c.getFalseExpression()));
    } else if (e instanceof TypeCastTree c) {
      lowerExpr(c.getExpression());
    } else if (e instanceof InstanceOfTree i) {
      lowerExpr(i.getExpression());
    } else if (e instanceof MemberSelectTree s) {
      lowerExpr(s.getExpression());
    } else if (e instanceof com.sun.source.tree.ArrayAccessTree a) {
      lowerExpr(a.getExpression());
      lowerExpr(a.getIndex());
    } else if (e instanceof NewArrayTree n) {
      n.getDimensions().forEach(this::lowerExpr);
      if (n.getInitializers() != null) {
        for (ExpressionTree init : n.getInitializers()) {
          lowerExpr(init);
          escapeStored(init);
        }
      }
    } else if (e instanceof LambdaExpressionTree || e instanceof MemberReferenceTree) {
      // Returned, stored, or anywhere else a call argument or a local's value: the new object escapes here.
      b.op(new Op.Escape(lowerFunctional(e, null), false, false), sites.of(e));
    } else if (e instanceof SwitchExpressionTree s) {
      lowerExpr(s.getExpression());
      lowerSwitch(s, s.getExpression(), s.getCases(), true);
    }
    // identifiers, literals, class literals: nothing happens
  }

  /** Evaluates {@code value} and stores it into the local {@code dst}. */
  private void lowerValueInto(Key dst, ExpressionTree value) {
    ExpressionTree v = strip(value);
    Type type = ASTHelpers.getType(value);
    if (dst == null) {
      lowerExpr(value);
      return;
    }
    if (type != null && types.unboxedTypeOrType(type).hasTag(TypeTag.BOOLEAN)) {
      b.assignBool(dst, cond(v), sites.of(value));
      return;
    }
    Key same = v instanceof MethodInvocationTree m ? unwrapped(m) : null; // the same object under another name
    if (v instanceof LiteralTree lit && lit.getKind() == Tree.Kind.NULL_LITERAL) {
      b.op(new Op.Clear(dst, true), sites.of(value));
    } else if (same != null) {
      lowerExpr(v);
      b.op(new Op.Copy(dst, same, false), sites.of(value)); // Connection c = h.getWrappedConnection()
    } else if (v instanceof MethodInvocationTree m) {
      CallRole role = classify(m);
      if (role != null && role.role() == Role.ACCESSOR) {
        lowerExpr(JavacCallFacts.receiver(m));
        Key owner = ownerKey(m);
        if (owner != null) {
          b.op(new Op.Copy(dst, owner, true), sites.of(value));
        } else {
          b.op(new Op.Clear(dst, false), sites.of(value));
        }
      } else {
        boolean factory = isFactory(m, role);
        boolean keptRead = !factory && readsKept(m);
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
    } else if (v instanceof NewClassTree n) {
      lowerNew(n, dst);
      b.op(new Op.Acquire(dst), sites.of(value));
    } else if (v instanceof ConditionalExpressionTree c) {
      b.ifThenElse(cond(c.getCondition()), () -> lowerValueInto(dst, c.getTrueExpression()),
          () -> lowerValueInto(dst, c.getFalseExpression()));
    } else if (isFunctional(v)) {
      lowerFunctional(v, dst);
    } else {
      lowerExpr(v);
      Key src = keyOf(v);
      if (src != null) {
        b.op(new Op.Copy(dst, src, false), sites.of(value));
      } else {
        b.op(new Op.Clear(dst, false), sites.of(value));
      }
    }
  }

  private void lowerAssignment(ExpressionTree target, ExpressionTree value) {
    ExpressionTree t = strip(target);
    Key k = keyOf(t);
    origins.remove(k); // noted for declarations only: a reassigned local holds something else from here on
    proxyHandlers.remove(k);
    if (k != null && (k.kind() == Key.Kind.LOCAL || k.kind() == Key.Kind.PARAM)) {
      lowerValueInto(k, value);
      return;
    }
    if (k != null && k.kind() == Key.Kind.FIELD && isBeginCall(value)) {
      // this.transaction = session.beginTransaction(): the field holds the handle; a method that ends it there is
      // responsible for it (its working variable), one that does not has handed it off.
      lowerValueInto(k, value);
      return;
    }
    // A field, array element or captured variable: storing a handle there hands it off.
    if (t instanceof com.sun.source.tree.ArrayAccessTree a) {
      lowerExpr(a.getExpression());
      lowerExpr(a.getIndex());
    } else if (t instanceof MemberSelectTree s) {
      lowerExpr(s.getExpression());
    }
    ExpressionTree v = strip(value);
    if (isBeginCall(v)) {
      Key tmp = temp();
      lowerValueInto(tmp, v);
      b.op(new Op.Escape(tmp, false, false), sites.of(value));
    } else {
      lowerExpr(value);
      escapeStored(v);
    }
  }

  /** Storing a handle into a field, array or collection hands it off; storing an owner (em, session) does not. */
  private void escapeStored(ExpressionTree value) {
    ExpressionTree v = strip(value);
    Key src = isAccessor(v) ? ownerKey((MethodInvocationTree) v) : keyOf(v);
    if (src != null) {
      b.op(new Op.Escape(src, !isAccessor(v), false), sites.of(value));
    }
  }

  private void lowerNew(NewClassTree n, Key resultVar) {
    lowerExpr(n.getEnclosingExpression());
    List<Key> args = new ArrayList<>();
    for (ExpressionTree a : n.getArguments()) {
      ExpressionTree sa = strip(a);
      if (isFunctional(sa)) {
        args.add(lowerFunctional(sa, null));
        continue;
      }
      lowerExpr(a);
      args.add(keyOf(sa));
    }
    Symbol sym = ASTHelpers.getSymbol(n);
    List<ThrownType> thrown = sym instanceof Symbol.MethodSymbol ms ? thrownTypes(ms) : List.of();
    String name = n.getIdentifier().toString();
    // A constructor of the module has a summary (does it store its arguments?); an anonymous class's has none.
    String localCallee = n.getClassBody() == null && sym instanceof Symbol.MethodSymbol ms
        ? module.calleeId(ms, classesOfUnit) : null;
    Key result = resultVar == null && n.getClassBody() != null ? temp() : resultVar;
    b.call(new Op.Call("new " + name, null, false, args, localCallee, result, false), sites.register(n), thrown);
    if (n.getClassBody() != null) {
      // An anonymous object holds what its body captured (settled detail 9); unused as a value, it escapes here.
      capture(result, n.getClassBody(), sites.of(n));
      if (resultVar == null) {
        b.op(new Op.Escape(result, false, false), sites.of(n));
      }
    }
  }

  private void lowerCall(MethodInvocationTree m, Key resultVar) {
    lowerCall(m, resultVar, null);
  }

  /**
   * The key a local's initializer {@code m} has when it names the same object at every call: a chain of no-argument
   * calls from {@code this}, a type or a field ({@code em()}, {@code Loader.getInstance().getUserTransaction()}), spelled
   * as the same call gets as a receiver; null for any other call.
   */
  private Key sameAsKey(MethodInvocationTree m) {
    return accessorChain(m) ? Key.expr(text(m)) : null;
  }

  private boolean accessorChain(MethodInvocationTree m) {
    if (!m.getArguments().isEmpty()) {
      return false;
    }
    ExpressionTree r = JavacCallFacts.receiver(m);
    if (r == null || isThis(r)) {
      return true;
    }
    ExpressionTree s = strip(r);
    if (s instanceof MethodInvocationTree inner) {
      return accessorChain(inner);
    }
    if (ASTHelpers.getSymbol(s) instanceof Symbol.ClassSymbol) {
      return true; // a static accessor
    }
    Key k = keyOf(s);
    return k != null && k.kind() == Key.Kind.FIELD;
  }

  private void lowerCall(MethodInvocationTree m, Key resultVar, Key sameAs) {
    ExpressionTree receiver = JavacCallFacts.receiver(m);
    lowerExpr(receiver);
    List<Key> args = new ArrayList<>();
    for (ExpressionTree a : m.getArguments()) {
      ExpressionTree sa = strip(a);
      if (isFunctional(sa)) {
        args.add(lowerFunctional(sa, null)); // held by the callee only if it keeps or submits it (settled detail 9)
        continue;
      }
      lowerExpr(a);
      args.add(sa instanceof LiteralTree lit && lit.getValue() instanceof Boolean v ? Key.constant(v)
          : isAccessor(sa) ? ownerKey((MethodInvocationTree) sa) : keyOf(sa));
    }
    Symbol.MethodSymbol sym = ASTHelpers.getSymbol(m);
    if (sym == null) {
      return;
    }
    CallRole role = classify(m);
    Site site = sites.register(m);
    if (role != null) {
      if (lowerProtocolCall(m, role, resultVar, site)) {
        return;
      }
    }
    String localCallee = module.calleeId(sym, classesOfUnit);
    if (localCallee != null) {
      // An enum constant passed to a module method (of any file) may pick a context of its summary (settled 17).
      for (int i = 0; i < args.size(); i++) {
        String constant = enumConstantName(strip(m.getArguments().get(i)));
        if (constant != null) {
          args.set(i, Key.enumConstant(constant));
        }
      }
    }
    boolean receiverIsThis = receiver == null || isThis(receiver) || sym.isStatic();
    Key receiverKey = receiver == null ? null : keyOf(strip(receiver));
    b.call(
        new Op.Call(sym.getSimpleName().toString(), receiverKey, receiverIsThis, args, localCallee, resultVar,
            storesArguments(receiver, sym), sameAs),
        site,
        thrownTypes(sym));
  }

  /** Emits a protocol call; false when it should be treated as an ordinary call. */
  private boolean lowerProtocolCall(MethodInvocationTree m, CallRole role, Key resultVar, Site site) {
    ExpressionTree receiver = JavacCallFacts.receiver(m);
    TxInfo info;
    switch (role.role()) {
      case BEGIN_ON_RECEIVER -> {
        if (receiver != null && isAccessor(strip(receiver))) {
          MethodInvocationTree acc = (MethodInvocationTree) strip(receiver);
          Key owner = ownerKey(acc);
          info = txInfo(role, text(receiver), text(JavacCallFacts.receiver(acc)), m, receiver);
          b.op(new Op.Begin(null, false, owner == null ? Key.expr(text(receiver)) : owner, info), site);
        } else {
          Key handle = receiver == null ? Key.field("this") : keyOrExpr(receiver);
          info = txInfo(role, receiver == null ? "this" : text(receiver), null, m, receiver);
          b.op(new Op.Begin(handle, false, null, info), site);
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
              : receiver == null || ASTHelpers.getSymbol(m).isStatic()
              ? Key.field("static:" + ASTHelpers.getSymbol(m).owner.getQualifiedName())
              : keyOrExpr(receiver);
        } else if (resultVar != null && receiver != null && role.livesOnReceiver()
            && !ASTHelpers.getSymbol(m).isStatic()) {
          owner = variableKey(receiver); // Transaction tx = db.beginTransaction(): db's close or commit ends it too
        }
        if (resultVar == null && owner == null) {
          // store.begin(); with the result dropped: on the receiver if its type declares the ends, else untracked
          CallRole onReceiver = m == discardedCall ? registry.discardedBegin(new JavacCallFacts(m,
              ASTHelpers.getSymbol(m), typeCache)) : null;
          return onReceiver == null || lowerProtocolCall(m, onReceiver, null, site);
        }
        boolean named = resultVar != null && resultVar.id().startsWith("v:");
        String handleText = named ? resultVar.variableName() : null;
        int pos = named && resultVar.kind() == Key.Kind.LOCAL ? resultVar.declaredAt() : -1;
        info = txInfo(role, handleText, receiver == null ? null : text(receiver), m, null, pos);
        b.op(new Op.Begin(resultVar, true, owner, info), site);
        return true;
      }
      case END_RECEIVER -> {
        Key k = receiver == null ? Key.field("this")
            : isAccessor(strip(receiver)) ? ownerKey((MethodInvocationTree) strip(receiver)) : keyOrExpr(receiver);
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
          Key k = keyOf(strip(m.getArguments().get(0)));
          if (k != null) {
            b.op(new Op.End(k), site);
          }
        }
        return true;
      }
      case END_OWNED -> {
        Symbol.MethodSymbol sym = ASTHelpers.getSymbol(m);
        Key owner = role.protocol().threadOwner() != null ? Key.field(role.protocol().threadOwner())
            : receiver == null || sym.isStatic()
            ? Key.field("static:" + sym.owner.getQualifiedName())
            : keyOrExpr(receiver);
        b.op(new Op.End(owner), site);
        return true;
      }
      case QUERY, STATUS, ACCESSOR -> {
        return true; // no effect outside a condition; queries and accessors do not throw
      }
    }
    return false;
  }

  private TxInfo txInfo(CallRole role, String handleText, String ownerText, MethodInvocationTree call, ExpressionTree handleExpr) {
    return txInfo(role, handleText, ownerText, call, handleExpr, -1);
  }

  private TxInfo txInfo(CallRole role, String handleText, String ownerText, MethodInvocationTree call,
      ExpressionTree handleExpr, int resultLocalPos) {
    fixFacts.recordBegin(sites.of(call), call, handleExpr, resultLocalPos);
    return role.protocol().txInfo(handleText, ownerText);
  }

  // ================================================================ conditions

  private CondLowering condOrNull(ExpressionTree e) {
    ExpressionTree s = strip(e);
    if (s instanceof LiteralTree lit && Boolean.TRUE.equals(lit.getValue())) {
      return null;
    }
    return cond(e);
  }

  /** A condition, lowered with short-circuit control flow. */
  private CondLowering cond(ExpressionTree expr) {
    ExpressionTree e = strip(expr);
    Site site = sites.of(e);
    if (e instanceof LiteralTree lit && lit.getValue() instanceof Boolean v) {
      return b.leaf(() -> {}, v ? Cond.TRUE : Cond.FALSE, site);
    }
    if (e instanceof UnaryTree u && u.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      return b.not(cond(u.getExpression()));
    }
    if (e instanceof BinaryTree bin) {
      switch (bin.getKind()) {
        case CONDITIONAL_AND -> {
          return b.and(cond(bin.getLeftOperand()), cond(bin.getRightOperand()));
        }
        case CONDITIONAL_OR -> {
          return b.or(cond(bin.getLeftOperand()), cond(bin.getRightOperand()));
        }
        case EQUAL_TO, NOT_EQUAL_TO -> {
          CondLowering c = comparison(bin, site);
          if (c != null) {
            return bin.getKind() == Tree.Kind.EQUAL_TO ? c : b.not(c);
          }
        }
        default -> {
          // other operators: a boolean value like any other, below
        }
      }
    }
    if (e instanceof ConditionalExpressionTree c) {
      return b.conditional(cond(c.getCondition()), cond(c.getTrueExpression()), cond(c.getFalseExpression()));
    }
    if (e instanceof MethodInvocationTree m) {
      CondLowering q = query(m, site);
      if (q != null) {
        return q;
      }
    }
    if (e instanceof IdentifierTree || e instanceof MemberSelectTree) {
      Key k = keyOf(e);
      if (k != null && (k.kind() == Key.Kind.LOCAL || k.kind() == Key.Kind.PARAM)) {
        return b.leaf(() -> lowerExpr(e), new Cond.Var(k), site);
      }
    }
    if (e instanceof AssignmentTree a) {
      // if ((ok = tryCommit()))
      return b.leaf(() -> lowerExpr(a), Cond.UNKNOWN, site);
    }
    if (e instanceof MethodInvocationTree m && ASTHelpers.getSymbol(m) != null) {
      return b.callResult(() -> lowerExpr(e), ASTHelpers.getSymbol(m).getSimpleName().toString(), site);
    }
    return b.leaf(() -> lowerExpr(e), Cond.UNKNOWN, site);
  }

  /** A returned boolean computed by a call or an operator (not a literal or a variable): a query wrapper's shape. */
  private static boolean isComputedCondition(ExpressionTree e) {
    return e instanceof MethodInvocationTree || e instanceof ConditionalExpressionTree
        || (e instanceof UnaryTree u && u.getKind() == Tree.Kind.LOGICAL_COMPLEMENT)
        || (e instanceof BinaryTree bin && switch (bin.getKind()) {
          case CONDITIONAL_AND, CONDITIONAL_OR, EQUAL_TO, NOT_EQUAL_TO -> true;
          default -> false;
        });
  }

  /** {@code x == null}, {@code getStatus() == ACTIVE}, {@code flag == true}: the "equal" condition, or null. */
  private CondLowering comparison(BinaryTree bin, Site site) {
    ExpressionTree l = strip(bin.getLeftOperand());
    ExpressionTree r = strip(bin.getRightOperand());
    if (isNull(r) || isNull(l)) {
      ExpressionTree other = isNull(r) ? l : r;
      Key k = isAccessor(other) ? ownerKey((MethodInvocationTree) other) : keyOf(other);
      if (k == null) {
        return null;
      }
      // The leaf asks "not null": name it so, so that a path step reads right ("tx != null is false").
      Site asked = site.withText(text(other) + " != null");
      return b.not(b.leaf(() -> lowerExpr(other), new Cond.NonNull(k), asked));
    }
    if (r instanceof LiteralTree lit && lit.getValue() instanceof Boolean v) {
      return v ? cond(l) : b.not(cond(l));
    }
    if (l instanceof LiteralTree lit && lit.getValue() instanceof Boolean v) {
      return v ? cond(r) : b.not(cond(r));
    }
    CondLowering enumTest = enumParameterTest(l, r, site);
    if (enumTest != null) {
      return enumTest;
    }
    for (int i = 0; i < 2; i++) {
      ExpressionTree call = i == 0 ? l : r;
      ExpressionTree constant = i == 0 ? r : l;
      StatusVar sv = call instanceof IdentifierTree id ? statusVars.get(ASTHelpers.getSymbol(id)) : null;
      if (sv != null) {
        String name = constantName(constant);
        if (name != null) {
          return b.leaf(() -> {}, new Cond.Query(sv.handle(), sv.role().protocol().statusTest(name)), site);
        }
      }
      StatusVar status = call instanceof MethodInvocationTree m ? statusOfCall(m) : null;
      if (status != null) {
        String name = constantName(constant);
        if (name == null) {
          return null;
        }
        return b.leaf(() -> {}, new Cond.Query(status.handle(), status.role().protocol().statusTest(name)), site);
      }
    }
    return null;
  }

  /** A protocol query used as a condition, or null. */
  private CondLowering query(MethodInvocationTree m, Site site) {
    CallRole role = classify(m);
    if (role != null && role.role() == Role.QUERY) {
      Key k = handleKeyOfReceiver(m);
      if (k != null) {
        return b.leaf(() -> lowerExpr(JavacCallFacts.receiver(m)), new Cond.Query(k, role.test()), site);
      }
    }
    ExpressionTree recv = JavacCallFacts.receiver(m);
    if (role == null && recv != null && strip(recv) instanceof MethodInvocationTree acc
        && ASTHelpers.getSymbol(acc) != null && ASTHelpers.getSymbol(m) != null
        && registry.mayMatter(ASTHelpers.getSymbol(m).getSimpleName().toString())) {
      // db.getTransaction().isActive() on a home-grown db: a query on db
      CallRole through = registry.queryThroughAccessor(new JavacCallFacts(m, ASTHelpers.getSymbol(m), typeCache),
          new JavacCallFacts(acc, ASTHelpers.getSymbol(acc), typeCache));
      if (through != null) {
        Key k = ownerKey(acc);
        return b.leaf(() -> lowerExpr(JavacCallFacts.receiver(acc)), new Cond.Query(k, through.test()), site);
      }
    }
    // tx.getStatus().canRollback(), tx.getStatus().isOneOf(ACTIVE, MARKED_ROLLBACK), getStatus().equals(ACTIVE)
    StatusVar sv = recv != null && strip(recv) instanceof IdentifierTree id ? statusVars.get(ASTHelpers.getSymbol(id)) : null;
    if (sv != null || (recv != null && strip(recv) instanceof MethodInvocationTree)) {
      CallRole sr = sv != null ? sv.role() : classify((MethodInvocationTree) strip(recv));
      if (sr != null && sr.role() == Role.STATUS) {
        List<String> constants = new ArrayList<>();
        for (ExpressionTree a : m.getArguments()) {
          String n = constantName(strip(a));
          if (n == null) {
            return null;
          }
          constants.add(n);
        }
        StatusTest t = ProtocolRegistry.statusMethodTest(sr.protocol(), ASTHelpers.getSymbol(m).getSimpleName().toString(), constants);
        Key k = sv != null ? sv.handle() : handleKeyOfReceiver((MethodInvocationTree) strip(recv));
        if (t != null && k != null) {
          return b.leaf(() -> {}, new Cond.Query(k, t), site);
        }
      }
    }
    return null;
  }

  // ================================================================ keys

  /** The location an expression denotes, or null when it is not a plain variable, field or this. */
  private Key keyOf(ExpressionTree e) {
    if (e == null) {
      return null;
    }
    e = strip(e);
    if (e instanceof IdentifierTree id) {
      if (id.getName().contentEquals("this")) {
        return Key.field("this");
      }
      return keyOfSymbol(ASTHelpers.getSymbol(id));
    }
    if (e instanceof MethodInvocationTree m && returnsReceiver(m)) {
      ExpressionTree r = JavacCallFacts.receiver(m);
      return r == null ? Key.field("this") : keyOrExpr(r); // db.begin().commit(): the value of a fluent begin is db
    }
    if (e instanceof MethodInvocationTree m) {
      return unwrapped(m);
    }
    if (e instanceof MemberSelectTree s) {
      Symbol sym = ASTHelpers.getSymbol(s);
      if (sym != null && sym.getKind() == ElementKind.FIELD
          && (isThis(s.getExpression()) || ASTHelpers.isStatic(sym))) {
        return keyOfSymbol(sym);
      }
      if (sym != null && sym.getKind() == ElementKind.FIELD) {
        return Key.expr(text(s));
      }
    }
    return null;
  }

  /**
   * The variable a call denotes because it yields the same object (protocol {@link Unwrapping}): the object behind a
   * proxy, read through the proxy's handler; {@code conn.unwrap(Connection.class)}. Null for any other call.
   */
  private Key unwrapped(MethodInvocationTree m) {
    ExpressionTree receiver = JavacCallFacts.receiver(m);
    Key r = receiver == null ? null : keyOf(strip(receiver));
    Proxied behind = r == null ? null : proxyHandlers.get(r);
    boolean unwrap = r != null && m.getArguments().size() == 1 && Unwrapping.UNWRAP.contentEquals(methodName(m));
    Symbol.MethodSymbol sym = behind != null || unwrap ? ASTHelpers.getSymbol(m) : null;
    if (sym == null) {
      return null; // by syntax first: most calls are neither, and the audit's answers cost a resolution
    }
    JavacCallFacts facts = new JavacCallFacts(m, sym, typeCache);
    if (behind != null && Unwrapping.returnsProxied(facts, behind.type())) {
      return behind.key();
    }
    return unwrap && Unwrapping.unwrapsConnection(facts) ? r : null;
  }

  /** The called method's simple name, from the syntax alone. */
  private static CharSequence methodName(MethodInvocationTree m) {
    ExpressionTree select = m.getMethodSelect();
    return select instanceof MemberSelectTree s ? s.getIdentifier()
        : select instanceof IdentifierTree id ? id.getName() : "";
  }

  /** {@code T x = (T) y;} notes where x came from; {@code H h = (H) Proxy.getInvocationHandler(p);} what h wraps. */
  private void noteOrigin(Key dst, ExpressionTree init) {
    if (dst == null || dst.kind() != Key.Kind.LOCAL) {
      return;
    }
    ExpressionTree v = strip(init);
    if (v instanceof MethodInvocationTree m && m.getArguments().size() == 1
        && Unwrapping.GET_INVOCATION_HANDLER.contentEquals(methodName(m)) && ASTHelpers.getSymbol(m) != null
        && Unwrapping.readsProxyHandler(new JavacCallFacts(m, ASTHelpers.getSymbol(m), typeCache))) {
      Proxied proxied = proxied(originOf(m.getArguments().get(0)));
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

  private Origin originOf(ExpressionTree e) {
    ExpressionTree s = strip(e);
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
    ExpressionTree s = o.expr();
    dev.txguard.protocol.TypeFacts t = typeCache.of(ASTHelpers.getType(s));
    return t == null ? null : new Proxied(o.key(), t.qualifiedName());
  }

  /** The key of the variable the expression names; null for anything else (a call, an array element). */
  private Key variableKey(ExpressionTree e) {
    Key k = keyOf(e);
    return k != null && k.isVariable() ? k : null;
  }

  private Key keyOrExpr(ExpressionTree e) {
    Key k = keyOf(e);
    return k != null ? k : Key.expr(text(e));
  }

  Key keyOfSymbol(Symbol sym) {
    if (sym == null) {
      return null;
    }
    ElementKind kind = sym.getKind();
    if (kind == ElementKind.FIELD || kind == ElementKind.ENUM_CONSTANT) {
      return Key.field("f:" + sym.owner.getQualifiedName() + "." + sym.getSimpleName());
    }
    if (kind == ElementKind.LOCAL_VARIABLE || kind == ElementKind.PARAMETER || kind == ElementKind.EXCEPTION_PARAMETER
        || kind == ElementKind.RESOURCE_VARIABLE || kind.name().equals("BINDING_VARIABLE")) {
      int pos = sym instanceof Symbol.VarSymbol v ? v.pos : -1;
      String id = "v:" + sym.getSimpleName() + "@" + pos;
      int index = unitParams == null ? -1 : unitParams.indexOf(sym);
      if (index >= 0) {
        return Key.param(id, index);
      }
      if (pos >= unitStart && pos < unitEnd) {
        return Key.local(id);
      }
      return Key.captured(id);
    }
    return null;
  }

  /** The handle location a query's or status call's receiver denotes. */
  private Key handleKeyOfReceiver(MethodInvocationTree m) {
    ExpressionTree r = JavacCallFacts.receiver(m);
    if (r == null) {
      return Key.field("this");
    }
    ExpressionTree s = strip(r);
    if (isAccessor(s)) {
      return ownerKey((MethodInvocationTree) s);
    }
    return keyOrExpr(s);
  }

  /** For an accessor call {@code em.getTransaction()}: the owner's location. */
  private Key ownerKey(MethodInvocationTree accessor) {
    CallRole role = classify(accessor);
    if (role != null && role.protocol().threadOwner() != null) {
      return Key.field(role.protocol().threadOwner()); // DB.currentTransaction(): the thread's transaction
    }
    ExpressionTree r = JavacCallFacts.receiver(accessor);
    return r == null ? Key.field("this") : keyOrExpr(r);
  }

  /** The names that say a lambda body ends or closes what it captured (settled detail 7's words). */
  private static final dev.txguard.analysis.HandOffNames CAPTURE_NAMES = new dev.txguard.analysis.HandOffNames(Set.of());

  private Key temp() {
    return Key.local("tmp:" + tempCounter++);
  }

  private void clear(Key k, Tree site) {
    if (k != null) {
      b.op(new Op.Clear(k, false), sites.of(site));
    }
  }

  /** A lambda, method reference or anonymous class: a new object that may capture variables. */
  private static boolean isFunctional(ExpressionTree e) {
    return e instanceof LambdaExpressionTree || e instanceof MemberReferenceTree
        || (e instanceof NewClassTree n && n.getClassBody() != null);
  }

  /**
   * Lowers a lambda, method reference or anonymous class used as a value into {@code dst} (a temporary when null):
   * the new object holds the variables it captured (settled detail 9), which are handed off only if it escapes.
   */
  private Key lowerFunctional(ExpressionTree e, Key dst) {
    Key out = dst != null ? dst : temp();
    if (e instanceof NewClassTree n) {
      lowerNew(n, out);
    } else if (e instanceof MemberReferenceTree r) {
      lowerExpr(r.getQualifierExpression());
      Key k = keyOf(strip(r.getQualifierExpression()));
      b.op(new Op.Capture(out, k == null ? List.of() : List.of(k)), sites.of(r));
    } else {
      capture(out, e, sites.of(e));
    }
    return out;
  }

  /**
   * {@code dst} holds a new object whose code is {@code body}: it captures the enclosing unit's variables that body
   * mentions. One that the body itself ends or closes ({@code () -> c.commit()}) is the object's to end: it is handed
   * off at once, as a capture always was before settled detail 9.
   */
  private void capture(Key dst, Tree body, Site site) {
    Set<Key> captured = new java.util.LinkedHashSet<>();
    Set<Key> endedInside = new java.util.LinkedHashSet<>();
    Set<Key> declaredInside = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        Key k = keyOfSymbol(ASTHelpers.getSymbol(node));
        if (k != null) {
          declaredInside.add(k);
        }
        return super.visitVariable(node, unused);
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        Key k = capturedKey(node);
        if (k != null) {
          captured.add(k);
        }
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        ExpressionTree select = node.getMethodSelect();
        String name = select instanceof MemberSelectTree ms ? ms.getIdentifier().toString()
            : select instanceof IdentifierTree id ? id.getName().toString() : null;
        if (name != null && (CAPTURE_NAMES.endsByName(name) || CAPTURE_NAMES.closesByName(name))) {
          ExpressionTree root = JavacCallFacts.receiver(node);
          while (root != null && !(strip(root) instanceof IdentifierTree)) {
            ExpressionTree r = strip(root);
            root = r instanceof MethodInvocationTree mi ? JavacCallFacts.receiver(mi)
                : r instanceof MemberSelectTree ms ? ms.getExpression() : null;
          }
          List<ExpressionTree> named = new ArrayList<>(node.getArguments());
          if (root != null) {
            named.add(root);
          }
          for (ExpressionTree a : named) {
            if (strip(a) instanceof IdentifierTree id) {
              Key k = capturedKey(id);
              if (k != null) {
                endedInside.add(k);
              }
            }
          }
        }
        return super.visitMethodInvocation(node, unused);
      }
    }.scan(body, null);
    captured.removeAll(declaredInside);
    endedInside.removeAll(declaredInside);
    captured.removeAll(endedInside);
    for (Key k : endedInside) {
      b.op(new Op.Escape(k, false, false), site);
    }
    b.op(new Op.Capture(dst, new ArrayList<>(captured)), site);
  }

  private Key capturedKey(IdentifierTree node) {
    Key k = keyOfSymbol(ASTHelpers.getSymbol(node));
    return k != null && (k.kind() == Key.Kind.LOCAL || k.kind() == Key.Kind.PARAM || k.kind() == Key.Kind.CAPTURED)
        ? k : null;
  }

  /** Lambdas, method references and local or anonymous classes capture the handles they mention. */
  private void captureEscapes(Tree nested) {
    Set<Key> captured = new java.util.LinkedHashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        Key k = keyOfSymbol(ASTHelpers.getSymbol(node));
        if (k != null && k.kind() != Key.Kind.FIELD) {
          captured.add(k);
        }
        return null;
      }
    }.scan(nested, null);
    Site site = sites.of(nested);
    for (Key k : captured) {
      if (k.kind() == Key.Kind.LOCAL || k.kind() == Key.Kind.PARAM || k.kind() == Key.Kind.CAPTURED) {
        b.op(new Op.Escape(k, true, false), site);
      }
    }
  }

  // ================================================================ helpers

  private CallRole classify(MethodInvocationTree m) {
    Symbol.MethodSymbol sym = ASTHelpers.getSymbol(m);
    if (sym == null || !registry.mayMatter(sym.getSimpleName().toString())) {
      return null;
    }
    return registry.classify(new JavacCallFacts(m, sym, typeCache));
  }

  /** A factory of the ownership table (not also a begin, whose result is a handle). */
  private boolean isFactory(MethodInvocationTree m, CallRole role) {
    Symbol.MethodSymbol sym = ASTHelpers.getSymbol(m);
    return sym != null && (role == null || !role.isBegin()) && registry.mayBeFactory(sym.getSimpleName().toString())
        && registry.isFactory(new JavacCallFacts(m, sym, typeCache));
  }

  /** A returned value that may be acquired here: {@code new}, a factory, or a call of the module (factory wrappers). */
  private boolean mayReturnAcquired(ExpressionTree e) {
    if (e instanceof NewClassTree) {
      return true;
    }
    if (e instanceof MethodInvocationTree m) {
      Symbol.MethodSymbol sym = ASTHelpers.getSymbol(m);
      // A module method of any file (as the audit's), not only of this one: `return Db.getTransactionConnection();`
      // in a same-file wrapper returns the handle that other file's wrapper began.
      return sym != null && (module.calleeId(sym, classesOfUnit) != null || isFactory(m, classify(m)));
    }
    return false;
  }

  private boolean isBeginCall(ExpressionTree e) {
    return strip(e) instanceof MethodInvocationTree m && roleIs(classify(m), Role.BEGIN_RETURNING);
  }

  private boolean returnsReceiver(MethodInvocationTree m) {
    CallRole r = classify(m);
    return r != null && r.returnsReceiver();
  }

  private boolean isAccessor(ExpressionTree e) {
    return e instanceof MethodInvocationTree m && roleIs(classify(m), Role.ACCESSOR);
  }

  private static boolean roleIs(CallRole r, Role role) {
    return r != null && r.role() == role;
  }

  /** A read of a value that a {@code ThreadLocal}, collection or map keeps: {@code holder.get()}, {@code map.get(k)}. */
  private boolean readsKept(MethodInvocationTree m) {
    ExpressionTree receiver = JavacCallFacts.receiver(m);
    Symbol.MethodSymbol sym = ASTHelpers.getSymbol(m);
    if (receiver == null || sym == null || sym.isStatic() || !KeptReads.isReadName(sym.getSimpleName().toString())) {
      return false;
    }
    JavacTypeFacts t = typeCache.of(ASTHelpers.getType(receiver));
    return t != null && KeptReads.HOLDER_TYPES.stream().anyMatch(t::isSubtypeOf);
  }

  private boolean storesArguments(ExpressionTree receiver, Symbol.MethodSymbol sym) {
    if (receiver == null || sym.isStatic()) {
      return false;
    }
    JavacTypeFacts t = typeCache.of(ASTHelpers.getType(receiver));
    String n = sym.getSimpleName().toString();
    if (t != null && n.equals("set") && t.isSubtypeOf("java.lang.ThreadLocal")) {
      return true;
    }
    if (t == null || !(t.isSubtypeOf("java.util.Collection") || t.isSubtypeOf("java.util.Map"))) {
      return false;
    }
    return n.startsWith("add") || n.startsWith("put") || n.equals("set") || n.startsWith("offer") || n.equals("push")
        || n.startsWith("compute") || n.equals("merge") || n.equals("replace");
  }

  private List<ThrownType> thrownTypes(Symbol.MethodSymbol sym) {
    List<ThrownType> out = new ArrayList<>();
    for (Type t : sym.getThrownTypes()) {
      ThrownType tt = thrownType(t);
      if (tt != null) {
        out.add(tt);
      }
    }
    return out;
  }

  ThrownType thrownType(Type type) {
    return typeCache.thrownType(type);
  }

  static String methodId(Symbol.MethodSymbol sym) {
    return sym.owner.getQualifiedName() + "#" + sym.getSimpleName() + sym.type.getParameterTypes();
  }

  private static boolean isThis(ExpressionTree e) {
    return strip(e) instanceof IdentifierTree id && id.getName().contentEquals("this");
  }

  private static boolean isNull(ExpressionTree e) {
    return e instanceof LiteralTree lit && lit.getKind() == Tree.Kind.NULL_LITERAL;
  }

  /**
   * {@code mode == Mode.TX} on a parameter the unit never assigns: a boolean fact of its own, followed like a boolean
   * parameter, on which a summary may depend (settled detail 17). Null when the comparison is not of that shape.
   */
  private CondLowering enumParameterTest(ExpressionTree l, ExpressionTree r, Site site) {
    for (int i = 0; i < 2; i++) {
      ExpressionTree param = i == 0 ? l : r;
      String constant = enumConstantName(i == 0 ? r : l);
      Key k = param instanceof IdentifierTree id && constant != null && !assignedInUnit(id.getName().toString())
          ? keyOf(param) : null;
      if (k != null && k.kind() == Key.Kind.PARAM && k.paramIndex() >= 0) {
        return b.leaf(() -> {}, new Cond.Var(Key.enumTest(k, constant)), site);
      }
    }
    return null;
  }

  /** The simple name of the enum constant {@code e} denotes ({@code TX}, {@code Mode.TX}), or null. */
  private static String enumConstantName(ExpressionTree e) {
    if (!(e instanceof IdentifierTree || e instanceof MemberSelectTree)) {
      return null;
    }
    Symbol sym = ASTHelpers.getSymbol(e);
    return sym != null && sym.getKind() == ElementKind.ENUM_CONSTANT ? sym.getSimpleName().toString() : null;
  }

  private boolean assignedInUnit(String name) {
    if (assignedNames == null) {
      Set<String> names = new java.util.HashSet<>();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitAssignment(AssignmentTree node, Void unused) {
          if (strip(node.getVariable()) instanceof IdentifierTree id) {
            names.add(id.getName().toString());
          }
          return super.visitAssignment(node, unused);
        }
      }.scan(unitTree, null);
      assignedNames = names;
    }
    return assignedNames.contains(name);
  }

  private static String constantName(ExpressionTree e) {
    if (e instanceof IdentifierTree id) {
      return id.getName().toString();
    }
    if (e instanceof MemberSelectTree s) {
      return s.getIdentifier().toString();
    }
    return null;
  }

  static ExpressionTree strip(ExpressionTree e) {
    while (true) {
      if (e instanceof ParenthesizedTree p) {
        e = p.getExpression();
      } else if (e instanceof TypeCastTree c) {
        e = c.getExpression();
      } else {
        return e;
      }
    }
  }

  private String text(Tree t) {
    return t == null ? null : sites.text(t);
  }
}
