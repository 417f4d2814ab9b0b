package dev.txguard.javac;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.txguard.analysis.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The suggested fix for an early return: insert the protocol's rollback before it, on a line of its own with the
 * return's indentation. Offered only when that is safe: the analysis found the transaction active on every path to
 * this return (the finding carries no rollback statement otherwise), the handle is in scope at the return, the
 * rollback method's declaration resolves and its checked exceptions are caught around the return or declared, the
 * object is not closed before the return, and the return value does not call anything (which would then run outside
 * the transaction).
 */
final class RollbackFix {
  private RollbackFix() {}

  static Optional<SuggestedFix> build(Finding f, Tree at, CompilationUnitAnalysis analysis, VisitorState state) {
    if (!(at instanceof ReturnTree ret) || callsSomething(ret.getExpression())) {
      return Optional.empty();
    }
    TreePath path = TreePath.getPath(analysis.cu, ret);
    if (path == null) {
      return Optional.empty();
    }
    FixFacts.BeginFacts facts = analysis.fixFacts.forBegin(f.begin());
    if (facts == null || !inScope(facts.localPositions(), path) || !exceptionsHandled(facts, f, path, state)
        || closedBefore(f.rollbackStatement(), ret, path, state)) {
      return Optional.empty();
    }
    Tree parent = path.getParentPath().getLeaf();
    String statement = f.rollbackStatement();
    if (parent instanceof BlockTree || parent instanceof CaseTree) {
      // The new line takes the return's indentation (tabs or spaces, as written); a return that does not start its
      // line (`case 1: return x;`) gets the rollback in front of it on the same line.
      String indent = indentation(state.getSourceCode(), ((com.sun.tools.javac.tree.JCTree) ret).getStartPosition());
      return Optional.of(SuggestedFix.prefixWith(ret, statement + (indent == null ? " " : "\n" + indent)));
    }
    // `if (x) return false;`: the return needs braces to gain a statement.
    return Optional.of(SuggestedFix.replace(ret, "{ " + statement + " " + state.getSourceForNode(ret) + " }"));
  }

  /** The whitespace from the start of the line to {@code pos}, or null when something else precedes it there. */
  static String indentation(CharSequence source, int pos) {
    if (source == null || pos < 0) {
      return null;
    }
    int start = pos;
    while (start > 0 && source.charAt(start - 1) != '\n' && source.charAt(start - 1) != '\r') {
      start--;
    }
    for (int i = start; i < pos; i++) {
      char c = source.charAt(i);
      if (c != ' ' && c != '\t') {
        return null;
      }
    }
    return source.subSequence(start, pos).toString();
  }

