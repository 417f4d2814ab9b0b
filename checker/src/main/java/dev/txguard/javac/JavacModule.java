package dev.txguard.javac;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.CompileStates;
import com.sun.tools.javac.comp.Env;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.util.Context;
import dev.txguard.analysis.ModuleBodies;
import dev.txguard.analysis.ModuleSummaries;
import dev.txguard.graph.FlowGraph;
import dev.txguard.module.ModuleIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The module of one javac invocation (semantics: "The module", settled detail 16): every compilation unit javac
 * attributed in it. Holds the name index built from all of them, the module-wide summary cache, and lowers a callee's
 * body from another compilation unit on demand. With {@code -XDcompilePolicy=simple} (what the README prescribes)
 * every unit is attributed, and none desugared, before Error Prone runs; a unit in any other state has no bodies here.
 */
final class JavacModule implements ModuleBodies {
  /** Kept in the compilation's own context, so it lives and dies with the compilation. */
  private static final Context.Key<Holder> KEY = new Context.Key<>();

  private static final class Holder {
    JavacModule module;
  }

  private final Context context;
  private final TxguardConfig config;
  private final VisitorState state;
  private final ModuleIndex index;
  final ModuleSummaries summaries;
  private final Map<String, Symbol.MethodSymbol> callees = new HashMap<>();
  private final Map<CompilationUnitTree, JavacLowering> lowerings = new IdentityHashMap<>();
  private final JavacTypeFacts.Cache typeCache;

  private JavacModule(VisitorState state, TxguardConfig config) {
    this.context = state.context;
    this.config = config;
    this.state = state;
    this.index = buildIndex(state.context, config);
    this.summaries = new ModuleSummaries(config.analysisOptions);
    this.typeCache = new JavacTypeFacts.Cache(state.getTypes());
  }

  /** The module of the compilation {@code state} belongs to, built on first use. */
  static JavacModule of(VisitorState state, TxguardConfig config) {
    synchronized (KEY) {
      Holder h = state.context.get(KEY);
      if (h == null) {
        h = new Holder();
        state.context.put(KEY, h);
      }
      if (h.module == null || !h.module.config.equals(config)) {
        h.module = new JavacModule(state, config);
      }
      return h.module;
    }
  }

  /** Per compilation unit, the names called anywhere in it (as the index records them). */
  private final Map<CompilationUnitTree, Set<String>> fileNames = new IdentityHashMap<>();

  private ModuleIndex buildIndex(Context context, TxguardConfig config) {
    List<ModuleIndex.Method> methods = new ArrayList<>();
    Set<CompilationUnitTree> units = Collections.newSetFromMap(new IdentityHashMap<>());
    Enter enter = Enter.instance(context);
    for (Symbol.ClassSymbol c : Symtab.instance(context).getAllClasses()) {
      Env<AttrContext> env = c.sourcefile == null ? null : enter.getEnv(c);
      if (env != null && env.toplevel != null) {
        units.add(env.toplevel); // every class javac entered from a source file of this invocation
      }
    }
    for (CompilationUnitTree cu : units) {
      fileNames.put(cu, JavacModuleScan.scan(cu, methods, config.registry));
    }
    return ModuleIndex.build(methods, config.registry);
  }

  /**
   * Whether no unit of {@code cu} can be selected: no name called in it may begin (the index's names are a superset of
   * the selection's). Such a file needs no walk of its own. False for a file the index did not scan.
   */
  boolean quiet(CompilationUnitTree cu) {
    Set<String> names = fileNames.get(cu);
    return names != null && names.stream().noneMatch(index::selects);
  }

  /** Whether a call of this name may begin a transaction through a module method (the unit is worth analysing). */
  boolean selects(String calledName) {
    return index.selects(calledName);
  }

  /**
   * The callee id of a call of {@code sym} whose body the analysis may read, or null (then the name rules apply): a
   * method or constructor with a body in {@code sameFile}'s classes, or in another compilation unit of the module when
   * a method of its name may matter (the index).
   */
  String calleeId(Symbol.MethodSymbol sym, Set<Symbol.ClassSymbol> sameFile) {
    if ((sym.flags() & (Flags.ABSTRACT | Flags.NATIVE)) != 0 || sym.enclClass() == null) {
      return null;
    }
    boolean local = sameFile.contains(sym.enclClass());
    if (!local) {
      String name = sym.isConstructor() ? "new " + sym.enclClass().getSimpleName() : sym.getSimpleName().toString();
      if (!index.mayMatter(name) || sym.enclClass().sourcefile == null || attributedEnv(sym) == null) {
        return null;
      }
    } else if ((sym.enclClass().flags() & Flags.INTERFACE) != 0 && (sym.flags() & Flags.DEFAULT) == 0
        && !sym.isStatic() && (sym.flags() & Flags.PRIVATE) == 0) {
      return null;
    }
    String id = JavacLowering.methodId(sym);
    callees.putIfAbsent(id, sym);
    return id;
  }

  /** The env of the class declaring {@code sym}, if javac attributed it and has not desugared it yet. */
  private Env<AttrContext> attributedEnv(Symbol.MethodSymbol sym) {
    Symbol.ClassSymbol outer = sym.outermostClass();
    Env<AttrContext> env = Enter.instance(context).getEnv(outer);
    if (env == null) {
      return null;
    }
    CompileStates states = CompileStates.instance(context);
    if (!states.isDone(env, CompileStates.CompileState.ATTR) || states.isDone(env, CompileStates.CompileState.TRANSTYPES)) {
      return null;
    }
    return env;
  }

  @Override
  public boolean mayBegin(String methodName, int arguments) {
    return index.mayBegin(methodName, arguments);
  }

  @Override
  public FlowGraph body(String id) {
    Symbol.MethodSymbol sym = callees.get(id);
    if (sym == null) {
      return null;
    }
    TreePath path = JavacTrees.instance(context).getPath(sym);
    if (path == null || !(path.getLeaf() instanceof MethodTree m) || m.getBody() == null) {
      return null;
    }
    CompilationUnitTree cu = path.getCompilationUnit();
    JavacLowering lowering = lowerings.computeIfAbsent(cu, this::loweringFor);
    String name = (sym.isConstructor() ? sym.enclClass().getSimpleName().toString() : m.getName().toString()) + "()";
    return lowering.lowerMethod(m, name, id, config.buildOptions);
  }

  /** The declaration of {@code sym} with its body, or null. */
  MethodTree methodTree(Symbol.MethodSymbol sym) {
    TreePath path = JavacTrees.instance(context).getPath(sym);
    return path != null && path.getLeaf() instanceof MethodTree m && m.getBody() != null ? m : null;
  }

  /** The type facts of this compilation, shared by every unit's lowering. */
  JavacTypeFacts.Cache typeCache() {
    return typeCache;
  }

  /** A lowering for {@code cu}: its own sites and same-file classes, the module's types. */
  JavacLowering loweringFor(CompilationUnitTree cu) {
    VisitorState there = state.withPath(new TreePath(cu));
    Set<Symbol.ClassSymbol> classes = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree c, Void unused) {
        Symbol.ClassSymbol s = ASTHelpers.getSymbol(c);
        if (s != null) {
          classes.add(s);
        }
        return super.visitClass(c, null);
      }
    }.scan(cu, null);
    return new JavacLowering(there, config.registry, typeCache, classes, new SiteFactory(there, cu), new FixFacts(),
        this);
  }
}
