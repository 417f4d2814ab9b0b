package dev.txguard.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import java.util.ArrayList;
import java.util.List;

/**
 * What decides which method a call targets, for calls whose answer does not depend on anything else: the class body the
 * call is written in (by identity: its enclosing classes, imports and inherited members), how the receiver is written
 * (none, {@code this}) or its exact type, the name, and the exact type of each argument. Two calls with equal
 * signatures get the same declaration from overload resolution, so the symbol solver runs once for them: on large
 * files, most calls repeat a few signatures ({@code readIf("(")}, {@code read(COMMA)}), and each resolution walked all
 * of a large class's overloads again.
 *
 * <p>Only arguments whose type is the same standalone as in the call qualify: literals, names, field accesses,
 * operators and casts, of primitive, null or reference types without type variables or wildcards. Lambdas, method
 * references, conditionals, calls (a generic method's result is inferred from the parameter it is passed to) and
 * {@code new} (a diamond, likewise) leave the call without a signature, as does a receiver that is a type or
 * {@code super}; those calls are resolved one by one. A receiver is never typed from its context, so it may be a call.
 */
record CallSignature(Node classBody, String receiver, String name, List<String> arguments) {
  @Override
  public boolean equals(Object o) {
    return o instanceof CallSignature c && c.classBody == classBody && c.receiver.equals(receiver)
        && c.name.equals(name) && c.arguments.equals(arguments);
  }

  @Override
  public int hashCode() {
    return (System.identityHashCode(classBody) * 31 + receiver.hashCode()) * 31 + name.hashCode() * 7
        + arguments.hashCode();
  }

  /** The signature of {@code m}, or null when the call does not qualify (or a type does not resolve). */
  static CallSignature of(MethodCallExpr m, JavaParserFacade facade) {
    Node body = classBody(m);
    if (body == null) {
      return null;
    }
    try {
      String receiver;
      if (m.getScope().isEmpty()) {
        receiver = "";
      } else {
        Expression scope = SourceLowering.strip(m.getScope().get());
        if (scope instanceof ThisExpr t && t.getTypeName().isEmpty()) {
          receiver = "this";
        } else if (scope instanceof MethodCallExpr || standalone(scope)) {
          receiver = exact(facade.getType(scope));
          if (receiver == null) {
            return null;
          }
          receiver = "type " + receiver;
        } else {
          return null;
        }
      }
      List<String> arguments = new ArrayList<>(m.getArguments().size());
      for (Expression a : m.getArguments()) {
        Expression s = SourceLowering.strip(a);
        String t = standalone(s) ? exact(facade.getType(s)) : null;
        if (t == null) {
          return null;
        }
        arguments.add(t);
      }
      return new CallSignature(body, receiver, m.getNameAsString(), arguments);
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  /** The class body a node is written in: a type declaration, an anonymous class or an enum constant's body. */
  private static Node classBody(Node n) {
    Node child = n;
    for (Node p = n.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof TypeDeclaration<?>) {
        return p;
      }
      if (child instanceof BodyDeclaration<?> && (p instanceof ObjectCreationExpr || p instanceof EnumConstantDeclaration)) {
        return p;
      }
    }
    return null;
  }

  /** Expressions whose type does not depend on where they stand (no poly expressions). */
  private static boolean standalone(Expression e) {
    return e instanceof NameExpr || e instanceof FieldAccessExpr || e instanceof StringLiteralExpr || e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr
        || e instanceof CharLiteralExpr || e instanceof DoubleLiteralExpr || e instanceof BooleanLiteralExpr
        || e instanceof NullLiteralExpr || e instanceof ThisExpr t && t.getTypeName().isEmpty()
        || e instanceof BinaryExpr || e instanceof UnaryExpr || e instanceof CastExpr
        || e instanceof com.github.javaparser.ast.expr.ArrayAccessExpr;
  }

  /** The type in full, or null when it has a type variable, a wildcard or anything else inference could change. */
  private static String exact(ResolvedType t) {
    if (t.isPrimitive()) {
      return t.asPrimitive().describe();
    }
    if (t.isNull()) {
      return "null";
    }
    if (t.isArray()) {
      String c = exact(t.asArrayType().getComponentType());
      return c == null ? null : c + "[]";
    }
    if (t.isReferenceType()) {
      var r = t.asReferenceType();
      StringBuilder out = new StringBuilder(r.getQualifiedName());
      var args = r.typeParametersValues();
      if (!args.isEmpty()) {
        out.append('<');
        for (ResolvedType a : args) {
          String s = exact(a);
          if (s == null || a.isPrimitive() || a.isNull()) {
            return null;
          }
          out.append(s).append(',');
        }
        out.append('>');
      }
      return out.toString();
    }
    return null;
  }
}
