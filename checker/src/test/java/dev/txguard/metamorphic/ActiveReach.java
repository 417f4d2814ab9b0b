package dev.txguard.metamorphic;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Which exits of a rewritten unit are surely reached with its transaction still active, by the contract's rules
 * (semantics.md) rather than by the analysis: part B removes the end only before such exits.
 *
 * <p>Every end of the rewrite sits right before a {@code return}, so "active" means "reached without executing a
 * {@code return} first". Two things make a {@code return} or the closing brace reachable by Java's rules and still
 * not reachable while active:
 *
 * <ul>
 *   <li>it is reached only through an exception that the return expression of an earlier {@code end; return f();}
 *       throws (after the end): {@code try { end; return f(); } catch (RuntimeException e) { return 0; }};
 *   <li>a boolean local or parameter whose value the analysis knows on that path (it is path-sensitive) decides the
 *       branch: {@code boolean done = true; if (!done) return;}.
 * </ul>
 *
 * <p>This is an under-approximation: an exit is "sure" only when a path to it that the contract says is feasible is
 * evident from the syntax alone: catch blocks count as reached only from a call or {@code new} in their try block
 * (outside the unit's returns, catch and finally blocks), that throws an unchecked exception the catch takes
 * ({@code RuntimeException}, {@code Exception}, {@code Throwable}, or a narrower unchecked type, which may take it);
 * branches on a boolean variable that was assigned or tested before are not followed with certainty.
 */
final class ActiveReach {
  private final Node unit;
  private final Set<Node> reachedReturns = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Node> breakTargets = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Node> continueTargets = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Deque<boolean[]> tryFrames = new ArrayDeque<>(); // [0]: an unchecked exception is thrown inside
  private final ExceptionClasses exceptions;
  private int handlerDepth;
  private boolean endReached;

  private ActiveReach(Node unit, ExceptionClasses exceptions) {
    this.unit = unit;
    this.exceptions = exceptions;
  }

  /** The analysis of one unit ({@link Rewriter#isUnit}). */
  static ActiveReach of(Node unit, ExceptionClasses exceptions) {
    ActiveReach r = new ActiveReach(unit, exceptions);
    r.endReached = r.walk(Rewriter.bodyOf(unit), true);
    return r;
  }

  boolean returnReached(ReturnStmt r) {
    return reachedReturns.contains(r);
  }

  boolean endReached() {
    return endReached;
  }

  /**
   * Walks a statement that some path reaches; {@code sure}: a path the contract deems feasible reaches it with the
   * transaction active. Returns whether, when reached, it can complete normally on such a path.
   */
  private boolean walk(Statement s, boolean sure) {
    if (s instanceof BlockStmt b) {
      for (Statement t : b.getStatements()) {
        if (!walk(t, sure)) {
          return false;
        }
      }
      return true;
    }
    if (s instanceof ExpressionStmt e) {
      evaluate(e.getExpression(), sure);
      return true;
    }
    if (s instanceof ReturnStmt r) {
      if (sure) {
        reachedReturns.add(r); // its expression runs after the end: not a throwing point while active
      }
      return false;
    }
    if (s instanceof IfStmt i) {
      evaluate(i.getCondition(), sure);
      Boolean constant = constant(i.getCondition());
      boolean known = constant != null || !fresh(i.getCondition());
      if (constant != null) {
        Statement taken = constant ? i.getThenStmt() : i.getElseStmt().orElse(null);
        return taken == null || walk(taken, sure);
      }
      boolean then = walk(i.getThenStmt(), sure && !known);
      boolean otherwise = i.getElseStmt().map(x -> walk(x, sure && !known)).orElse(true);
      return known ? then && otherwise : then || otherwise;
    }
    if (s instanceof WhileStmt w) {
      evaluate(w.getCondition(), sure);
      Boolean constant = constant(w.getCondition());
      if (Boolean.FALSE.equals(constant)) {
        return true;
      }
      boolean known = constant != null || !fresh(w.getCondition());
      walk(w.getBody(), sure && (constant != null || !known));
      return constant == null && !known || breakTargets.contains(w);
    }
    if (s instanceof DoStmt d) {
      boolean body = walk(d.getBody(), sure);
      Boolean constant = constant(d.getCondition());
      if (body || continueTargets.contains(d)) {
        evaluate(d.getCondition(), sure);
      }
      boolean mayLeave = constant == null ? fresh(d.getCondition()) : !constant;
      return (body || continueTargets.contains(d)) && mayLeave || breakTargets.contains(d);
    }
    if (s instanceof ForStmt f) {
      f.getInitialization().forEach(x -> evaluate(x, sure));
      Expression cond = f.getCompare().orElse(null);
      if (cond != null) {
        evaluate(cond, sure);
      }
      Boolean constant = cond == null ? Boolean.TRUE : constant(cond);
      if (Boolean.FALSE.equals(constant)) {
        return true;
      }
      boolean known = constant != null || !fresh(cond);
      walk(f.getBody(), sure && (constant != null || !known));
      f.getUpdate().forEach(x -> evaluate(x, false));
      return constant == null && !known || breakTargets.contains(f);
    }
    if (s instanceof ForEachStmt f) {
      evaluate(f.getIterable(), sure);
      walk(f.getBody(), sure);
      return true;
    }
    if (s instanceof LabeledStmt l) {
      boolean body = walk(l.getStatement(), sure);
      return body || breakTargets.contains(l);
    }
    if (s instanceof SwitchStmt sw) {
      evaluate(sw.getSelector(), sure);
      return walkSwitch(sw, sure);
    }
    if (s instanceof BreakStmt b) {
      if (sure) {
        Node target = b.getLabel().isPresent() ? labeled(b, b.getLabel().get().asString()) : innermost(b, true);
        if (target != null) {
          breakTargets.add(target);
        }
      }
      return false;
    }
    if (s instanceof ContinueStmt c) {
      if (sure) {
        Node target = c.getLabel().isPresent() ? loopOf(labeled(c, c.getLabel().get().asString())) : innermost(c, false);
        if (target != null) {
          continueTargets.add(target);
        }
      }
      return false;
    }
    if (s instanceof ThrowStmt || s instanceof YieldStmt) {
      return false;
    }
    if (s instanceof TryStmt t) {
      return walkTry(t, sure);
    }
    if (s instanceof SynchronizedStmt sy) {
      evaluate(sy.getExpression(), sure);
      return walk(sy.getBody(), sure);
    }
    // local classes and records, assert (not lowered), empty; this()/super() runs before the begin
    return true;
  }

  private boolean walkSwitch(SwitchStmt sw, boolean sure) {
    List<SwitchEntry> entries = sw.getEntries();
    boolean hasDefault = entries.stream().anyMatch(e -> e.isDefault() || e.getLabels().isEmpty()
        || e.getLabels().stream().anyMatch(l -> l instanceof NullLiteralExpr || l.getClass().getSimpleName().endsWith("PatternExpr")));
    boolean completes = !hasDefault || entries.isEmpty();
    boolean fallsThrough = false;
    for (int i = 0; i < entries.size(); i++) {
      SwitchEntry e = entries.get(i);
      boolean c;
      if (e.getType() == SwitchEntry.Type.EXPRESSION) {
        e.getStatements().forEach(x -> walk(x, sure));
        c = true;
      } else {
        c = true;
        for (Statement x : e.getStatements()) {
          if (!walk(x, sure)) {
            c = false;
            break;
          }
        }
      }
      boolean last = i == entries.size() - 1;
      if (e.getType() == SwitchEntry.Type.STATEMENT_GROUP) {
        fallsThrough = c;
        if (last && c) {
          completes = true;
        }
      } else if (c && e.getType() != SwitchEntry.Type.THROWS_STATEMENT) {
        completes = true;
      }
    }
    return completes || fallsThrough || breakTargets.contains(sw);
  }

  private boolean walkTry(TryStmt t, boolean sure) {
    boolean[] frame = {false};
    tryFrames.push(frame);
    t.getResources().forEach(r -> evaluate(r, sure));
    boolean tryCompletes = walk(t.getTryBlock(), sure);
    tryFrames.pop();
    boolean thrown = frame[0];
    boolean anyCatchCompletes = false;
    boolean stopped = false;
    handlerDepth++;
    for (CatchClause c : t.getCatchClauses()) {
      ExceptionClasses.Catching catching = stopped ? ExceptionClasses.Catching.NEVER : catching(c);
      if (thrown && catching != ExceptionClasses.Catching.NEVER) {
        anyCatchCompletes |= walk(c.getBody(), sure);
        stopped |= catching == ExceptionClasses.Catching.ALWAYS;
      }
    }
    boolean finallyCompletes = true;
    if (t.getFinallyBlock().isPresent()) {
      finallyCompletes = walk(t.getFinallyBlock().get(), sure && (tryCompletes || anyCatchCompletes || thrown));
    }
    handlerDepth--;
    if (thrown && !stopped && finallyCompletes && !tryFrames.isEmpty()) {
      tryFrames.peek()[0] = true; // on to the enclosing try's catches
    }
    return (tryCompletes || anyCatchCompletes) && finallyCompletes;
  }

  private ExceptionClasses.Catching catching(CatchClause c) {
    Type type = c.getParameter().getType();
    List<Type> alternatives = type instanceof UnionType u ? u.getElements().stream().map(x -> (Type) x).toList() : List.of(type);
    ExceptionClasses.Catching best = ExceptionClasses.Catching.NEVER;
    for (Type alt : alternatives) {
      ExceptionClasses.Catching k = exceptions.catchingUnknownUnchecked(alt.asString(), c);
      if (k.ordinal() < best.ordinal()) {
        best = k;
      }
    }
    return best;
  }

  /** A call or {@code new} evaluated while active, outside catch and finally blocks, throws some unchecked exception. */
  private void evaluate(Expression e, boolean sure) {
    if (e == null || !sure || handlerDepth > 0 || tryFrames.isEmpty()) {
      return;
    }
    if (callsSomething(e)) {
      tryFrames.peek()[0] = true;
    }
  }

  private static boolean callsSomething(Node n) {
    if (n instanceof MethodCallExpr || n instanceof ObjectCreationExpr) {
      return true;
    }
    for (Node c : n.getChildNodes()) {
      if (c instanceof LambdaExpr || c instanceof BlockStmt && n instanceof ObjectCreationExpr
          || c instanceof TypeDeclaration || c instanceof LocalClassDeclarationStmt || c instanceof LocalRecordDeclarationStmt) {
        continue;
      }
      if (callsSomething(c)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- conditions

  /** The value of a condition the analysis folds (boolean literals through !, && and ||), or null. */
  private static Boolean constant(Expression e) {
    if (e instanceof BooleanLiteralExpr b) {
      return b.getValue();
    }
    if (e.isEnclosedExpr()) {
      return constant(e.asEnclosedExpr().getInner());
    }
    if (e.isUnaryExpr() && e.asUnaryExpr().getOperator() == com.github.javaparser.ast.expr.UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      Boolean v = constant(e.asUnaryExpr().getExpression());
      return v == null ? null : !v;
    }
    if (e instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR)) {
      Boolean l = constant(b.getLeft());
      Boolean r = constant(b.getRight());
      boolean and = b.getOperator() == BinaryExpr.Operator.AND;
      if (l != null && l != and) {
        return l; // false && x, true || x
      }
      if (l != null && r != null) {
        return r;
      }
      return null;
    }
    return null;
  }

  /**
   * Whether the analysis surely sees both outcomes of a condition: no boolean literal in it, and no boolean local or
   * parameter in it that was assigned or mentioned before in the unit (whose value the analysis may know on a path),
   * and no null test of a local that was assigned {@code null} before.
   */
  private boolean fresh(Expression cond) {
    if (!cond.findAll(BooleanLiteralExpr.class).isEmpty()) {
      return false;
    }
    int at = cond.getRange().map(r -> r.begin).map(p -> p.line * 10_000 + p.column).orElse(0);
    for (NameExpr n : cond.findAll(NameExpr.class)) {
      Node decl = declarationInUnit(n.getNameAsString(), n);
      if (decl == null) {
        continue;
      }
      Type type = decl instanceof Parameter p ? p.getType() : ((VariableDeclarator) decl).getType();
      boolean bool = type.asString().equals("boolean") || type.asString().equals("Boolean");
      boolean nullTest = n.getParentNode().orElse(null) instanceof BinaryExpr b
          && (b.getLeft() instanceof NullLiteralExpr || b.getRight() instanceof NullLiteralExpr);
      if (!bool && !nullTest) {
        continue;
      }
      if (decl instanceof VariableDeclarator v && v.getInitializer().isPresent()
          && (bool || v.getInitializer().get() instanceof NullLiteralExpr)) {
        return false;
      }
      for (NameExpr other : Rewriter.bodyOf(unit).findAll(NameExpr.class)) {
        if (other == n || !other.getNameAsString().equals(n.getNameAsString())) {
          continue;
        }
        int pos = other.getRange().map(r -> r.begin).map(p -> p.line * 10_000 + p.column).orElse(0);
        boolean assigned = other.getParentNode().orElse(null) instanceof AssignExpr a && a.getTarget() == other;
        if (pos < at && (bool || assigned)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A parameter or local of this unit named {@code name}; locals of any scope and of nested lambdas count too (taking
   * a name for a boolean local only makes fewer exits sure).
   */
  private Node declarationInUnit(String name, Node at) {
    List<Parameter> params = unit instanceof CallableDeclaration<?> c ? c.getParameters()
        : unit instanceof LambdaExpr l ? l.getParameters() : List.of();
    for (Parameter p : params) {
      if (p.getNameAsString().equals(name)) {
        return p;
      }
    }
    for (VariableDeclarator v : Rewriter.bodyOf(unit).findAll(VariableDeclarator.class)) {
      if (v.getNameAsString().equals(name) && !(v.getParentNode().orElse(null) instanceof com.github.javaparser.ast.body.FieldDeclaration)) {
        return v;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- jump targets

  private static Node labeled(Node jump, String label) {
    for (Node p = jump.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof LabeledStmt l && l.getLabel().asString().equals(label)) {
        return l;
      }
    }
    return null;
  }

  private static Node loopOf(Node labeled) {
    Node n = labeled;
    while (n instanceof LabeledStmt l) {
      n = l.getStatement();
    }
    return n;
  }

  private static Node innermost(Node jump, boolean orSwitch) {
    for (Node p = jump.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof WhileStmt || p instanceof DoStmt || p instanceof ForStmt || p instanceof ForEachStmt
          || orSwitch && p instanceof SwitchStmt) {
        return p;
      }
    }
    return null;
  }
}
