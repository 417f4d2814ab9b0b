package dev.txguard.metamorphic;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
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
import java.util.ArrayList;
import java.util.List;

/**
 * "Can complete normally" of JLS 17 §14.22, over JavaParser statements. The rewriter appends an end at a body's end
 * exactly when the body can complete normally: javac rejects an unreachable statement, and an end missing where the
 * analysis sees a path to the closing brace would be a false report of the test's own making.
 *
 * <p>Every statement of compiling code is reachable, so "a reachable break" is any break with that target. Constant
 * expressions are recognised in the forms the JDK uses: literals, {@code !}, {@code &&}/{@code ||}, parentheses and
 * names of final boolean fields or locals initialised with such an expression.
 */
final class Reachability {
  private Reachability() {}

  static boolean canCompleteNormally(Statement s) {
    if (s instanceof BlockStmt b) {
      for (Statement t : b.getStatements()) {
        if (!canCompleteNormally(t)) {
          return false;
        }
      }
      return true;
    }
    if (s instanceof ReturnStmt || s instanceof ThrowStmt || s instanceof BreakStmt || s instanceof ContinueStmt
        || s instanceof YieldStmt) {
      return false;
    }
    if (s instanceof LabeledStmt l) {
      return canCompleteNormally(l.getStatement()) || hasBreak(l.getStatement(), l, l.getLabel().asString());
    }
    if (s instanceof IfStmt i) {
      return i.getElseStmt().isEmpty() || canCompleteNormally(i.getThenStmt())
          || canCompleteNormally(i.getElseStmt().get());
    }
    if (s instanceof WhileStmt w) {
      return !isConstantTrue(w.getCondition()) || hasBreak(w.getBody(), w, null);
    }
    if (s instanceof DoStmt d) {
      boolean bodyOrContinue = canCompleteNormally(d.getBody()) || hasContinue(d.getBody(), d, labelOf(d));
      return bodyOrContinue && !isConstantTrue(d.getCondition()) || hasBreak(d.getBody(), d, null);
    }
    if (s instanceof ForStmt f) {
      return f.getCompare().isPresent() && !isConstantTrue(f.getCompare().get()) || hasBreak(f.getBody(), f, null);
    }
    if (s instanceof ForEachStmt) {
      return true;
    }
    if (s instanceof SynchronizedStmt sy) {
      return canCompleteNormally(sy.getBody());
    }
    if (s instanceof TryStmt t) {
      boolean some = canCompleteNormally(t.getTryBlock())
          || t.getCatchClauses().stream().anyMatch(c -> canCompleteNormally(c.getBody()));
      return some && t.getFinallyBlock().map(Reachability::canCompleteNormally).orElse(true);
    }
    if (s instanceof SwitchStmt sw) {
      return switchCanCompleteNormally(sw);
    }
    // expression statements, local variables and classes, assert, empty, this()/super(): complete normally
    return true;
  }

  private static boolean switchCanCompleteNormally(SwitchStmt sw) {
    List<SwitchEntry> entries = sw.getEntries();
    if (entries.isEmpty() || entries.stream().allMatch(e -> e.getStatements().isEmpty())) {
      return true;
    }
    boolean hasDefault = entries.stream().anyMatch(e -> e.isDefault() || e.getLabels().isEmpty());
    boolean enhanced = entries.stream().flatMap(e -> e.getLabels().stream())
        .anyMatch(l -> l instanceof NullLiteralExpr || l.getClass().getSimpleName().endsWith("PatternExpr"));
    if (!hasDefault && !enhanced) {
      return true;
    }
    if (hasBreak(sw, sw, null)) {
      return true;
    }
    SwitchEntry last = entries.get(entries.size() - 1);
    if (last.getType() == SwitchEntry.Type.STATEMENT_GROUP) {
      if (last.getStatements().isEmpty()) {
        return true; // a label after the last group
      }
      return canCompleteNormally(last.getStatements().get(last.getStatements().size() - 1));
    }
    for (SwitchEntry e : entries) {
      switch (e.getType()) {
        case EXPRESSION -> {
          return true;
        }
        case BLOCK -> {
          if (canCompleteNormally(e.getStatements().get(0))) {
            return true;
          }
        }
        default -> {}
      }
    }
    return false;
  }

  private static String labelOf(Statement loop) {
    return loop.getParentNode().orElse(null) instanceof LabeledStmt l ? l.getLabel().asString() : null;
  }

