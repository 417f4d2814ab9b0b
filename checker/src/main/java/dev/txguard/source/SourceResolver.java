package dev.txguard.source;

import com.github.javaparser.ast.type.ReferenceType;
import com.github.javaparser.ast.type.UnionType;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import dev.txguard.graph.KeptReads;
import dev.txguard.graph.ThrownType;
import dev.txguard.protocol.CallFacts;
import dev.txguard.protocol.CallRole;
import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.protocol.Role;
import dev.txguard.protocol.TypeFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Answers the questions lowering asks about one compilation unit: which declaration a name refers to (by scope, no
 * solver needed), and the types of receivers, results and exceptions: from the symbol solver when it resolves them,
 * else from declared type names and imports. Every solver call is guarded: a failure means "not resolved".
 */
@SuppressWarnings("ReferenceEquality") // Node.equals is structural; two equal-looking nodes are different places
final class SourceResolver {
  /** What lowering needs to know about a call's target. */
  record CalleeInfo(String localId, boolean isStatic, List<ThrownType> thrown) {}

  private static final Set<String> JAVA_LANG_EXCEPTIONS = Set.of("Exception", "RuntimeException", "Throwable", "Error",
      "IllegalStateException", "IllegalArgumentException", "NullPointerException", "UnsupportedOperationException",
      "InterruptedException", "CloneNotSupportedException", "ArithmeticException", "ClassCastException",
      "IndexOutOfBoundsException", "SecurityException", "ReflectiveOperationException");

  private static final java.util.regex.Pattern TYPE_ARGUMENTS = java.util.regex.Pattern.compile("<.*>");

  private final CompilationUnit cu;
  private final JavaParserFacade facade;
  private final ProtocolRegistry registry;
  /** By identity: JavaParser nodes are equal by structure, and equal calls in two methods may differ in type. */
  private final java.util.IdentityHashMap<Node, Optional<ResolvedMethodDeclaration>> methods =
      new java.util.IdentityHashMap<>();
  /** Calls that overload resolution cannot tell apart share one answer (see {@link CallSignature}). */
  private final Map<CallSignature, Optional<ResolvedMethodDeclaration>> bySignature = new HashMap<>();
  private final Set<String> unresolved = new HashSet<>();
  private boolean matchedByName;
  /** Calls whose receiver's type was known only by name, with the names that did not resolve. */
  private final java.util.IdentityHashMap<MethodCallExpr, Set<String>> byNameCalls = new java.util.IdentityHashMap<>();
  /** Per unit: whether a protocol call of it was matched by name, and what it could not resolve. */
  private final java.util.IdentityHashMap<Node, Boolean> unitsMatchedByName = new java.util.IdentityHashMap<>();
  /** Per unit, each name that did not resolve with the lines of the statements being lowered when it did not. */
  private final java.util.IdentityHashMap<Node, Map<String, List<Lines>>> unresolvedByUnit =
      new java.util.IdentityHashMap<>();
  private final Set<String> unresolvedExceptions = new HashSet<>();
  private Node currentUnit;
  /** The lines of the statement being lowered ({@link Lines#ANYWHERE} outside statements). */
  private Lines currentLines = Lines.ANYWHERE;
  // Per-file memos of answers that depend only on their key: lowering asks the same questions many times, and each
  // answer is a walk of the whole file or a symbol solver call (on large files, most of the audit's time).
  private final java.util.IdentityHashMap<ObjectCreationExpr, List<ThrownType>> constructorThrows =
      new java.util.IdentityHashMap<>();
  private final Map<String, ThrownType> exceptionsByName = new HashMap<>();
  private final Map<String, ThrownType> resolvedExceptions = new HashMap<>();
  private final Map<String, String> qualified = new HashMap<>();
  private List<TypeDeclaration<?>> typeDeclarations;
  private Map<String, List<ConstructorDeclaration>> constructorsByKey;
  private final java.util.IdentityHashMap<Expression, SourceTypeFacts> types = new java.util.IdentityHashMap<>();
  private final java.util.IdentityHashMap<MethodCallExpr, MethodDeclaration> sameFileMethods =
      new java.util.IdentityHashMap<>();

  /** Where callee ids point: this file's key, and the module (whose files' bodies a summary may read). */
  private final String fileKey;
  private final java.nio.file.Path file;
  private final SourceModule module;

  SourceResolver(CompilationUnit cu, JavaParserFacade facade, ProtocolRegistry registry, java.nio.file.Path file,
      SourceModule module) {
    this.cu = cu;
    this.facade = facade;
    this.registry = registry;
    this.file = file;
    this.fileKey = file == null ? "" : file.toString();
    this.module = module;
  }

  /**
   * The id of a callee with a body: of this file (always), or of another file of the module when a method of its name
   * may matter to a caller (the module index); null otherwise (then the name rules apply).
   */
  private String bodyId(CallableDeclaration<?> d, String indexName) {
    if (d == null || (d instanceof MethodDeclaration md && md.getBody().isEmpty())) {
      return null;
    }
    CompilationUnit there = d.findCompilationUnit().orElse(null);
    if (there == cu) {
      String id = fileKey + "!" + methodId(d);
      if (module != null && file != null) {
        module.located(id, file);
      }
      return id;
    }
    if (module == null || there == null || !module.index().mayMatter(indexName)) {
      return null;
    }
    java.nio.file.Path path = there.getStorage().map(st -> st.getPath().toAbsolutePath().normalize()).orElse(null);
    if (path == null) {
      return null; // a classpath source directory: types, not bodies (settled detail 16)
    }
    String id = path + "!" + methodId(d);
    module.located(id, path);
    return id;
  }

  /** The id a call from this file resolving to {@code d} gets (null: none, the name rules judge it). */
  String calleeId(CallableDeclaration<?> d) {
    return bodyId(d, d instanceof ConstructorDeclaration ? "new " + d.getNameAsString() : d.getNameAsString());
  }

  /** The id a unit of this file has as a callee (what {@link #bodyId} gives its callers). */
  String unitId(CallableDeclaration<?> d) {
    return fileKey + "!" + methodId(d);
  }

  /** Whether some protocol call was matched from names because a type did not resolve. */
  boolean matchedByName() {
    return matchedByName;
  }

  Set<String> unresolved() {
    return unresolved;
  }

  /**
   * What one unit's findings say about resolution: whether a protocol call was matched by name, and the names that
   * did not resolve with where (the lines of the statement being lowered then).
   */
  record NameNotes(boolean matchedByName, Map<String, List<Lines>> unresolvedAt) {
    /**
     * The names that did not resolve in a statement on one of {@code lines} (a finding's begin, steps and exit), or
     * outside any statement: what the finding may depend on. A logger that does not resolve in a catch block the path
     * does not go through is no part of it.
     */
    List<String> unresolvedOn(Set<Integer> lines) {
      List<String> out = new ArrayList<>();
      unresolvedAt.forEach((name, where) -> {
        if (where.stream().anyMatch(l -> l.coversAny(lines))) {
          out.add(name);
        }
      });
      return out;
    }
  }

  /** The first and last line of a statement; {@link #ANYWHERE} for what is noted outside statements. */
  record Lines(int first, int last) {
    static final Lines ANYWHERE = new Lines(Integer.MIN_VALUE, Integer.MAX_VALUE);

    boolean coversAny(Set<Integer> lines) {
      for (int line : lines) {
        if (line >= first && line <= last) {
          return true;
        }
      }
      return false;
    }
  }

