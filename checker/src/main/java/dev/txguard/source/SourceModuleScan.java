package dev.txguard.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.txguard.module.ModuleIndex;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The syntax scan behind {@link ModuleIndex} on JavaParser trees: for each method or constructor body, the simple
 * names it calls and whether it stores a parameter. The same rules as the Error Prone front end's
 * {@code JavacModuleScan}, so both build the same index from the same sources.
 */
public final class SourceModuleScan {
  /** Calls that keep their argument: a parameter passed to one is stored. */
  static final Set<String> STORING_CALLS =
      Set.of("add", "addAll", "addFirst", "addLast", "offer", "push", "put", "putIfAbsent", "set");

  private SourceModuleScan() {}

  /** Adds an entry per method or constructor with a body in {@code cu} to {@code out}. */
  public static void scan(CompilationUnit cu, List<ModuleIndex.Method> out, dev.txguard.protocol.ProtocolRegistry registry) {
    boolean apiFile = cu.getImports().stream()
        .anyMatch(i -> !i.isStatic() && ModuleIndex.isApiImport(i.getNameAsString(), registry));
    for (CallableDeclaration<?> c : cu.findAll(CallableDeclaration.class)) {
      Node body;
      String name;
      if (c instanceof MethodDeclaration m) {
        if (m.getBody().isEmpty()) {
          continue;
        }
        body = m.getBody().get();
        name = m.getNameAsString();
      } else {
        body = ((ConstructorDeclaration) c).getBody();
        name = "new " + c.getNameAsString();
      }
      Set<String> params = new HashSet<>();
      for (Parameter p : c.getParameters()) {
        params.add(p.getNameAsString());
      }
      Set<String> locals = new HashSet<>();
      for (VariableDeclarator v : body.findAll(VariableDeclarator.class)) {
        locals.add(v.getNameAsString());
      }
      for (Parameter p : body.findAll(Parameter.class)) { // lambda and catch parameters shadow too
        locals.add(p.getNameAsString());
      }
      params.removeAll(locals);
      Set<String> calls = new HashSet<>();
      Set<String> unqualified = new HashSet<>();
      boolean stores = false;
      for (MethodCallExpr call : body.findAll(MethodCallExpr.class)) {
        String called = ModuleIndex.callName(call.getNameAsString(), call.getArguments().size());
        calls.add(called);
        if (call.getScope().isEmpty()) {
          unqualified.add(called);
        }
        if (STORING_CALLS.contains(call.getNameAsString()) && call.getArguments().stream().anyMatch(a -> isParam(a, params))) {
          stores = true;
        }
      }
      for (ObjectCreationExpr n : body.findAll(ObjectCreationExpr.class)) {
        calls.add("new " + n.getType().getNameAsString());
      }
      for (AssignExpr a : body.findAll(AssignExpr.class)) {
        boolean toLocal = a.getTarget() instanceof NameExpr n && locals.contains(n.getNameAsString());
        if (!toLocal && isParam(a.getValue(), params)) {
          stores = true;
        }
      }
      for (ReturnStmt r : body.findAll(ReturnStmt.class)) {
        if (r.getExpression().isPresent() && isParam(r.getExpression().get(), params)) {
          stores = true;
        }
      }
      out.add(new ModuleIndex.Method(name, calls, unqualified, stores, c.getParameters().isEmpty(), apiFile));
    }
  }

  private static boolean isParam(Expression e, Set<String> params) {
    while (e instanceof EnclosedExpr || e instanceof CastExpr) {
      e = e instanceof EnclosedExpr p ? p.getInner() : ((CastExpr) e).getExpression();
    }
    return e instanceof NameExpr n && params.contains(n.getNameAsString());
  }
}