  /**
   * Whether the object the rollback is called on, or what it is reached through ({@code em} for
   * {@code em.getTransaction().rollback()}), is passed to or is the receiver of a close or release call that comes
   * before the return in the unit: a rollback after it would fail (a closed {@code EntityManager} throws).
   */
  private static boolean closedBefore(String fix, ReturnTree ret, TreePath path, VisitorState state) {
    String statement = rollbackCall(fix);
    int call = statement.lastIndexOf('.');
    if (call < 0) {
      return true;
    }
    String target = statement.substring(0, call);
    Tree unit = null;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree || p.getLeaf() instanceof LambdaExpressionTree) {
        unit = p.getLeaf();
        break;
      }
    }
    if (unit == null) {
      return true;
    }
    int retStart = ((com.sun.tools.javac.tree.JCTree) ret).getStartPosition();
    boolean[] closed = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        Symbol sym = ASTHelpers.getSymbol(node);
        if (sym != null && ((com.sun.tools.javac.tree.JCTree) node).getStartPosition() < retStart
            && closesByName(sym.getSimpleName().toString())) {
          List<ExpressionTree> objects = new ArrayList<>(node.getArguments());
          ExpressionTree receiver = JavacCallFacts.receiver(node);
          if (receiver != null) {
            objects.add(receiver);
          }
          for (ExpressionTree o : objects) {
            String text = state.getSourceForNode(o);
            if (text != null && (target.equals(text) || target.startsWith(text + "."))) {
              closed[0] = true;
            }
          }
        }
        return super.visitMethodInvocation(node, null);
      }
    }.scan(unit, null);
    return closed[0];
  }

  /** The rollback call of a fix, without its guard: {@code if (tx.isActive()) tx.rollback();} -> {@code tx.rollback();}. */
  static String rollbackCall(String fix) {
    return fix.startsWith("if (") ? fix.substring(fix.lastIndexOf(") ") + 2) : fix;
  }

  private static boolean closesByName(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("close") || lower.contains("release");
  }

  private static boolean callsSomething(ExpressionTree e) {
    if (e == null) {
      return false;
    }
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        found[0] = true;
        return null;
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        found[0] = true;
        return null;
      }
    }.scan(e, null);
    return found[0];
  }

  /** Whether every local the rollback mentions is declared in a scope that encloses the return. */
  private static boolean inScope(Set<Integer> localPositions, TreePath path) {
    if (localPositions.isEmpty()) {
      return true;
    }
    Set<Integer> visible = new HashSet<>();
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree t = p.getLeaf();
      List<VariableTree> declared = new ArrayList<>();
      if (t instanceof BlockTree b) {
        for (StatementTree s : b.getStatements()) {
          if (s == child) {
            break;
          }
          if (s instanceof VariableTree v) {
            declared.add(v);
          }
        }
      } else if (t instanceof CaseTree c && c.getStatements() != null) {
        for (StatementTree s : c.getStatements()) {
          if (s == child) {
            break;
          }
          if (s instanceof VariableTree v) {
            declared.add(v);
          }
        }
      } else if (t instanceof MethodTree m) {
        declared.addAll(m.getParameters());
      } else if (t instanceof LambdaExpressionTree l) {
        declared.addAll(l.getParameters());
      } else if (t instanceof ForLoopTree f && !f.getInitializer().contains(child)) {
        f.getInitializer().stream().filter(VariableTree.class::isInstance).map(VariableTree.class::cast).forEach(declared::add);
      } else if (t instanceof EnhancedForLoopTree f && f.getStatement() == child) {
        declared.add(f.getVariable());
      } else if (t instanceof TryTree tr && tr.getBlock() == child) {
        tr.getResources().stream().filter(VariableTree.class::isInstance).map(VariableTree.class::cast).forEach(declared::add);
      } else if (t instanceof CatchTree c) {
        declared.add(c.getParameter());
      } else if (t instanceof ClassTree) {
        break;
      }
      for (VariableTree v : declared) {
        Symbol s = ASTHelpers.getSymbol(v);
        if (s instanceof Symbol.VarSymbol vs) {
          visible.add(vs.pos);
        }
      }
      child = t;
    }
    return visible.containsAll(localPositions);
  }

  /** {@code tx.rollback()} -> rollback. */
  private static final Pattern CALLED_METHOD = Pattern.compile("^.*\\.([A-Za-z0-9_$]+)\\(.*$");

  /** Whether each checked exception the rollback method declares is caught around the return or declared. */
  private static boolean exceptionsHandled(FixFacts.BeginFacts facts, Finding f, TreePath path, VisitorState state) {
    String call = rollbackCall(f.rollbackStatement());
    String method = CALLED_METHOD.matcher(call).replaceAll("$1");
    // The end method is declared on the handle ({@code tx.rollback()}) or, for a template that calls it on the begin's
    // receiver with the handle as argument (Spring's {@code txManager.rollback(status)}), on that receiver.
    Type owner = call.contains("(" + ")") ? facts.rollbackOwner() : facts.beginReceiver();
    if (owner == null || owner.tsym == null || owner.isErroneous()) {
      return false; // the end method's declaration does not resolve: no fix
    }
    Types types = state.getTypes();
    List<Type> checked = new ArrayList<>();
    boolean declared = false;
    for (Type t : types.closure(types.erasure(owner))) {
      if (!(t.tsym instanceof Symbol.ClassSymbol)) {
        continue; // a type without members (a primitive, void, a type variable's own symbol)
      }
      for (Symbol m : t.tsym.members().getSymbolsByName(state.getName(method))) {
        if (m instanceof Symbol.MethodSymbol ms) {
          declared = true;
          for (Type thrown : ms.getThrownTypes()) {
            if (!types.isSubtype(thrown, state.getSymtab().runtimeExceptionType)
                && !types.isSubtype(thrown, state.getSymtab().errorType)) {
              checked.add(thrown);
            }
          }
        }
      }
    }
    if (!declared) {
      return false;
    }
    for (Type thrown : checked) {
      if (!handled(thrown, path, types)) {
        return false;
      }
    }
    return true;
  }

  private static boolean handled(Type thrown, TreePath path, Types types) {
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree t = p.getLeaf();
      if (t instanceof TryTree tr && tr.getBlock() == child) {
        for (CatchTree c : tr.getCatches()) {
          Type caught = ASTHelpers.getType(c.getParameter());
          if (caught != null && types.isSubtype(types.erasure(thrown), types.erasure(caught))) {
            return true;
          }
        }
      } else if (t instanceof MethodTree m) {
        Symbol.MethodSymbol ms = ASTHelpers.getSymbol(m);
        if (ms != null) {
          for (Type declared : ms.getThrownTypes()) {
            if (types.isSubtype(types.erasure(thrown), types.erasure(declared))) {
              return true;
            }
          }
        }
        return false;
      } else if (t instanceof LambdaExpressionTree || t instanceof ClassTree) {
        return false;
      }
      child = t;
    }
    return false;
  }
}