  /** The unit being lowered: what does not resolve from now on is noted for it. */
  void enterUnit(Node unit) {
    currentUnit = unit instanceof BlockStmt b && b.getParentNode().orElse(null)
        instanceof com.github.javaparser.ast.body.InitializerDeclaration init ? init : unit;
    currentLines = header(unit);
  }

  /**
   * Where a unit's own declaration is noted (its parameters' types): a method's or constructor's lines up to its body,
   * so that a parameter type matters to the findings whose path uses the parameter (noted again there); a lambda or
   * an initializer as a whole.
   */
  private static Lines header(Node unit) {
    Optional<BlockStmt> body = unit instanceof com.github.javaparser.ast.body.CallableDeclaration<?> c
        ? c.findFirst(BlockStmt.class) : Optional.empty();
    if (unit.getRange().isEmpty()) {
      return Lines.ANYWHERE;
    }
    int first = unit.getRange().get().begin.line;
    int last = body.flatMap(Node::getRange).map(r -> r.begin.line).orElse(unit.getRange().get().end.line);
    return new Lines(first, last);
  }

  /** The statement being lowered from now on (what does not resolve is noted at its lines); returns the previous. */
  Lines at(Node statement) {
    Lines previous = currentLines;
    currentLines = statement.getRange().map(r -> new Lines(r.begin.line, r.end.line)).orElse(Lines.ANYWHERE);
    return previous;
  }

  /** Back to a statement {@link #at(Node)} returned. */
  void at(Lines previous) {
    currentLines = previous;
  }

  /**
   * The lowering classified {@code call} as a protocol call (a begin, end, query, accessor or factory): if its
   * receiver's type was known only by name, the current unit's findings say "matched by name".
   */
  void noteProtocolCall(MethodCallExpr call) {
    Set<String> names = byNameCalls.get(call);
    if (names != null && currentUnit != null) {
      unitsMatchedByName.put(currentUnit, Boolean.TRUE);
      names.forEach(n -> noteForUnit(n, Lines.ANYWHERE)); // a protocol call decides every finding of its unit
    }
  }

  NameNotes notesFor(Node unit) {
    return new NameNotes(unitsMatchedByName.containsKey(unit), unresolvedByUnit.getOrDefault(unit, Map.of()));
  }

  private void noteForUnit(String name, Lines lines) {
    if (currentUnit != null) {
      unresolvedByUnit.computeIfAbsent(currentUnit, u -> new java.util.TreeMap<>())
          .computeIfAbsent(name, n -> new ArrayList<>()).add(lines);
    }
  }

  private void noteUnresolved(String written) {
    String name = TYPE_ARGUMENTS.matcher(written).replaceAll("").trim(); // Handler<Exception>: the type is Handler
    unresolved.add(name);
    noteForUnit(name, currentLines);
  }

  void noteByName(MethodCallExpr call, String name) {
    matchedByName = true;
    Set<String> names = byNameCalls.computeIfAbsent(call, c -> new HashSet<>());
    if (name != null) {
      unresolved.add(name);
      names.add(name);
    }
  }

  // ---------------------------------------------------------------- scopes

