package dev.txguard.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
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
    Set<String> finalFields = new HashSet<>();
    Set<String> nonFinalFields = new HashSet<>();
    for (FieldDeclaration f : cu.findAll(FieldDeclaration.class, SourceModuleScan::isMemberField)) {
      for (VariableDeclarator v : f.getVariables()) {
        boolean iface = f.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration t && t.isInterface()
            || f.getParentNode().orElse(null) instanceof AnnotationDeclaration; // implicitly final fields
        (iface || f.isFinal() ? finalFields : nonFinalFields).add(v.getNameAsString());
      }
    }
    nonFinalFields.removeAll(finalFields);
    for (Node c : cu.findAll(Node.class, n -> n instanceof CallableDeclaration || n instanceof CompactConstructorDeclaration)) {
      Node body;
      String name;
      List<Parameter> parameters;
      if (c instanceof MethodDeclaration m) {
        if (m.getBody().isEmpty()) {
          continue;
        }
        body = m.getBody().get();
        name = m.getNameAsString();
        parameters = m.getParameters();
      } else if (c instanceof ConstructorDeclaration k) {
        body = k.getBody();
        name = "new " + k.getNameAsString();
        parameters = k.getParameters();
      } else {
        // A record's compact constructor: javac sees a constructor taking the record's components.
        CompactConstructorDeclaration k = (CompactConstructorDeclaration) c;
        body = k.getBody();
        name = "new " + k.getNameAsString();
        parameters = k.findAncestor(RecordDeclaration.class).map(RecordDeclaration::getParameters)
            .orElse(new com.github.javaparser.ast.NodeList<>());
      }
      Set<String> params = new HashSet<>();
      for (Parameter p : parameters) {
        params.add(p.getNameAsString());
      }
      Set<String> locals = new HashSet<>();
      Set<String> finalLocals = new HashSet<>();
      for (VariableDeclarator v : body.findAll(VariableDeclarator.class)) {
        locals.add(v.getNameAsString());
        if (v.getInitializer().isPresent() && !obviouslyNotFalse(v.getInitializer().get())
            && v.getParentNode().orElse(null) instanceof VariableDeclarationExpr d && d.isFinal()) {
          finalLocals.add(v.getNameAsString());
        }
      }
      for (Parameter p : body.findAll(Parameter.class)) { // lambda and catch parameters shadow too
        locals.add(p.getNameAsString());
      }
      Set<String> notConstant = new HashSet<>(params); // names that are no constant variable: see mayBeConstantFalse
      notConstant.addAll(locals);
      notConstant.removeAll(finalLocals);
      params.removeAll(locals);
      Set<String> calls = new HashSet<>();
      Set<String> unqualified = new HashSet<>();
      boolean stores = false;
      for (MethodCallExpr call : body.findAll(MethodCallExpr.class)) {
        String called = ModuleIndex.callName(registry, call.getNameAsString(), call.getArguments().size(),
            () -> call.getArguments().isEmpty()
                || mayBeConstantFalse(call.getArgument(0), notConstant, finalLocals, nonFinalFields));
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
        if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
          continue; // `total += n` stores no object
        }
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
      boolean varargs = !parameters.isEmpty() && parameters.get(parameters.size() - 1).isVarArgs();
      out.add(new ModuleIndex.Method(name, calls, unqualified, stores,
          varargs ? ModuleIndex.Method.VARARGS : parameters.size(), apiFile));
    }
  }

  /**
   * How the audit names a call when it selects units and files ({@link ModuleIndex#callName}): exact for its own
   * lowering, where a constant {@code false} this file tells ({@link BooleanConstants}) makes {@code setAutoCommit} a
   * begin.
   */
  public static String selectionName(MethodCallExpr call, dev.txguard.protocol.ProtocolRegistry registry) {
    return ModuleIndex.callName(registry, call.getNameAsString(), call.getArguments().size(),
        () -> call.getArguments().isEmpty() || Boolean.FALSE.equals(BooleanConstants.valueOf(call.getArgument(0))));
  }

  /**
   * Whether an argument can be the constant {@code false} (the index's rule, the same in the javac scan): not a literal
   * {@code true} or {@code Boolean.TRUE}, a call, a parameter, a local not declared final (or initialised by one of
   * the former), or a field this file declares only without {@code final} (none of them is a constant variable).
   */
  private static boolean mayBeConstantFalse(Expression e, Set<String> notConstant, Set<String> finalLocals,
      Set<String> nonFinalFields) {
    e = SourceLowering.strip(e);
    if (obviouslyNotFalse(e)) {
      return false;
    }
    if (e instanceof FieldAccessExpr f) {
      return !(f.getScope() instanceof ThisExpr && nonFinalFields.contains(f.getNameAsString()));
    }
    if (e instanceof NameExpr n) {
      String name = n.getNameAsString();
      return finalLocals.contains(name) || !(notConstant.contains(name) || nonFinalFields.contains(name));
    }
    return true;
  }

  /** A field of a top-level or member type (not of a local or anonymous class, as the javac scan sees them). */
  private static boolean isMemberField(FieldDeclaration f) {
    for (Node p = f.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof CompilationUnit) {
        return true;
      }
      if (!(p instanceof com.github.javaparser.ast.body.TypeDeclaration)) {
        return false;
      }
    }
    return false;
  }

  /** A literal {@code true} or {@code Boolean.TRUE}, a call or a new object: never the constant {@code false}. */
  private static boolean obviouslyNotFalse(Expression e) {
    e = SourceLowering.strip(e);
    return e instanceof MethodCallExpr || e instanceof ObjectCreationExpr
        || (e instanceof BooleanLiteralExpr b && b.getValue())
        || (e instanceof FieldAccessExpr f && f.getNameAsString().equals("TRUE")
            && (f.getScope().toString().equals("Boolean") || f.getScope().toString().equals("java.lang.Boolean")));
  }

  private static boolean isParam(Expression e, Set<String> params) {
    while (e instanceof EnclosedExpr || e instanceof CastExpr) {
      e = e instanceof EnclosedExpr p ? p.getInner() : ((CastExpr) e).getExpression();
    }
    return e instanceof NameExpr n && params.contains(n.getNameAsString());
  }
}