  /**
   * Whether {@code within} contains a break that exits {@code target}: unlabeled with {@code target} the innermost
   * breakable statement around it, or {@code break label}; in both cases not thrown away by a finally on the way that
   * cannot complete normally.
   */
  private static boolean hasBreak(Node within, Statement target, String label) {
    for (BreakStmt b : statementsOf(within, BreakStmt.class)) {
      boolean targets = label != null
          ? b.getLabel().map(n -> n.asString().equals(label)).orElse(false)
          : b.getLabel().isEmpty() && innermostBreakable(b) == target;
      if (targets && finallysOnTheWayComplete(b, target)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasContinue(Node within, Statement loop, String label) {
    for (ContinueStmt c : statementsOf(within, ContinueStmt.class)) {
      boolean targets = c.getLabel().isPresent()
          ? label != null && c.getLabel().get().asString().equals(label)
          : innermostLoop(c) == loop;
      if (targets && finallysOnTheWayComplete(c, loop)) {
        return true;
      }
    }
    return false;
  }

  /** Statements of a kind inside {@code within}, not inside nested lambdas, classes or switch expressions. */
  private static <T extends Statement> List<T> statementsOf(Node within, Class<T> kind) {
    List<T> out = new ArrayList<>();
    collect(within, kind, out);
    return out;
  }

  private static <T extends Statement> void collect(Node n, Class<T> kind, List<T> out) {
    if (kind.isInstance(n)) {
      out.add(kind.cast(n));
    }
    for (Node c : n.getChildNodes()) {
      if (c instanceof LambdaExpr || c instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()
          || c instanceof LocalClassDeclarationStmt || c instanceof LocalRecordDeclarationStmt
          || c instanceof TypeDeclaration || c instanceof SwitchExpr) {
        if (c instanceof ObjectCreationExpr o) {
          o.getScope().ifPresent(x -> collect(x, kind, out));
          o.getArguments().forEach(x -> collect(x, kind, out));
        }
        continue;
      }
      collect(c, kind, out);
    }
  }

  private static Statement innermostBreakable(Node n) {
    for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof WhileStmt || p instanceof DoStmt || p instanceof ForStmt || p instanceof ForEachStmt
          || p instanceof SwitchStmt) {
        return (Statement) p;
      }
    }
    return null;
  }

  private static Statement innermostLoop(Node n) {
    for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof WhileStmt || p instanceof DoStmt || p instanceof ForStmt || p instanceof ForEachStmt) {
        return (Statement) p;
      }
    }
    return null;
  }

  /** No try between the jump and its target whose try block holds the jump has a finally that cannot complete. */
  private static boolean finallysOnTheWayComplete(Node jump, Node target) {
    Node child = jump;
    for (Node p = jump.getParentNode().orElse(null); p != null && p != target; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof TryStmt t && t.getFinallyBlock().isPresent() && child != t.getFinallyBlock().get()
          && !canCompleteNormally(t.getFinallyBlock().get())) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- constants

  static boolean isConstantTrue(Expression e) {
    return Boolean.TRUE.equals(constant(e, 0));
  }

  private static Boolean constant(Expression e, int depth) {
    if (depth > 8) {
      return null;
    }
    if (e instanceof BooleanLiteralExpr b) {
      return b.getValue();
    }
    if (e instanceof EnclosedExpr p) {
      return constant(p.getInner(), depth + 1);
    }
    if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      Boolean v = constant(u.getExpression(), depth + 1);
      return v == null ? null : !v;
    }
    if (e instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR)) {
      Boolean l = constant(b.getLeft(), depth + 1);
      Boolean r = constant(b.getRight(), depth + 1);
      if (l == null || r == null) {
        return null;
      }
      return b.getOperator() == BinaryExpr.Operator.AND ? l && r : l || r;
    }
    if (e instanceof NameExpr n) {
      VariableDeclarator d = finalBooleanNamed(n);
      return d == null ? null : constant(d.getInitializer().get(), depth + 1);
    }
    return null;
  }

  /** A final boolean field of an enclosing type, or a final local, of that name with an initializer. */
  private static VariableDeclarator finalBooleanNamed(NameExpr n) {
    String name = n.getNameAsString();
    for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof BlockStmt block) {
        for (Statement s : block.getStatements()) {
          if (s.isExpressionStmt() && s.asExpressionStmt().getExpression().isVariableDeclarationExpr()) {
            var v = s.asExpressionStmt().getExpression().asVariableDeclarationExpr();
            for (VariableDeclarator d : v.getVariables()) {
              if (d.getNameAsString().equals(name)) {
                return v.isFinal() && isBoolean(d) ? d : null;
              }
            }
          }
        }
      }
      if (p instanceof TypeDeclaration<?> t) {
        for (FieldDeclaration f : t.getFields()) {
          for (VariableDeclarator d : f.getVariables()) {
            if (d.getNameAsString().equals(name)) {
              return f.isFinal() && isBoolean(d) ? d : null;
            }
          }
        }
      }
    }
    return null;
  }

  private static boolean isBoolean(VariableDeclarator d) {
    return d.getType().asString().equals("boolean") && d.getInitializer().isPresent();
  }
}