  /** The local, parameter or resource that {@code name} refers to at {@code at}, or null (a field, a type, ...). */
  Node declarationOf(String name, Node at) {
    Node child = at;
    for (Node p = at.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof BlockStmt block) {
        Node d = declaredBefore(block.getStatements(), child, name);
        if (d != null) {
          return d;
        }
      } else if (p instanceof SwitchEntry entry) {
        Node d = declaredBefore(entry.getStatements(), child, name);
        if (d != null) {
          return d;
        }
      } else if (p instanceof ForStmt f) {
        for (Expression init : f.getInitialization()) {
          Node d = declaredIn(init, name);
          if (d != null) {
            return d;
          }
        }
      } else if (p instanceof ForEachStmt f && child != f.getIterable()) {
        for (VariableDeclarator v : f.getVariable().getVariables()) {
          if (v.getNameAsString().equals(name)) {
            return v;
          }
        }
      } else if (p instanceof TryStmt t) {
        for (Expression r : t.getResources()) {
          if (r == child) {
            break;
          }
          Node d = declaredIn(r, name);
          if (d != null) {
            return d;
          }
        }
      } else if (p instanceof CatchClause c && c.getParameter().getNameAsString().equals(name)) {
        return c.getParameter();
      } else if (p instanceof LambdaExpr l) {
        for (Parameter param : l.getParameters()) {
          if (param.getNameAsString().equals(name)) {
            return param;
          }
        }
      } else if (p instanceof CallableDeclaration<?> m) {
        for (Parameter param : m.getParameters()) {
          if (param.getNameAsString().equals(name)) {
            return param;
          }
        }
      } else if (p instanceof TypeDeclaration<?> type && declaresField(type, name)) {
        return null;
      } else if (p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()
          && o.getAnonymousClassBody().get().stream().anyMatch(m -> m instanceof FieldDeclaration f
              && f.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name)))) {
        return null;
      }
    }
    return null;
  }

  private static Node declaredBefore(List<Statement> statements, Node child, String name) {
    Node found = null;
    for (Statement s : statements) {
      if (s == child) {
        break;
      }
      if (s instanceof ExpressionStmt es) {
        Node d = declaredIn(es.getExpression(), name);
        if (d != null) {
          found = d;
        }
      }
    }
    return found;
  }

  private static Node declaredIn(Expression e, String name) {
    if (e instanceof VariableDeclarationExpr v) {
      for (VariableDeclarator d : v.getVariables()) {
        if (d.getNameAsString().equals(name)) {
          return d;
        }
      }
    }
    return null;
  }

  private static boolean declaresField(TypeDeclaration<?> type, String name) {
    return type.getFields().stream().anyMatch(f -> f.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name)));
  }

  /** A name that is not a local: a field (of this class or inherited), unless it looks like a type. */
  boolean isField(String name, Node at) {
    return (!name.isEmpty() && !Character.isUpperCase(name.charAt(0))) || enclosingTypesDeclareField(name, at);
  }

  private boolean enclosingTypesDeclareField(String name, Node at) {
    for (Node p = at; p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof TypeDeclaration<?> t && declaresField(t, name)) {
        return true;
      }
    }
    return false;
  }

  /** {@code DB} in {@code DB.beginTransaction()}: a name that is no variable and looks like a type. */
  boolean isTypeName(Expression e) {
    if (e instanceof NameExpr n) {
      String s = n.getNameAsString();
      return declarationOf(s, n) == null && !enclosingTypesDeclareField(s, n) && Character.isUpperCase(s.charAt(0));
    }
    return false;
  }

  boolean isEffectivelyFinal(VariableDeclarator d, Node unit) {
    String name = d.getNameAsString();
    for (AssignExpr a : unit.findAll(AssignExpr.class)) {
      if (a.getTarget() instanceof NameExpr n && n.getNameAsString().equals(name) && declarationOf(name, n) == d) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- types

  /** The qualified name of a type written {@code simple} in this file (imports, same-file types, java.lang). */
  String qualify(String written, Node at) {
    return qualified.computeIfAbsent(written, this::qualify);
  }

  private String qualify(String written) {
    String simple = TYPE_ARGUMENTS.matcher(written).replaceAll("").trim();
    if (simple.contains(".")) {
      return simple;
    }
    for (ImportDeclaration i : cu.getImports()) {
      if (!i.isAsterisk() && !i.isStatic() && i.getName().getIdentifier().equals(simple)) {
        return i.getNameAsString();
      }
    }
    for (TypeDeclaration<?> t : typeDeclarations()) {
      if (t.getNameAsString().equals(simple)) {
        return t.getFullyQualifiedName().orElse(simple);
      }
    }
    for (ImportDeclaration i : cu.getImports()) {
      if (i.isAsterisk() && !i.isStatic() && registry.isKnownTypeName(i.getNameAsString() + "." + simple)) {
        return i.getNameAsString() + "." + simple;
      }
    }
    if (JAVA_LANG_EXCEPTIONS.contains(simple) || simple.equals("String") || simple.equals("Object")) {
      return "java.lang." + simple;
    }
    return simple;
  }

  /** Facts of a type declared in this file by its simple or qualified name (for the home-grown rule), or null. */
  private TypeDeclaration<?> sameFileType(String name) {
    String simple = name.substring(name.lastIndexOf('.') + 1);
    for (TypeDeclaration<?> t : typeDeclarations()) {
      if (t.getNameAsString().equals(simple)) {
        return t;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private List<TypeDeclaration<?>> typeDeclarations() {
    if (typeDeclarations == null) {
      typeDeclarations = List.copyOf((List<TypeDeclaration<?>>) (List<?>) cu.findAll(TypeDeclaration.class));
    }
    return typeDeclarations;
  }

  private SourceTypeFacts named(String qualified) {
    TypeDeclaration<?> t = sameFileType(qualified);
    if (t != null) {
      Set<String> noArg = new HashSet<>();
      Set<String> ends = new HashSet<>();
      Set<String> own = new HashSet<>();
      own.add(t.getNameAsString());
      if (t instanceof ClassOrInterfaceDeclaration c) {
        c.getExtendedTypes().forEach(x -> own.add(x.getNameAsString()));
        c.getImplementedTypes().forEach(x -> own.add(x.getNameAsString()));
      }
      t.getMethods().stream().filter(m -> m.getParameters().isEmpty() && !m.isStatic()).forEach(m -> {
        noArg.add(m.getNameAsString());
        if (SourceTypeFacts.endsRatherThanBuilds(m, own)) {
          ends.add(m.getNameAsString());
        }
      });
      return SourceTypeFacts.named(qualified, noArg::contains, ends::contains);
    }
    return SourceTypeFacts.undeclared(qualified);
  }

  /**
   * The type of a lambda parameter whose type is inferred, from the functional interface the called method takes at
   * the lambda's position (semantics: "A lambda parameter whose type is inferred has the type the functional
   * interface gives it"), for when the solver's own inference gives up. Null when that does not resolve either.
   */
  private SourceTypeFacts inferredLambdaParameter(Parameter p) {
    if (!(p.getParentNode().orElse(null) instanceof LambdaExpr lambda)) {
      return null;
    }
    if (lambda.getParentNode().orElse(null) instanceof VariableDeclarator v && !v.getType().isVarType()) {
      return targetTypedLambdaParameter(lambda, identityIndex(lambda.getParameters(), p), v.getType());
    }
    if (!(lambda.getParentNode().orElse(null) instanceof MethodCallExpr call)) {
      return null;
    }
    int paramIndex = identityIndex(lambda.getParameters(), p);
    int argIndex = identityIndex(call.getArguments(), lambda);
    Optional<ResolvedMethodDeclaration> callee = resolve(call);
    if (paramIndex < 0 || argIndex < 0 || callee.isEmpty()) {
      return null;
    }
    try {
      ResolvedMethodDeclaration target = callee.get();
      int n = target.getNumberOfParams();
      if (n == 0) {
        return null;
      }
      ResolvedType functional = target.getParam(Math.min(argIndex, n - 1)).getType();
      if (!functional.isReferenceType()) {
        return null;
      }
      var ref = functional.asReferenceType();
      for (ResolvedMethodDeclaration sam : ref.getTypeDeclaration().map(t -> t.getDeclaredMethods())
          .orElse(java.util.Set.of())) {
        if (sam.isAbstract() && !sam.isStatic() && sam.getNumberOfParams() == lambda.getParameters().size()) {
          ResolvedType t = sam.getParam(paramIndex).getType();
          return SourceTypeFacts.resolved(t.isTypeVariable() ? ref.useThisTypeParametersOnTheGivenType(t) : t);
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      // the interface or its method does not resolve: nothing is known
    }
    return null;
  }

  /**
   * The type of a lambda parameter whose lambda initializes a field or local of a written functional interface type
   * ({@code Consumer<EntityManager> c = em -> ...}): the interface's method's parameter, a type variable of the
   * interface taking the written type argument, which need not resolve (then it is matched by name, as a declared
   * type is). Error Prone types the parameter so; without it the audit took {@code em.getTransaction()} for an
   * unresolved call that may throw.
   */
  private SourceTypeFacts targetTypedLambdaParameter(LambdaExpr lambda, int paramIndex, Type target) {
    if (paramIndex < 0 || !(target instanceof com.github.javaparser.ast.type.ClassOrInterfaceType written)) {
      return null;
    }
    try {
      var found = com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFactory
          .getContext(written, facade.getTypeSolver()).solveType(written.getNameWithScope());
      if (!found.isSolved() || !found.getCorrespondingDeclaration().isReferenceType()) {
        return null;
      }
      var iface = found.getCorrespondingDeclaration().asReferenceType();
      for (ResolvedMethodDeclaration sam : iface.getDeclaredMethods()) {
        if (!sam.isAbstract() || sam.isStatic() || sam.getNumberOfParams() != lambda.getParameters().size()) {
          continue;
        }
        ResolvedType t = sam.getParam(paramIndex).getType();
        if (!t.isTypeVariable()) {
          return SourceTypeFacts.resolved(t);
        }
        String name = t.asTypeParameter().getName();
        List<com.github.javaparser.resolution.declarations.ResolvedTypeParameterDeclaration> params =
            iface.getTypeParameters();
        List<Type> arguments = written.getTypeArguments().map(List::copyOf).orElse(List.of());
        for (int k = 0; k < params.size() && k < arguments.size(); k++) {
          if (params.get(k).getName().equals(name)) {
            Type a = arguments.get(k);
            if (a instanceof com.github.javaparser.ast.type.WildcardType w) {
              a = w.getSuperType().map(x -> (Type) x).or(() -> w.getExtendedType().map(x -> (Type) x)).orElse(null);
            }
            return a == null ? null : declaredType(a, lambda, null);
          }
        }
        return null;
      }
    } catch (RuntimeException | StackOverflowError e) {
      // the interface does not resolve: nothing is known
    }
    return null;
  }

  private static int identityIndex(List<? extends Node> nodes, Node n) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) == n) {
        return i;
      }
    }
    return -1;
  }

  SourceTypeFacts declaredType(Type type, Node decl, Expression init) {
    if (type.isVarType()) {
      return init == null ? null : typeOf(init);
    }
    if (type.isUnknownType()) {
      // A lambda parameter whose type is inferred and that the solver could not type: nothing is written to match
      // by name (an empty name made an empty "could not resolve" note and marked the file as matched by name).
      return null;
    }
    try {
      SourceTypeFacts r = SourceTypeFacts.resolved(facade.convertToUsage(type));
      if (r != null) {
        return r;
      }
    } catch (RuntimeException | StackOverflowError e) {
      noteUnresolved(type.asString());
    }
    return type.isPrimitiveType() ? null : named(qualify(type.asString(), decl));
  }

  /**
   * The static type of an expression, resolved or from names. Remembered per expression: the solver caches only the
   * types it finds, so an unresolved receiver was solved again (and failed again) for every question about its call.
   */
  SourceTypeFacts typeOf(Expression e) {
    if (types.containsKey(e)) {
      return types.get(e);
    }
    SourceTypeFacts t = solveTypeOf(e);
    types.put(e, t);
    return t;
  }

  private SourceTypeFacts solveTypeOf(Expression e) {
    Expression s = SourceLowering.strip(e);
    try {
      SourceTypeFacts r = SourceTypeFacts.resolved(facade.getType(s));
      if (r != null) {
        return r;
      }
    } catch (RuntimeException | StackOverflowError ex) {
      // fall back to names below
    }
    if (s instanceof NameExpr n) {
      Node d = declarationOf(n.getNameAsString(), n);
      if (d instanceof VariableDeclarator v) {
        return declaredType(v.getType(), v, v.getInitializer().orElse(null));
      }
      if (d instanceof Parameter p) {
        return p.getType().isUnknownType() ? inferredLambdaParameter(p) : declaredType(p.getType(), p, null);
      }
      FieldLookup f = field(n.getNameAsString(), n);
      if (f != null) {
        return declaredType(f.type, f.node, null);
      }
      if (isTypeName(n)) {
        return named(qualify(n.getNameAsString(), n));
      }
    }
    if (s instanceof ThisExpr) {
      return enclosingType(s);
    }
    if (s instanceof com.github.javaparser.ast.expr.FieldAccessExpr fa && fa.getScope() instanceof ThisExpr) {
      FieldLookup f = field(fa.getNameAsString(), fa);
      return f == null ? null : declaredType(f.type, f.node, null);
    }
    if (s instanceof com.github.javaparser.ast.expr.FieldAccessExpr fa && fa.getScope() instanceof NameExpr owner
        && isTypeName(owner)) {
      // App.sessionFactory: a static field of a type of this file, by its written type
      FieldLookup f = cu.findAll(TypeDeclaration.class, t -> t.getNameAsString().equals(owner.getNameAsString()))
          .stream().map(t -> declaredField((TypeDeclaration<?>) t, fa.getNameAsString())).filter(x -> x != null)
          .findFirst().orElse(null);
      if (f != null) {
        return declaredType(f.type, f.node, null);
      }
    }
    if (s instanceof ObjectCreationExpr o) {
      return named(qualify(o.getType().getNameAsString(), o));
    }
    if (s instanceof MethodCallExpr call) {
      // getEntityManager().getTransaction(): a method of this file, by its declared return type
      MethodDeclaration d = sameFileMethod(call);
      if (d != null && !d.getType().isVoidType() && !d.getType().isPrimitiveType()) {
        return named(qualify(d.getType().asString(), d));
      }
    }
    return null;
  }

  private record FieldLookup(Type type, Node node) {}

  private FieldLookup field(String name, Node at) {
    for (Node p = at; p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof TypeDeclaration<?> t) {
        FieldLookup f = declaredField(t, name);
        if (f != null) {
          return f;
        }
      }
    }
    // A field of a source superclass in another file (a base DAO's `em`), for when the solver cannot type it.
    for (TypeDeclaration<?> t : sourceSuperclasses(at)) {
      FieldLookup f = declaredField(t, name);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  private static FieldLookup declaredField(TypeDeclaration<?> t, String name) {
    for (FieldDeclaration f : t.getFields()) {
      for (VariableDeclarator v : f.getVariables()) {
        if (v.getNameAsString().equals(name)) {
          return new FieldLookup(v.getType(), v);
        }
      }
    }
    return null;
  }

  private SourceTypeFacts enclosingType(Node at) {
    for (Node p = at; p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof TypeDeclaration<?> t) {
        try {
          SourceTypeFacts r = SourceTypeFacts.resolved(facade.getTypeDeclaration(t).asReferenceType() == null ? null
              : new com.github.javaparser.resolution.model.typesystem.ReferenceTypeImpl(
                  facade.getTypeDeclaration(t).asReferenceType()));
          if (r != null) {
            return r;
          }
        } catch (RuntimeException | StackOverflowError e) {
          // fall back
        }
        return named(t.getFullyQualifiedName().orElse(t.getNameAsString()));
      }
    }
    return null;
  }

  boolean isBoolean(Expression e) {
    Expression s = SourceLowering.strip(e);
    if (s instanceof BooleanLiteralExpr || s instanceof InstanceOfExpr) {
      return true;
    }
    if (s instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      return true;
    }
    if (s instanceof BinaryExpr b) {
      return switch (b.getOperator()) {
        case AND, OR, EQUALS, NOT_EQUALS, LESS, GREATER, LESS_EQUALS, GREATER_EQUALS -> true;
        default -> false;
      };
    }
    try {
      ResolvedType t = facade.getType(s);
      return (t.isPrimitive() && t.asPrimitive().describe().equals("boolean"))
          || (t.isReferenceType() && t.asReferenceType().getQualifiedName().equals("java.lang.Boolean"));
    } catch (RuntimeException | StackOverflowError ex) {
      if (s instanceof NameExpr n) {
        Node d = declarationOf(n.getNameAsString(), n);
        Type t = d instanceof VariableDeclarator v ? v.getType() : d instanceof Parameter p ? p.getType() : null;
        return t != null && (t.asString().equals("boolean") || t.asString().equals("Boolean"));
      }
      return false;
    }
  }

  boolean isEnumStringOrPrimitive(Expression selector) {
    try {
      ResolvedType t = facade.getType(selector);
      if (t.isPrimitive()) {
        return true;
      }
      if (t.isReferenceType()) {
        var r = t.asReferenceType();
        return r.getQualifiedName().equals("java.lang.String") || r.isUnboxable()
            || r.getTypeDeclaration().map(d -> d.isEnum()).orElse(false);
      }
      return false;
    } catch (RuntimeException | StackOverflowError ex) {
      return true;
    }
  }

  // ---------------------------------------------------------------- calls

  private Optional<ResolvedMethodDeclaration> resolve(MethodCallExpr m) {
    Optional<ResolvedMethodDeclaration> known = methods.get(m);
    if (known != null) {
      return known;
    }
    CallSignature signature = CallSignature.of(m, facade);
    Optional<ResolvedMethodDeclaration> r = signature == null ? null : bySignature.get(signature);
    if (r == null) {
      try {
        var ref = facade.solve(m);
        r = ref.isSolved() ? Optional.of(ref.getCorrespondingDeclaration()) : Optional.empty();
      } catch (RuntimeException | StackOverflowError e) {
        r = Optional.empty();
      }
      if (signature != null) {
        bySignature.put(signature, r);
      }
    }
    methods.put(m, r);
    return r;
  }

  /** The facts of a call for protocol matching. {@code classify} types receivers that are protocol calls. */
  CallFacts callFacts(MethodCallExpr m, Function<MethodCallExpr, CallRole> classify) {
    return new CallFacts() {
      @Override
      public String methodName() {
        return m.getNameAsString();
      }

      @Override
      public int argumentCount() {
        return m.getArguments().size();
      }

      @Override
      public TypeFacts receiverType() {
        Optional<ResolvedMethodDeclaration> r = resolve(m);
        if (m.getScope().isEmpty()) {
          return enclosingType(m);
        }
        Expression scope = SourceLowering.strip(m.getScope().get());
        if (r.isPresent() && r.get().isStatic()) {
          try {
            return SourceTypeFacts.resolved(new com.github.javaparser.resolution.model.typesystem.ReferenceTypeImpl(
                r.get().declaringType()));
          } catch (RuntimeException | StackOverflowError e) {
            // fall through
          }
        }
        SourceTypeFacts t = typeOf(scope);
        if (t != null && !t.byName) {
          return t;
        }
        if (scope instanceof MethodCallExpr inner) {
          CallRole role = classify.apply(inner);
          if (role != null && (role.role() == Role.ACCESSOR || role.role() == Role.BEGIN_RETURNING)) {
            noteByName(m, null);
            return SourceTypeFacts.handleOf(registry.handleTypesOf(role.protocol()), x -> false);
          }
        }
        if (t != null) {
          noteByName(m, t.qualifiedName());
        }
        return t;
      }

      @Override
      public TypeFacts returnType() {
        Optional<ResolvedMethodDeclaration> r = Optional.empty();
        try {
          r = resolve(m);
          if (r.isPresent()) {
            return SourceTypeFacts.resolved(r.get().getReturnType());
          }
        } catch (RuntimeException | StackOverflowError e) {
          // A module method whose declared return type does not resolve (a jar the audit lacks): known by name.
          String written = r.flatMap(SourceResolver::writtenReturnType).orElse(null);
          if (written != null) {
            return SourceTypeFacts.undeclared(written);
          }
        }
        MethodDeclaration d = sameFileMethod(m);
        if (d == null) {
          // The solver gave up on the call (a type in its declaration is in a jar the audit lacks), but the
          // receiver's type is a source type of the module: its declaration writes what the method returns.
          String written = writtenReturnTypeOf(receiverSourceMethod(m)).orElse(null);
          return written == null ? null : SourceTypeFacts.undeclared(written);
        }
        return d.getType().isVoidType() ? null : named(qualify(d.getType().asString(), d));
      }

      @Override
      public boolean isStatic() {
        return callee(m).isStatic();
      }

      @Override
      public BooleanArg booleanArgument(int index) {
        if (index >= m.getArguments().size()) {
          return BooleanArg.NOT_BOOLEAN;
        }
        Expression a = SourceLowering.strip(m.getArgument(index));
        Boolean constant = BooleanConstants.valueOf(a);
        if (constant != null) {
          return constant ? BooleanArg.TRUE : BooleanArg.FALSE;
        }
        return isBoolean(a) ? BooleanArg.NOT_CONSTANT : BooleanArg.NOT_BOOLEAN;
      }
    };
  }

  /**
   * The return type a source declaration writes, qualified through its own file's imports (another file of the
   * module), or empty for a void method or one that is not a source declaration.
   */
  private static Optional<String> writtenReturnType(ResolvedMethodDeclaration r) {
    try {
      return writtenReturnTypeOf(r.toAst().filter(n -> n instanceof MethodDeclaration).map(n -> (MethodDeclaration) n));
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  /** The single method of the call's name and arity that the receiver's source type declares, if any. */
  private Optional<MethodDeclaration> receiverSourceMethod(MethodCallExpr m) {
    try {
      if (m.getScope().isEmpty() || m.getScope().get() instanceof ThisExpr) {
        return inheritedSourceMethod(m);
      }
      ResolvedType t = facade.getType(m.getScope().get());
      if (!t.isReferenceType()) {
        return Optional.empty();
      }
      return onlyMethod(t.asReferenceType().getTypeDeclaration().flatMap(d -> d.toAst()), m, false);
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  /**
   * For a call on {@code this} that no type of this file declares ({@code beginTx()} in a DAO whose base class in
   * another file has it): the single method of its name and arity in the nearest source superclass that has one.
   */
  private Optional<MethodDeclaration> inheritedSourceMethod(MethodCallExpr m) {
    for (TypeDeclaration<?> t : sourceSuperclasses(m)) {
      Optional<MethodDeclaration> d = onlyMethod(Optional.of(t), m, false);
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  /** Per class of this file, its source superclasses ({@link #sourceSuperclasses}). */
  private final Map<ClassOrInterfaceDeclaration, List<TypeDeclaration<?>>> superclasses = new HashMap<>();

  /** The source declarations of the superclasses of the class around {@code at}, nearest first (four at most). */
  private List<TypeDeclaration<?>> sourceSuperclasses(Node at) {
    ClassOrInterfaceDeclaration start = at instanceof ClassOrInterfaceDeclaration c ? c
        : at.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null);
    if (start == null || start.getExtendedTypes().isEmpty()) {
      return List.of();
    }
    return superclasses.computeIfAbsent(start, this::solveSourceSuperclasses);
  }

  private List<TypeDeclaration<?>> solveSourceSuperclasses(ClassOrInterfaceDeclaration start) {
    List<TypeDeclaration<?>> out = new ArrayList<>();
    Node type = start;
    try {
      while (out.size() < 4 && type instanceof ClassOrInterfaceDeclaration c && !c.getExtendedTypes().isEmpty()) {
        type = sourceTypeNamed(TYPE_ARGUMENTS.matcher(c.getExtendedTypes(0).asString()).replaceAll("").trim(), c)
            .orElse(null);
        if (type instanceof TypeDeclaration<?> t) {
          out.add(t);
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      // what was found so far
    }
    return out;
  }

  private static Optional<String> writtenReturnTypeOf(Optional<MethodDeclaration> declaration) {
    try {
      return declaration.filter(d -> !d.getType().isVoidType()).map(d -> {
            String simple = TYPE_ARGUMENTS.matcher(d.getType().asString()).replaceAll("").trim();
            if (simple.contains(".")) {
              return simple;
            }
            return d.findCompilationUnit().flatMap(c -> c.getImports().stream()
                .filter(i -> !i.isAsterisk() && !i.isStatic() && i.getName().getIdentifier().equals(simple))
                .map(ImportDeclaration::getNameAsString).findFirst()).orElse(simple);
          });
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  /** The method of this file that {@code m} calls, or null. */
  MethodDeclaration sameFileDeclaration(MethodCallExpr m) {
    return sameFileMethod(m);
  }

  /** A method of this file that the call may target: same name and arity (the solver's answer if it has one). */
  private MethodDeclaration sameFileMethod(MethodCallExpr m) {
    if (sameFileMethods.containsKey(m)) {
      return sameFileMethods.get(m);
    }
    MethodDeclaration d = findSameFileMethod(m);
    sameFileMethods.put(m, d);
    return d;
  }

  private MethodDeclaration findSameFileMethod(MethodCallExpr m) {
    Optional<ResolvedMethodDeclaration> r = resolve(m);
    if (r.isPresent()) {
      try {
        return r.get().toAst().filter(n -> n instanceof MethodDeclaration && n.findCompilationUnit().orElse(null) == cu)
            .map(n -> (MethodDeclaration) n).orElse(null);
      } catch (RuntimeException e) {
        return null;
      }
    }
    // Without the solver: a method of the receiver's type if that type is declared here, else of an enclosing type.
    List<TypeDeclaration<?>> owners = new ArrayList<>();
    if (m.getScope().isPresent() && !(m.getScope().get() instanceof ThisExpr)) {
      SourceTypeFacts t = typeOf(m.getScope().get());
      TypeDeclaration<?> owner = t == null ? null : sameFileType(t.qualifiedName());
      if (owner == null) {
        return null;
      }
      owners.add(owner);
    } else {
      for (Node p = m; p != null; p = p.getParentNode().orElse(null)) {
        if (p instanceof TypeDeclaration<?> t) {
          owners.add(t);
        }
      }
    }
    for (TypeDeclaration<?> owner : owners) {
      List<MethodDeclaration> candidates = new ArrayList<>();
      for (MethodDeclaration d : owner.getMethods()) {
        if (d.getNameAsString().equals(m.getNameAsString()) && d.getParameters().size() == m.getArguments().size()
            && d.getBody().isPresent()) {
          candidates.add(d);
        }
      }
      if (candidates.size() > 1) {
        // Overloads of one arity (isActive(EntityManager), isActive(UserTransaction)): the one whose written parameter
        // types name the arguments' written types, where those are known.
        for (MethodDeclaration d : candidates) {
          if (argumentsMatchWrittenTypes(d, m)) {
            return d;
          }
        }
      }
      if (!candidates.isEmpty()) {
        return candidates.get(0);
      }
    }
    return null;
  }

  /** Whether each argument whose type is known by name has the simple name of the parameter's written type. */
  private boolean argumentsMatchWrittenTypes(MethodDeclaration d, MethodCallExpr m) {
    for (int i = 0; i < m.getArguments().size(); i++) {
      String argument = writtenTypeOfArgument(m.getArgument(i));
      if (argument == null) {
        continue;
      }
      String written = TYPE_ARGUMENTS.matcher(d.getParameter(i).getType().asString()).replaceAll("").trim();
      if (!unboxed(simpleName(written)).equals(unboxed(simpleName(argument)))) {
        return false;
      }
    }
    return true;
  }

  /** An argument's type by name: a literal's, a variable's written type, or what the solver or the names give. */
  private String writtenTypeOfArgument(Expression a) {
    Expression e = SourceLowering.strip(a);
    if (e instanceof com.github.javaparser.ast.expr.LiteralExpr) {
      return e.isStringLiteralExpr() || e.isTextBlockLiteralExpr() ? "String" : e.isBooleanLiteralExpr() ? "boolean"
          : e.isIntegerLiteralExpr() ? "int" : e.isLongLiteralExpr() ? "long" : e.isCharLiteralExpr() ? "char"
          : e.isDoubleLiteralExpr() ? "double" : null;
    }
    if (e instanceof NameExpr n) {
      Node d = declarationOf(n.getNameAsString(), n);
      Type written = d instanceof VariableDeclarator v ? v.getType() : d instanceof Parameter p ? p.getType() : null;
      if (written != null && !written.isVarType() && !written.isUnknownType()) {
        return TYPE_ARGUMENTS.matcher(written.asString()).replaceAll("").trim();
      }
    }
    SourceTypeFacts t = typeOf(e);
    return t == null ? null : t.qualifiedName();
  }

  private static String simpleName(String type) {
    return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
  }

  private static String unboxed(String simpleName) {
    return switch (simpleName) {
      case "Integer" -> "int";
      case "Boolean" -> "boolean";
      case "Long" -> "long";
      case "Character" -> "char";
      case "Double" -> "double";
      default -> simpleName;
    };
  }

  CalleeInfo callee(MethodCallExpr m) {
    MethodDeclaration local = sameFileMethod(m);
    Optional<ResolvedMethodDeclaration> r = resolve(m);
    boolean isStatic = r.map(ResolvedMethodDeclaration::isStatic).orElse(
        local != null ? local.isStatic() : m.getScope().map(this::isTypeName).orElse(false));
    List<ThrownType> thrown = new ArrayList<>();
    if (r.isPresent()) {
      try {
        for (ResolvedType t : r.get().getSpecifiedExceptions()) {
          ThrownType tt = thrownType(t);
          if (tt != null) {
            thrown.add(tt);
          }
        }
      } catch (RuntimeException | StackOverflowError e) {
        // unknown exceptions: none declared
      }
    } else if (local != null) {
      thrown.addAll(writtenThrows(local));
    }
    String id = local != null ? bodyId(local, local.getNameAsString()) : null;
    if (id == null && local == null && r.isPresent()) {
      try {
        id = r.get().toAst().filter(n -> n instanceof MethodDeclaration).map(n -> bodyId((MethodDeclaration) n,
            m.getNameAsString())).orElse(null);
      } catch (RuntimeException | StackOverflowError e) {
        id = null; // not a source declaration
      }
    }
    if (local == null && r.isEmpty()) {
      // The solver gives up on a call whose argument types are in a jar the audit lacks (Tx.start(session) without
      // Hibernate), or whose method declares a thrown or returned type there (jPOS-EE's DB.close() throws
      // HibernateException; Jpa.newTransactionalEm() returns EntityManager),
      // though Error Prone resolves it: a module type's only method of that name and arity is the callee. (Only
      // then: where the solver fails for other reasons, the name rules keep deciding, as they always have.)
      boolean argumentMissing = anArgumentTypeIsMissing(m);
      Optional<MethodDeclaration> byArity = m.getScope().filter(this::isTypeName).isPresent()
          ? staticSourceMethod(m.getScope().get(), m) : receiverSourceMethod(m);
      if (byArity.isPresent() && (argumentMissing || throwsAMissingType(byArity.get())
          || returnsAMissingType(byArity.get()))) {
        id = bodyId(byArity.get(), m.getNameAsString());
        isStatic = byArity.get().isStatic();
        thrown.addAll(writtenThrows(byArity.get()));
      }
    }
    return new CalleeInfo(id, isStatic, thrown);
  }

  /** Whether the declaration says it throws a type that does not resolve (declared in a jar the audit lacks). */
  private boolean throwsAMissingType(CallableDeclaration<?> d) {
    for (var written : d.getThrownExceptions()) {
      try {
        facade.convertToUsage(written);
      } catch (RuntimeException | StackOverflowError e) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the declaration returns a type that does not resolve (a module wrapper returning JPA's
   * {@code EntityManager} without the JPA jar): the solver gives up on its calls.
   */
  private boolean returnsAMissingType(MethodDeclaration d) {
    if (d.getType().isVoidType() || d.getType().isPrimitiveType()) {
      return false;
    }
    try {
      facade.convertToUsage(d.getType());
      return false;
    } catch (RuntimeException | StackOverflowError e) {
      return true;
    }
  }

  /** Whether an argument's type is known by name only (declared in a jar the audit does not have). */
  private boolean anArgumentTypeIsMissing(MethodCallExpr m) {
    for (Expression a : m.getArguments()) {
      if (typeIsMissing(a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the expression's type is known by name only, or is a member of a value whose type is: OFBiz's
   * {@code begin(modelService.transactionTimeout)} where {@code ModelService} is in no jar and no source.
   */
  private boolean typeIsMissing(Expression a) {
    Expression e = SourceLowering.strip(a);
    SourceTypeFacts t = typeOf(e);
    if (t != null) {
      return t.byName;
    }
    if (e instanceof com.github.javaparser.ast.expr.FieldAccessExpr fa) {
      return typeIsMissing(fa.getScope());
    }
    return e instanceof MethodCallExpr call && call.getScope().isPresent() && typeIsMissing(call.getScope().get());
  }

  /** The only static method of the call's name and arity that the module type named by {@code scope} declares. */
  private Optional<MethodDeclaration> staticSourceMethod(Expression scope, MethodCallExpr m) {
    try {
      return onlyMethod(sourceTypeNamed(scope.toString(), m), m, true);
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  /** The source declaration of the type written {@code name} at {@code at} (imports, then this package), if any. */
  private Optional<Node> sourceTypeNamed(String name, Node at) {
    String q = qualify(name, at);
    var found = facade.getTypeSolver().tryToSolveType(q);
    if (!found.isSolved() && !q.contains(".")) {
      String pkg = cu.getPackageDeclaration().map(pd -> pd.getNameAsString() + ".").orElse("");
      found = facade.getTypeSolver().tryToSolveType(pkg + q);
    }
    return found.isSolved() ? found.getCorrespondingDeclaration().toAst() : Optional.empty();
  }

  /**
   * The single method of {@code m}'s name and arity (static only, if asked) that a source type declares; of several
   * (overloads of one arity), the single one whose written parameter types name the arguments' known types.
   */
  private Optional<MethodDeclaration> onlyMethod(Optional<Node> type, MethodCallExpr m, boolean staticOnly) {
    List<MethodDeclaration> found = type.filter(n -> n instanceof TypeDeclaration<?>)
        .map(n -> ((TypeDeclaration<?>) n).getMethodsByName(m.getNameAsString()).stream()
            .filter(d -> (!staticOnly || d.isStatic()) && d.getParameters().size() == m.getArguments().size())
            .toList())
        .orElse(List.of());
    if (found.size() > 1) {
      found = found.stream().filter(d -> argumentsMatchWrittenTypes(d, m)).toList();
    }
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /** What a declaration says it throws, as written (its types need not resolve). */
  private List<ThrownType> writtenThrows(CallableDeclaration<?> d) {
    List<ThrownType> out = new ArrayList<>();
    for (var written : d.getThrownExceptions()) {
      ThrownType t = thrownTypeOf(written);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * The no-argument {@code close()} that a try-with-resources calls on a resource declared with {@code type} (its
   * initializer for {@code var}) or given as the expression {@code value}: a call like any other, so a module
   * {@code close()} with a body may be a closer. Null when the type or its {@code close()} does not resolve.
   */
  CalleeInfo resourceClose(com.github.javaparser.ast.type.Type type, Expression value) {
    try {
      ResolvedType t = type == null || type.isVarType() ? facade.getType(value) : facade.convertToUsage(type);
      if (t == null || !t.isReferenceType()) {
        return null;
      }
      var ref = t.asReferenceType();
      List<com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration> owners = new ArrayList<>();
      ref.getTypeDeclaration().ifPresent(owners::add);
      try {
        for (var a : ref.getAllAncestors()) {
          a.getTypeDeclaration().ifPresent(owners::add);
        }
      } catch (RuntimeException | StackOverflowError e) {
        // an ancestor in a jar the audit lacks: the type's own close() (and those of the ancestors found) still count
      }
      for (var owner : owners) {
        for (ResolvedMethodDeclaration m : owner.getDeclaredMethods()) {
          if (m.getName().equals("close") && m.getNumberOfParams() == 0 && !m.isStatic() && !m.isAbstract()) {
            MethodDeclaration d = m.toAst().filter(n -> n instanceof MethodDeclaration)
                .map(n -> (MethodDeclaration) n).orElse(null);
            String id = d == null ? null : bodyId(d, "close");
            if (id == null) {
              return null;
            }
            // As written: jPOS-EE's close() throws HibernateException, which need not resolve.
            return new CalleeInfo(id, false, writtenThrows(d));
          }
        }
      }
      return null;
    } catch (RuntimeException | StackOverflowError e) {
      return null; // the resource's type or its close() does not resolve: no call to follow
    }
  }

  /**
   * The id of the constructor that {@code new} calls: of this file (by class name and arity), or of another file of the
   * module (resolved); null when it has no body here.
   */
  String constructorId(com.github.javaparser.ast.expr.ObjectCreationExpr n) {
    String type = n.getType().getNameAsString();
    List<ConstructorDeclaration> found = constructors().getOrDefault(type + "/" + n.getArguments().size(), List.of());
    if (found.size() == 1) {
      return bodyId(found.get(0), "new " + type);
    }
    if (!found.isEmpty() || module == null || !module.index().mayMatter("new " + type)) {
      return null;
    }
    try {
      return facade.solve(n).getCorrespondingDeclaration().toAst()
          .filter(d -> d instanceof ConstructorDeclaration)
          .map(d -> bodyId((ConstructorDeclaration) d, "new " + type)).orElse(null);
    } catch (RuntimeException | StackOverflowError e) {
      return null; // unresolved: no body
    }
  }

  /** This file's constructors by "Name/arity", in file order: one walk of the file rather than one per {@code new}. */
  private Map<String, List<ConstructorDeclaration>> constructors() {
    if (constructorsByKey == null) {
      constructorsByKey = new HashMap<>();
      for (ConstructorDeclaration c : cu.findAll(ConstructorDeclaration.class)) {
        constructorsByKey.computeIfAbsent(c.getNameAsString() + "/" + c.getParameters().size(), k -> new ArrayList<>())
            .add(c);
      }
    }
    return constructorsByKey;
  }

  static String methodId(CallableDeclaration<?> d) {
    String owner = d.findAncestor(TypeDeclaration.class)
        .map(t -> ((TypeDeclaration<?>) t).getFullyQualifiedName().orElse(t.getNameAsString())).orElse("?");
    // With the written parameter types: overloads of one arity (isActive(EntityManager), isActive(UserTransaction))
    // are distinct bodies, as in Error Prone's ids.
    StringBuilder params = new StringBuilder();
    for (var p : d.getParameters()) {
      params.append(params.length() == 0 ? "" : ",").append(p.getType().asString()).append(p.isVarArgs() ? "..." : "");
    }
    return owner + "#" + d.getNameAsString() + "/" + d.getParameters().size() + "(" + params + ")";
  }

  List<ThrownType> thrownByConstructor(ObjectCreationExpr n) {
    return constructorThrows.computeIfAbsent(n, this::solveConstructorThrows);
  }

  private List<ThrownType> solveConstructorThrows(ObjectCreationExpr n) {
    if (noConstructorThrows(n)) {
      return List.of();
    }
    try {
      List<ThrownType> out = new ArrayList<>();
      for (ResolvedType t : facade.solve(n).getCorrespondingDeclaration().getSpecifiedExceptions()) {
        ThrownType tt = thrownType(t);
        if (tt != null) {
          out.add(tt);
        }
      }
      return List.copyOf(out);
    } catch (RuntimeException | StackOverflowError e) {
      return List.of();
    }
  }

  /**
   * Whether no constructor of the created type declares an exception: then whichever the solver would pick throws none,
   * and its overload resolution (the arguments' types, each candidate's parameter types) is not needed. It was a tenth
   * of the audit of a large file. False when the type does not resolve: the full resolution decides then.
   */
  private boolean noConstructorThrows(ObjectCreationExpr n) {
    if (n.getScope().isPresent()) {
      return false;
    }
    try {
      ResolvedType t = facade.convertToUsage(n.getType());
      if (!t.isReferenceType()) {
        return false;
      }
      var decl = t.asReferenceType().getTypeDeclaration().orElse(null);
      return decl != null && decl.isClass()
          && decl.getConstructors().stream().allMatch(c -> c.getNumberOfSpecifiedExceptions() == 0);
    } catch (RuntimeException | StackOverflowError e) {
      return false;
    }
  }

  /** The simple name of the enum constant {@code e} denotes ({@code TX}, {@code Mode.TX}), or null. */
  String enumConstantName(Expression e) {
    if (!(e instanceof NameExpr || e instanceof FieldAccessExpr)) {
      return null;
    }
    try {
      var ref = e instanceof NameExpr n ? facade.solve(n) : facade.solve((FieldAccessExpr) e);
      if (ref.isSolved() && ref.getCorrespondingDeclaration().isEnumConstant()) {
        return ref.getCorrespondingDeclaration().getName();
      }
    } catch (RuntimeException | StackOverflowError ex) {
      // unresolved: not known to be a constant (the benign reading: no context)
    }
    return null;
  }

  /** A read of a value that a {@code ThreadLocal}, collection or map keeps: {@code holder.get()}, {@code map.get(k)}. */
  boolean readsKept(MethodCallExpr m) {
    if (m.getScope().isEmpty() || !KeptReads.isReadName(m.getNameAsString())) {
      return false;
    }
    SourceTypeFacts t = typeOf(m.getScope().get());
    if (t == null) {
      return false;
    }
    if (!t.byName) {
      return KeptReads.HOLDER_TYPES.stream().anyMatch(t::isSubtypeOf);
    }
    return KeptReads.HOLDER_SIMPLE_NAMES.contains(t.qualifiedName().substring(t.qualifiedName().lastIndexOf('.') + 1));
  }

  boolean storesArguments(MethodCallExpr m) {
    if (m.getScope().isEmpty()) {
      return false;
    }
    String n = m.getNameAsString();
    if (n.equals("set")) {
      SourceTypeFacts t = typeOf(m.getScope().get());
      if (t != null && (t.byName ? t.qualifiedName().endsWith("ThreadLocal") : t.isSubtypeOf("java.lang.ThreadLocal"))) {
        return true;
      }
    }
    if (!(n.startsWith("add") || n.startsWith("put") || n.equals("set") || n.startsWith("offer") || n.equals("push")
        || n.startsWith("compute") || n.equals("merge") || n.equals("replace"))) {
      return false;
    }
    SourceTypeFacts t = typeOf(m.getScope().get());
    if (t == null) {
      return false;
    }
    if (!t.byName) {
      return t.isSubtypeOf("java.util.Collection") || t.isSubtypeOf("java.util.Map");
    }
    String simple = t.qualifiedName().substring(t.qualifiedName().lastIndexOf('.') + 1);
    return Set.of("List", "ArrayList", "LinkedList", "Set", "HashSet", "TreeSet", "LinkedHashSet", "Map", "HashMap",
        "TreeMap", "LinkedHashMap", "Collection", "Queue", "Deque", "ArrayDeque", "ConcurrentHashMap",
        "ConcurrentMap", "Stack", "Vector").contains(simple);
  }

  /** The qualified name of the class a static protocol call is made on ({@code io.ebean.DB}). */
  String staticOwner(MethodCallExpr m) {
    Optional<ResolvedMethodDeclaration> r = resolve(m);
    if (r.isPresent()) {
      try {
        return r.get().declaringType().getQualifiedName();
      } catch (RuntimeException e) {
        // fall through
      }
    }
    return m.getScope().map(s -> qualify(s.toString(), m)).orElse("this");
  }

  // ---------------------------------------------------------------- exceptions

  ThrownType thrownTypeOf(Expression thrown) {
    try {
      ThrownType t = thrownType(facade.getType(SourceLowering.strip(thrown)));
      if (t != null) {
        return t;
      }
    } catch (RuntimeException | StackOverflowError e) {
      // fall back
    }
    Expression s = SourceLowering.strip(thrown);
    if (s instanceof ObjectCreationExpr o) {
      return namedException(qualify(o.getType().getNameAsString(), o));
    }
    if (s instanceof NameExpr n) {
      Node d = declarationOf(n.getNameAsString(), n);
      if (d instanceof Parameter p) {
        return thrownTypeOf(p.getType());
      }
      if (d instanceof VariableDeclarator v) {
        return thrownTypeOf(v.getType());
      }
    }
    return null;
  }

  ThrownType thrownTypeOf(Type type) {
    if (type instanceof UnionType union) {
      return unionOf(union);
    }
    try {
      ThrownType t = thrownType(facade.convertToUsage(type));
      if (t != null) {
        return t;
      }
    } catch (RuntimeException | StackOverflowError e) {
      // fall back
    }
    return namedException(qualify(type.asString(), type));
  }

  /**
   * A rethrown multi-catch parameter ({@code catch (A | B e) { ... throw e; }}): what its alternatives have in common,
   * named by them, checked if any of them is. Catches match it by the shared supertypes, as javac's least upper bound.
   */
  private ThrownType unionOf(UnionType union) {
    Set<String> common = null;
    boolean checked = false;
    List<String> names = new ArrayList<>();
    for (ReferenceType alt : union.getElements()) {
      ThrownType t = thrownTypeOf(alt);
      names.add(t.name());
      checked |= t.checked();
      if (common == null) {
        common = new HashSet<>(t.supertypes());
      } else {
        common.retainAll(t.supertypes());
      }
    }
    return new ThrownType(String.join(" | ", names), common == null ? Set.of() : common, checked);
  }

  /** An exception type known by name only: the JDK's own resolve by reflection; others are taken as unchecked. */
  private ThrownType namedException(String qualified) {
    ThrownType known = exceptionsByName.get(qualified);
    if (known != null) {
      if (unresolvedExceptions.contains(qualified)) {
        noteUnresolved(qualified); // remembered for the file, noted again for this unit
      }
      return known;
    }
    ThrownType t = loadException(qualified);
    exceptionsByName.put(qualified, t);
    return t;
  }

  private ThrownType loadException(String qualified) {
    try {
      Class<?> c = Class.forName(qualified, false, ClassLoader.getPlatformClassLoader());
      Set<String> supers = new HashSet<>();
      for (Class<?> k = c; k != null; k = k.getSuperclass()) {
        supers.add(k.getName());
      }
      boolean checked = !supers.contains(ThrownType.RUNTIME_EXCEPTION) && !supers.contains("java.lang.Error");
      return new ThrownType(qualified, supers, checked);
    } catch (ClassNotFoundException | LinkageError e) {
      unresolvedExceptions.add(qualified);
      noteUnresolved(qualified);
      if (ProtocolRegistry.isCheckedApiException(qualified)) {
        return new ThrownType(qualified, Set.of(qualified, ThrownType.EXCEPTION, ThrownType.THROWABLE), true);
      }
      return new ThrownType(qualified,
          Set.of(qualified, ThrownType.RUNTIME_EXCEPTION, ThrownType.EXCEPTION, ThrownType.THROWABLE), false);
    }
  }

  private ThrownType thrownType(ResolvedType type) {
    if (type == null || !type.isReferenceType()) {
      return null;
    }
    var ref = type.asReferenceType();
    ThrownType known = resolvedExceptions.get(ref.getQualifiedName());
    if (known != null) {
      return known;
    }
    ThrownType t = thrownTypeOfReference(ref);
    resolvedExceptions.put(ref.getQualifiedName(), t);
    return t;
  }

  private ThrownType thrownTypeOfReference(com.github.javaparser.resolution.types.ResolvedReferenceType ref) {
    Set<String> supers = new HashSet<>();
    supers.add(ref.getQualifiedName());
    try {
      ref.getAllAncestors().forEach(a -> supers.add(a.getQualifiedName()));
    } catch (RuntimeException e) {
      return namedException(ref.getQualifiedName());
    }
    boolean checked = !supers.contains(ThrownType.RUNTIME_EXCEPTION) && !supers.contains("java.lang.Error");
    return new ThrownType(ref.getQualifiedName(), supers, checked);
  }
}
