package dev.txguard.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import java.util.List;

/**
 * The value of a boolean constant expression as javac computes it, for what this file declares: a literal,
 * {@code Boolean.TRUE}/{@code FALSE}, {@code !} of a constant, and a constant variable of this file (a {@code final}
 * primitive {@code boolean} local or field initialised with a constant). So {@code conn.setAutoCommit(MANUAL)} begins
 * in the audit as in Error Prone. A constant of another file is not known here (Error Prone knows it).
 */
final class BooleanConstants {
  private static final int DEPTH = 4;

  private BooleanConstants() {}

  /** The constant value of {@code e}, or null when it is none this file tells. */
  static Boolean valueOf(Expression e) {
    return valueOf(e, DEPTH);
  }

  private static Boolean valueOf(Expression e, int depth) {
    e = SourceLowering.strip(e);
    if (depth < 0) {
      return null;
    }
    if (e instanceof BooleanLiteralExpr b) {
      return b.getValue();
    }
    if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      Boolean inner = valueOf(u.getExpression(), depth - 1);
      return inner == null ? null : !inner;
    }
    if (e instanceof FieldAccessExpr f) {
      String scope = f.getScope().toString();
      if (scope.endsWith("Boolean") && (f.getNameAsString().equals("TRUE") || f.getNameAsString().equals("FALSE"))) {
        return f.getNameAsString().equals("TRUE");
      }
      if (f.getScope() instanceof ThisExpr) {
        return fieldValue(f, f.getNameAsString(), depth);
      }
      for (Node p = f.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
        if (p instanceof TypeDeclaration<?> t && t.getNameAsString().equals(scope)) {
          return constantField(t, f.getNameAsString(), depth);
        }
      }
      return null;
    }
    if (e instanceof NameExpr n) {
      String name = n.getNameAsString();
      // The nearest declaration: a local or parameter of an enclosing body, else a field of an enclosing type.
      for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
        if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr) {
          if (p.findAll(Parameter.class, q -> q.getNameAsString().equals(name)).size() > 0) {
            return null; // a parameter, or a catch or lambda parameter: no constant
          }
          List<VariableDeclarator> locals = p.findAll(VariableDeclarator.class,
              v -> v.getNameAsString().equals(name) && !(v.getParentNode().orElse(null) instanceof FieldDeclaration));
          if (!locals.isEmpty()) {
            return locals.size() == 1 ? constantVariable(locals.get(0), depth) : null;
          }
        }
        if (p instanceof TypeDeclaration<?>) {
          return fieldValue(n, name, depth);
        }
      }
    }
    return null;
  }

  /** A field {@code name} of the nearest enclosing type that declares one. */
  private static Boolean fieldValue(Node from, String name, int depth) {
    for (Node p = from.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof TypeDeclaration<?> t && t.getFieldByName(name).isPresent()) {
        return constantField(t, name, depth);
      }
    }
    return null;
  }

  private static Boolean constantField(TypeDeclaration<?> t, String name, int depth) {
    return t.getFieldByName(name).flatMap(f -> f.getVariables().stream()
        .filter(v -> v.getNameAsString().equals(name)).findFirst()
        .map(v -> f.isFinal() || (t instanceof ClassOrInterfaceDeclaration c && c.isInterface())
            ? constantVariable(v, depth) : null)).orElse(null);
  }

  /** A final primitive boolean variable initialised with a constant (the caller checked that it is final). */
  private static Boolean constantVariable(VariableDeclarator v, int depth) {
    Node decl = v.getParentNode().orElse(null);
    boolean declaredFinal = decl instanceof FieldDeclaration
        || (decl instanceof VariableDeclarationExpr d && d.isFinal());
    if (!declaredFinal || !v.getType().isPrimitiveType() || !v.getType().asString().equals("boolean")) {
      return null;
    }
    return v.getInitializer().map(i -> valueOf(i, depth - 1)).orElse(null);
  }
}
