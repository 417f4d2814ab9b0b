package dev.txguard.javac;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import dev.txguard.graph.Site;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a suggested fix needs to know about each begin beyond the graph: the type whose rollback the fix would call
 * (for its checked exceptions) and the locals the rollback statement mentions (for scope).
 */
final class FixFacts {
  /** The facts of one begin. */
  record BeginFacts(Type rollbackOwner, Type beginReceiver, Set<Integer> localPositions) {}

  private final Map<Integer, BeginFacts> byBegin = new HashMap<>();

  void recordBegin(Site site, MethodInvocationTree call, ExpressionTree handleExpr, int resultLocalPos) {
    Set<Integer> locals = new HashSet<>();
    if (resultLocalPos >= 0) {
      locals.add(resultLocalPos);
    }
    ExpressionTree receiver = JavacCallFacts.receiver(call);
    if (receiver != null) {
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
          Symbol s = ASTHelpers.getSymbol(node);
          if (s instanceof Symbol.VarSymbol v && !(v.owner instanceof Symbol.ClassSymbol)) {
            locals.add(v.pos);
          }
          return null;
        }
      }.scan(receiver, null);
    }
    Type owner = handleExpr != null ? ASTHelpers.getType(handleExpr) : ASTHelpers.getType(call);
    if (receiver == null && handleExpr == null && ASTHelpers.getSymbol(call) != null) {
      // An unqualified zero-config begin (`begin();` on this): the rollback is a method of the class declaring it,
      // not of what begin() returns (void, for one that returns nothing).
      Symbol.MethodSymbol m = ASTHelpers.getSymbol(call);
      Type returned = ASTHelpers.getType(call);
      owner = returned != null && returned.hasTag(com.sun.tools.javac.code.TypeTag.CLASS) ? returned
          : m.owner.type;
    }
    byBegin.put(site.start(), new BeginFacts(owner, receiver == null ? null : ASTHelpers.getType(receiver), locals));
  }

  BeginFacts forBegin(Site begin) {
    return byBegin.get(begin.start());
  }
}
