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
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedTypeDeclaration;
import com.github.javaparser.resolution.model.typesystem.ReferenceTypeImpl;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
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
 * <p>One per analysed file (its thread's solver, its module): answers are kept per declaration (by identity) and
 * depth while that file is analysed, and dropped with it, so that the trees they refer to are not kept alive beyond
 * the symbol solver's own cache (kept for a whole audit, they filled a 2 GiB heap in jOOQ). Never dropped midway: the
 * answers are what keeps the search over overloaded candidates polynomial.
 */
final class BeginProbe {
  private static final int MAX_KEPT = 100_000;
  /** A receiver typed as more types than this is not told (long chains over overloaded fluent APIs). */
  private static final int MAX_RECEIVER_TYPES = 16;

  private final JavaParserFacade facade;
  private final ProtocolRegistry registry;
  private final ModuleIndex index;
  /** Per depth, the bodies known to begin or not (identity: JavaParser nodes are equal by structure). */
  private final List<Map<Node, Boolean>> known = new ArrayList<>();
  /** Per source type, it and its source ancestors that resolve; null when they cannot be listed. */
  private final Map<Node, List<TypeDeclaration<?>>> ancestry = new IdentityHashMap<>();
  private final Map<Node, Map<String, List<MethodDeclaration>>> methodsByName = new IdentityHashMap<>();
  /** Per "type#name/arity", the types such a call returns; null when not told. */
  private final Map<String, List<ResolvedReferenceType>> returned = new java.util.HashMap<>();

  /** The module's summaries as the probe asks them: a declaration's callee id, and whether its summary begins. */
  interface Summaries {
    /** The id a call resolving to this declaration gets (null: it gets none, so no summary). */
    String idOf(CallableDeclaration<?> declaration);

    /** Whether the summary of callee {@code id}, taken at {@code depth}, begins a transaction. */
    boolean mayBegin(String id, int depth);
  }

  private final Summaries summaries;

  BeginProbe(JavaParserFacade facade, ProtocolRegistry registry, ModuleIndex index, Summaries summaries) {
    this.facade = facade;
    this.registry = registry;
    this.index = index;
    this.summaries = summaries;
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
        // A begin of the protocol table (or one the lowering may take for one): few methods do, and whether the
        // method leaves it open is what its summary at this depth says (AbstractQuery.execute() ends what it begins).
        String id = body.getParentNode().filter(p -> p instanceof CallableDeclaration<?>)
            .map(p -> summaries.idOf((CallableDeclaration<?>) p)).orElse(null);
        return id == null || summaries.mayBegin(id, depth);
      }
    }
    if (depth <= 1) {
      return false; // its callees get no summary there
    }
    // A method reference is a new object (a capture), and this(..) or super(..) a call without a summary, in the
    // lowering: neither begins through a callee. Their arguments and receivers are among the calls below.
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
      List<ObjectCreationExpr> anonymousBodies = new ArrayList<>();
      List<ResolvedReferenceTypeDeclaration> declared = typeDeclarations(callOwners(call, anonymousBodies));
      if (declared == null) {
        return null;
      }
      List<TypeDeclaration<?>> owners = new ArrayList<>();
      for (ResolvedReferenceTypeDeclaration d : declared) {
        if (!withAncestors(d, owners)) {
          return null;
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
        for (MethodDeclaration m : methodsNamed(t, name)) {
          addMethod(m, name, arguments, out);
        }
      }
      return out;
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  /** A type's own methods of a name, grouped once per type: jOOQ's DSL declares thousands, asked for again and again. */
  private List<MethodDeclaration> methodsNamed(TypeDeclaration<?> type, String name) {
    Map<String, List<MethodDeclaration>> byName = methodsByName.get(type);
    if (byName == null) {
      byName = new java.util.HashMap<>();
      for (BodyDeclaration<?> member : type.getMembers()) {
        if (member instanceof MethodDeclaration m) {
          byName.computeIfAbsent(m.getNameAsString(), k -> new ArrayList<>()).add(m);
        }
      }
      if (methodsByName.size() >= MAX_KEPT) {
        methodsByName.clear();
      }
      methodsByName.put(type, byName);
    }
    return byName.getOrDefault(name, List.of());
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

  /** The qualified names of the types whose static members named {@code name} the file imports (also by '*'). */
  private static List<String> staticImportTypes(CompilationUnit cu, String name) {
    List<String> out = new ArrayList<>();
    for (ImportDeclaration i : cu.getImports()) {
      if (i.isStatic() && i.isAsterisk()) {
        out.add(i.getNameAsString());
      } else if (i.isStatic() && i.getName().getIdentifier().equals(name) && i.getName().getQualifier().isPresent()) {
        out.add(i.getName().getQualifier().get().asString());
      }
    }
    return out;
  }

  /**
   * The static types the receiver may have; null when that cannot be told. A call's type is told from the declared
   * return types of the methods it may resolve to ({@link #returnTypes(MethodCallExpr)}), never by resolving it:
   * typing {@code case_(..).when(..).plus(..)} through the solver took seconds per chain in jOOQ.
   */
  private List<ResolvedReferenceType> receiverTypes(Expression scope) {
    Expression s = scope;
    while (s instanceof EnclosedExpr e) {
      s = e.getInner();
    }
    if (s instanceof MethodCallExpr m) {
      return returnTypes(m);
    }
    if (s instanceof CastExpr c) {
      return referenceTypes(facade.convertToUsage(c.getType()));
    }
    if (s instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isEmpty()) {
      return referenceTypes(facade.convertToUsage(o.getType()));
    }
    ResolvedType t;
    try {
      t = facade.getType(s);
    } catch (RuntimeException | StackOverflowError e) {
      return typeNamed(s);
    }
    return referenceTypes(t);
  }

  /** A type name used as a receiver (a static call: JavaParser types only values); null when it is none. */
  private List<ResolvedReferenceType> typeNamed(Expression scope) {
    if (scope instanceof NameExpr || scope instanceof FieldAccessExpr) {
      var type = JavaParserFactory.getContext(scope, facade.getTypeSolver()).solveType(scope.toString());
      if (type.isSolved() && type.getCorrespondingDeclaration().isReferenceType()) {
        return List.of(new ReferenceTypeImpl(type.getCorrespondingDeclaration().asReferenceType()));
      }
    }
    return null;
  }

  /**
   * The types a call may return: the declared return types of every method of its name and arity on the types it may
   * be called on (with their ancestors, library ones too), with the receiver's type arguments. Null when one of them
   * is a type variable of the method (typed by its arguments, which are not followed) or an owner does not resolve.
   */
  private List<ResolvedReferenceType> returnTypes(MethodCallExpr m) {
    List<ResolvedReferenceType> owners = callOwners(m, null);
    if (owners == null) {
      return null;
    }
    Map<String, ResolvedReferenceType> out = new java.util.LinkedHashMap<>();
    for (ResolvedReferenceType owner : owners) {
      List<ResolvedReferenceType> r = returnTypes(owner, m.getNameAsString(), m.getArguments().size());
      if (r == null) {
        return null;
      }
      r.forEach(d -> out.putIfAbsent(d.describe(), d));
      if (out.size() > MAX_RECEIVER_TYPES) {
        return null;
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * The types a call may be made on: its receiver's, or for an unqualified call, the enclosing and imported ones. An
   * enclosing anonymous class is added to {@code anonymousBodies} (its own methods are candidates too) or, when that
   * is null and it declares a method of the call's name, makes the answer "not told" (null).
   */
  private List<ResolvedReferenceType> callOwners(MethodCallExpr m, List<ObjectCreationExpr> anonymousBodies) {
    Expression scope = m.getScope().orElse(null);
    if (scope != null && !(scope instanceof ThisExpr) && !(scope instanceof SuperExpr)) {
      return receiverTypes(scope);
    }
    List<ResolvedReferenceType> out = new ArrayList<>();
    for (Node p = m.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof TypeDeclaration<?> t) {
        out.add(new ReferenceTypeImpl(facade.getTypeDeclaration(t))); // its type variables are in scope: bounds
      } else if (p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
        if (anonymousBodies != null) {
          anonymousBodies.add(o);
        } else if (o.getAnonymousClassBody().get().stream()
            .anyMatch(b -> b instanceof MethodDeclaration d && d.getNameAsString().equals(m.getNameAsString()))) {
          return null; // declared by the anonymous class itself: not typed here
        }
        List<ResolvedReferenceType> created = referenceTypes(facade.convertToUsage(o.getType()));
        if (created == null) {
          return null;
        }
        out.addAll(created);
      }
    }
    if (scope == null) {
      CompilationUnit cu = m.findCompilationUnit().orElse(null);
      for (String type : cu == null ? List.<String>of() : staticImportTypes(cu, m.getNameAsString())) {
        var found = facade.getTypeSolver().tryToSolveType(type);
        if (found.isSolved()) {
          out.add(new ReferenceTypeImpl(found.getCorrespondingDeclaration()));
        }
      }
    }
    return out;
  }

  /** The return types of a type's methods (its own and its ancestors') of a name and arity; null: not told. */
  private List<ResolvedReferenceType> returnTypes(ResolvedReferenceType owner, String name, int arguments) {
    Node ast = owner.getTypeDeclaration().flatMap(d -> d.toAst()).orElse(null);
    boolean local = ast instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c
        && c.isLocalClassDeclaration();
    String key = owner.describe() + "#" + name + "/" + arguments;
    if (!local && returned.containsKey(key)) {
      return returned.get(key);
    }
    List<ResolvedReferenceType> r;
    try {
      r = computeReturnTypes(owner, name, arguments);
    } catch (RuntimeException | StackOverflowError e) {
      r = null;
    }
    if (!local) {
      if (returned.size() >= MAX_KEPT) {
        returned.clear();
      }
      returned.put(key, r);
    }
    return r;
  }

  private List<ResolvedReferenceType> computeReturnTypes(ResolvedReferenceType owner, String name, int arguments) {
    Map<String, ResolvedReferenceType> out = new java.util.LinkedHashMap<>();
    List<ResolvedReferenceType> types = new ArrayList<>();
    types.add(owner);
    // With the owner's type arguments carried up; an ancestor in a jar the audit lacks has no method the solver could
    // resolve a call to either.
    types.addAll(owner.getAllAncestors(d -> d.getAncestors(true)));
    for (ResolvedReferenceType type : types) {
      ResolvedReferenceTypeDeclaration d = type.getTypeDeclaration().orElse(null);
      if (d == null) {
        return null;
      }
      Node ast = d.toAst().orElse(null);
      if (ast instanceof TypeDeclaration<?> t) {
        for (MethodDeclaration md : methodsNamed(t, name)) {
          if (accepts(md, arguments) && !md.getType().isVoidType()
              && !addReturned(type, facade.convertToUsage(md.getType()), out)) {
            return null;
          }
        }
      } else {
        for (var md : d.getDeclaredMethods()) {
          int n = md.getNumberOfParams();
          if (md.getName().equals(name) && (n == arguments || (md.hasVariadicParameter() && arguments >= n - 1))
              && !md.getReturnType().isVoid() && !addReturned(type, md.getReturnType(), out)) {
            return null;
          }
        }
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * Adds a declared return type as a call on {@code receiver} sees it; false when it cannot be told. A type variable
   * of the receiver's type takes the receiver's type argument; one left open (a raw receiver, or a type variable in
   * scope at the call) is its bounds, whose members are what a call on it resolves to; the method's own type
   * variables are typed by its arguments: not told.
   */
  private static boolean addReturned(ResolvedReferenceType receiver, ResolvedType declared,
      Map<String, ResolvedReferenceType> out) {
    ResolvedType t = receiver.typeParametersMap().isEmpty() ? declared
        : receiver.typeParametersMap().replaceAll(declared);
    if (t.isWildcard()) {
      if (t.asWildcard().isExtends()) {
        t = t.asWildcard().getBoundedType();
      } else if (declared.isTypeVariable()) {
        t = declared; // Context<?>'s C visit(..): the bounds of C
      } else {
        return false;
      }
    }
    if (t.isTypeVariable() && t.asTypeParameter().declaredOnMethod()) {
      return false;
    }
    List<ResolvedReferenceType> types = referenceTypes(t);
    if (types == null) {
      return false;
    }
    types.forEach(x -> out.putIfAbsent(x.describe(), x));
    return true;
  }

  private static List<ResolvedReferenceTypeDeclaration> typeDeclarations(ResolvedType t) {
    return typeDeclarations(referenceTypes(t));
  }

  private static List<ResolvedReferenceTypeDeclaration> typeDeclarations(List<ResolvedReferenceType> types) {
    if (types == null) {
      return null;
    }
    List<ResolvedReferenceTypeDeclaration> out = new ArrayList<>();
    for (ResolvedReferenceType r : types) {
      if (r.getTypeDeclaration().isEmpty()) {
        return null;
      }
      out.add(r.getTypeDeclaration().get());
    }
    return out;
  }

  /** A static type as the reference types whose members a call on it may reach; null when not told. */
  private static List<ResolvedReferenceType> referenceTypes(ResolvedType t) {
    return referenceTypes(t, 0);
  }

  private static List<ResolvedReferenceType> referenceTypes(ResolvedType t, int depth) {
    if (t.isPrimitive() || t.isArray() || t.isNull() || t.isVoid()) {
      return List.of(); // no module method
    }
    if (t.isReferenceType()) {
      return List.of(t.asReferenceType());
    }
    if (t.isTypeVariable() && depth < 4) {
      List<ResolvedReferenceType> out = new ArrayList<>();
      for (var bound : t.asTypeParameter().getBounds()) {
        if (!bound.isExtends()) {
          continue;
        }
        List<ResolvedReferenceType> b = referenceTypes(bound.getType(), depth + 1);
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
