package dev.txguard.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedTypeDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFactory;
import dev.txguard.module.ModuleIndex;
import dev.txguard.protocol.ProtocolRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells, from declarations alone, that a call cannot begin a transaction through a module method, before the audit
 * pays for resolving it. The module index answers by name ({@code accept/1} may begin somewhere in jOOQ, so every
 * {@code accept/1} may); this answers by the methods the call can reach: those of its name and arity on the
 * receiver's type and its ancestors (for an unqualified call, on every enclosing type and static import), whose
 * bodies begin directly or, within the summaries' depth, through calls that may. Only receivers are typed, never
 * arguments: overload resolution among jOOQ's 92 generic {@code and(..)} methods took minutes for one file.
 *
 * <p>An over-approximation of {@link dev.txguard.analysis.ModuleSummaries#callMayBegin}: every method the call can
 * resolve to is a candidate, and a candidate's begins count at exactly the depths a summary counts them (a callee is
 * at {@code depth}, its callees one below, none at 0). Where a receiver does not resolve, the module index answers by
 * name, with the same depth ({@link ModuleIndex#mayBegin(String, int, int)}). So skipping a call that this says cannot
 * begin changes no verdict.
 *
 * <p>One per analyzer thread and module: answers are kept per declaration (by identity) and depth.
 */
final class BeginProbe {
  private static final int MAX_KEPT = 100_000;

  private final JavaParserFacade facade;
  private final ProtocolRegistry registry;
  private final ModuleIndex index;
  /** Per depth, the bodies known to begin or not (identity: JavaParser nodes are equal by structure). */
  private final List<Map<Node, Boolean>> known = new ArrayList<>();
  /** Per source type, it and its source ancestors that resolve; null when they cannot be listed. */
  private final Map<Node, List<TypeDeclaration<?>>> ancestry = new IdentityHashMap<>();

  BeginProbe(JavaParserFacade facade, ProtocolRegistry registry, ModuleIndex index) {
    this.facade = facade;
    this.registry = registry;
    this.index = index;
  }

  /** Whether the call may begin through a module method whose summary is taken at {@code depth}. */
  boolean mayBegin(MethodCallExpr call, int depth) {
    if (depth <= 0 || !index.mayBegin(call.getNameAsString(), call.getArguments().size())) {
      return false;
    }
    List<Node> candidates = methodCandidates(call);
    return candidates == null ? index.mayBegin(call.getNameAsString(), call.getArguments().size(), depth)
        : anyMayBegin(candidates, depth);
  }

  /** Whether {@code new T(..)} may begin through one of T's module constructors taken at {@code depth}. */
  boolean mayBegin(ObjectCreationExpr creation, int depth) {
    if (depth <= 0
        || !index.mayBegin("new " + creation.getType().getNameAsString(), creation.getArguments().size())) {
      return false;
    }
    List<Node> candidates = constructorCandidates(creation);
    return candidates == null
        ? index.mayBegin("new " + creation.getType().getNameAsString(), creation.getArguments().size(), depth)
        : anyMayBegin(candidates, depth);
  }

  private boolean anyMayBegin(List<Node> bodies, int depth) {
    for (Node b : bodies) {
      if (bodyMayBegin(b, depth)) {
        return true;
      }
    }
    return false;
  }

  private boolean bodyMayBegin(Node body, int depth) {
    while (known.size() <= depth) {
      known.add(new IdentityHashMap<>());
    }
    Map<Node, Boolean> atDepth = known.get(depth);
    Boolean answer = atDepth.get(body);
    if (answer == null) {
      answer = computeBodyMayBegin(body, depth);
      if (atDepth.size() >= MAX_KEPT) {
        atDepth.clear();
      }
      atDepth.put(body, answer);
    }
    return answer;
  }

  private boolean computeBodyMayBegin(Node body, int depth) {
    List<MethodCallExpr> calls = body.findAll(MethodCallExpr.class);
    for (MethodCallExpr c : calls) {
      if (registry.mayBegin(SourceModuleScan.selectionName(c, registry))) {
        return true; // a begin of the protocol table (or one the lowering may take for one)
      }
    }
    if (depth <= 1) {
      return false; // its callees get no summary there
    }
    for (MethodReferenceExpr r : body.findAll(MethodReferenceExpr.class)) {
      if (registry.mayBegin(r.getIdentifier()) || index.mayBegin(r.getIdentifier())) {
        return true; // not typed here: may (a reference's arity is not written)
      }
    }
    if (!body.findAll(ExplicitConstructorInvocationStmt.class).isEmpty()) {
      return true; // this(..) or super(..): not typed here: may
    }
    for (MethodCallExpr c : calls) {
      if (mayBegin(c, depth - 1)) {
        return true;
      }
    }
    for (ObjectCreationExpr n : body.findAll(ObjectCreationExpr.class)) {
      if (mayBegin(n, depth - 1)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- candidates

  /**
   * The bodies of the module methods the call may resolve to (of its name, with a parameter count that accepts its
   * arguments); null when the receiver's type does not resolve (then the index answers by name).
   */
  private List<Node> methodCandidates(MethodCallExpr call) {
    try {
      List<TypeDeclaration<?>> owners = new ArrayList<>();
      List<ObjectCreationExpr> anonymousBodies = new ArrayList<>();
      if (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr
          || call.getScope().get() instanceof SuperExpr) {
        if (!enclosingOwners(call, owners, anonymousBodies)) {
          return null;
        }
        if (call.getScope().isEmpty() && !staticImportOwners(call, owners)) {
          return null;
        }
      } else {
        List<ResolvedReferenceTypeDeclaration> declared = receiverTypes(call.getScope().get());
        if (declared == null) {
          return null;
        }
        for (ResolvedReferenceTypeDeclaration d : declared) {
          if (!withAncestors(d, owners)) {
            return null;
          }
        }
      }
      List<Node> out = new ArrayList<>();
      String name = call.getNameAsString();
      int arguments = call.getArguments().size();
      for (ObjectCreationExpr anonymous : anonymousBodies) {
        for (BodyDeclaration<?> member : anonymous.getAnonymousClassBody().orElseThrow()) {
          if (member instanceof MethodDeclaration m) {
            addMethod(m, name, arguments, out);
          }
        }
      }
      for (TypeDeclaration<?> t : owners) {
        for (MethodDeclaration m : t.getMethodsByName(name)) {
          addMethod(m, name, arguments, out);
        }
      }
      return out;
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  private static void addMethod(MethodDeclaration m, String name, int arguments, List<Node> out) {
    if (m.getNameAsString().equals(name) && accepts(m, arguments) && m.getBody().isPresent()) {
      out.add(m.getBody().get());
    }
  }

  private static boolean accepts(CallableDeclaration<?> d, int arguments) {
    int n = d.getParameters().size();
    return n == arguments || (n > 0 && d.getParameter(n - 1).isVarArgs() && arguments >= n - 1);
  }

  /**
   * The bodies a {@code new T(..)} runs of T's own: its constructors of a fitting arity, with T's instance field
   * initializers and initializer blocks; null when T does not resolve.
   */
  private List<Node> constructorCandidates(ObjectCreationExpr creation) {
    try {
      ResolvedType t = facade.convertToUsage(creation.getType());
      if (!t.isReferenceType() || t.asReferenceType().getTypeDeclaration().isEmpty()) {
        return null;
      }
      Node ast = t.asReferenceType().getTypeDeclaration().get().toAst().orElse(null);
      if (!(ast instanceof TypeDeclaration<?> type)) {
        return List.of(); // a library type: no module body
      }
      List<Node> out = new ArrayList<>();
      for (ConstructorDeclaration c : type.getConstructors()) {
        if (accepts(c, creation.getArguments().size())) {
          out.add(c.getBody());
        }
      }
      for (BodyDeclaration<?> member : type.getMembers()) {
        if ((member instanceof FieldDeclaration f && !f.isStatic())
            || (member instanceof InitializerDeclaration i && !i.isStatic())) {
          out.add(member);
        }
      }
      return out;
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  /**
   * For an unqualified call: every enclosing type with its ancestors, and the bodies of enclosing anonymous classes
   * (whose supertypes count too). False when one of them does not resolve.
   */
  private boolean enclosingOwners(Node at, List<TypeDeclaration<?>> owners, List<ObjectCreationExpr> anonymousBodies) {
    for (Node p = at.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof TypeDeclaration<?> t) {
        if (!withAncestors(facade.getTypeDeclaration(t), owners)) {
          return false;
        }
      } else if (p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
        anonymousBodies.add(o);
        List<ResolvedReferenceTypeDeclaration> created = typeDeclarations(facade.convertToUsage(o.getType()));
        if (created == null) {
          return false;
        }
        for (ResolvedReferenceTypeDeclaration d : created) {
          if (!withAncestors(d, owners)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * The types a static import may bring the call's name from ({@code import static a.B.name;}, {@code a.B.*}); a type
   * that does not resolve has no module body. False when a module type's ancestor does not resolve.
   */
  private boolean staticImportOwners(MethodCallExpr call, List<TypeDeclaration<?>> owners) {
    CompilationUnit cu = call.findCompilationUnit().orElse(null);
    if (cu == null) {
      return true;
    }
    for (ImportDeclaration i : cu.getImports()) {
      if (!i.isStatic()) {
        continue;
      }
      String type;
      if (i.isAsterisk()) {
        type = i.getNameAsString();
      } else if (i.getName().getIdentifier().equals(call.getNameAsString()) && i.getName().getQualifier().isPresent()) {
        type = i.getName().getQualifier().get().asString();
      } else {
        continue;
      }
      var found = facade.getTypeSolver().tryToSolveType(type);
      if (found.isSolved() && !withAncestors(found.getCorrespondingDeclaration(), owners)) {
        return false;
      }
    }
    return true;
  }

  /** The declarations of the receiver's static type; null when it does not resolve to one. */
  private List<ResolvedReferenceTypeDeclaration> receiverTypes(Expression scope) {
    ResolvedType t;
    try {
      t = facade.getType(scope);
    } catch (RuntimeException | StackOverflowError e) {
      if (scope instanceof NameExpr || scope instanceof FieldAccessExpr) {
        // A type name (a static call): JavaParser types only values.
        var type = JavaParserFactory.getContext(scope, facade.getTypeSolver()).solveType(scope.toString());
        if (type.isSolved() && type.getCorrespondingDeclaration().isReferenceType()) {
          return List.of(type.getCorrespondingDeclaration().asReferenceType());
        }
      }
      return null;
    }
    return typeDeclarations(t);
  }

  private static List<ResolvedReferenceTypeDeclaration> typeDeclarations(ResolvedType t) {
    if (t.isPrimitive() || t.isArray() || t.isNull()) {
      return List.of(); // no module method
    }
    if (t.isReferenceType()) {
      return t.asReferenceType().getTypeDeclaration().map(List::of).orElse(null);
    }
    if (t.isTypeVariable()) {
      List<ResolvedReferenceTypeDeclaration> out = new ArrayList<>();
      for (var bound : t.asTypeParameter().getBounds()) {
        List<ResolvedReferenceTypeDeclaration> b = typeDeclarations(bound.getType());
        if (b == null) {
          return null;
        }
        out.addAll(b);
      }
      return out; // unbounded: Object's methods only
    }
    return null; // a wildcard, an intersection, a lambda's type: not told here
  }

  /**
   * Adds the source declarations of the type and of every ancestor that resolves. An ancestor that does not resolve
   * (a jar the audit lacks: reactive-streams' {@code Publisher} under jOOQ's {@code ResultQuery}) yields no method the
   * solver could resolve a call to, so no callee with a body. False when the type's own ancestors cannot be listed.
   * A library type's ancestors are library types: not walked.
   */
  private boolean withAncestors(ResolvedReferenceTypeDeclaration type, List<TypeDeclaration<?>> owners) {
    Node ast = type.toAst().orElse(null);
    if (!(ast instanceof TypeDeclaration<?> declaration)) {
      return true;
    }
    List<TypeDeclaration<?>> all = ancestry.get(declaration);
    if (all == null && !ancestry.containsKey(declaration)) {
      all = sourceAncestry(type);
      if (ancestry.size() >= MAX_KEPT) {
        ancestry.clear();
      }
      ancestry.put(declaration, all);
    }
    if (all == null) {
      return false;
    }
    for (TypeDeclaration<?> t : all) {
      if (owners.stream().noneMatch(o -> o == t)) {
        owners.add(t);
      }
    }
    return true;
  }

  /** The type's source declaration and its source ancestors (those that resolve); null when they cannot be listed. */
  private static List<TypeDeclaration<?>> sourceAncestry(ResolvedReferenceTypeDeclaration type) {
    List<TypeDeclaration<?>> out = new ArrayList<>();
    Set<Node> added = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<ResolvedReferenceTypeDeclaration> todo = new ArrayDeque<>();
    todo.add(type);
    try {
      while (!todo.isEmpty()) {
        ResolvedReferenceTypeDeclaration d = todo.poll();
        Node ast = d.toAst().orElse(null);
        if (!(ast instanceof TypeDeclaration<?> t) || !added.add(t)) {
          continue; // a library type (whose ancestors are library types), or one seen already
        }
        out.add(t);
        for (var ancestor : d.getAncestors(true)) {
          ResolvedTypeDeclaration a = ancestor.getTypeDeclaration().orElse(null);
          if (a != null && a.isReferenceType()) {
            todo.add(a.asReferenceType());
          }
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
    return out;
  }
}
