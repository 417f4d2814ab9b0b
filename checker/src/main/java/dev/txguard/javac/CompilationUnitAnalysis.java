package dev.txguard.javac;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import dev.txguard.analysis.Finding;
import dev.txguard.analysis.UnitSetAnalysis;
import dev.txguard.graph.FlowGraph;
import dev.txguard.graph.GraphTooLargeException;
import dev.txguard.module.ModuleIndex;
import dev.txguard.protocol.ProtocolRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The analysis of one compilation unit, computed once and shared by both checks: finds the units (methods,
 * constructors, lambdas, initializers) that can begin a transaction and the same-file methods they call, lowers them,
 * and runs {@link UnitSetAnalysis}. A unit whose lowering or analysis fails is recorded as failed; the others go on.
 */
final class CompilationUnitAnalysis {
  /** The outcome for one unit, attached to the member (method or class) that reports it. */
  /**
   * What became of one unit: its findings, or why it has none. {@code failure} is an internal error when
   * {@code incomplete} is false, and otherwise the limit that kept the unit from being fully analysed.
   */
  record UnitOutcome(Tree member, Tree unit, String unitName, List<Finding> findings, String failure,
      boolean incomplete) {}

  private static final Map<CompilationUnitTree, CompilationUnitAnalysis> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  final TxguardConfig config;
  final SiteFactory sites;
  final FixFacts fixFacts = new FixFacts();
  final CompilationUnitTree cu;
  private final IdentityHashMap<Tree, List<UnitOutcome>> byMember = new IdentityHashMap<>();

  private CompilationUnitAnalysis(CompilationUnitTree cu, VisitorState state, TxguardConfig config) {
    this.cu = cu;
    this.config = config;
    this.sites = new SiteFactory(state, cu);
  }

  /** The analysis of the compilation unit {@code state} is in, computed on first use. */
  static CompilationUnitAnalysis of(VisitorState state, TxguardConfig config) {
    CompilationUnitTree cu = state.getPath().getCompilationUnit();
    synchronized (CACHE) {
      CompilationUnitAnalysis a = CACHE.get(cu);
      if (a == null || !a.config.equals(config)) {
        a = new CompilationUnitAnalysis(cu, state, config);
        a.run(state);
        CACHE.put(cu, a);
      }
      return a;
    }
  }

  List<UnitOutcome> outcomesFor(Tree member) {
    return byMember.getOrDefault(member, List.of());
  }

  // ---------------------------------------------------------------- collection

  /** A unit found in the tree, with the names it calls directly. */
  private static final class UnitRef {
    final Tree unit;
    final Tree member;
    final String name;
    final String id;
    final String methodName;
    final Set<String> calls = new HashSet<>();

    UnitRef(Tree unit, Tree member, String name, String id, String methodName) {
      this.unit = unit;
      this.member = member;
      this.name = name;
      this.id = id;
      this.methodName = methodName;
    }
  }

  private void run(VisitorState state) {
    try {
      analyse(state);
    } catch (RuntimeException | StackOverflowError e) {
      // Reported once, on the file's first type, rather than once per method.
      if (!cu.getTypeDecls().isEmpty()) {
        Tree first = cu.getTypeDecls().get(0);
        byMember.put(first, List.of(new UnitOutcome(first, first, "this file", List.of(), describe(e), false)));
      }
    }
  }

  private void analyse(VisitorState state) {
    ProtocolRegistry registry = config.registry;
    JavacModule module = JavacModule.of(state, config);
    if (module.quiet(cu)) {
      return; // most files of a module: nothing in them can begin
    }
    List<UnitRef> units = new ArrayList<>();
    Set<Symbol.ClassSymbol> classes = new HashSet<>();
    collect(units, classes);

    // Units that may begin, directly or through module methods (the module's name index covers this file's too).
    Set<UnitRef> selected = new HashSet<>();
    for (UnitRef u : units) {
      if (u.calls.stream().anyMatch(module::selects)) {
        selected.add(u);
      }
    }
    if (selected.isEmpty()) {
      return;
    }

    JavacLowering lowering = new JavacLowering(state, registry, module.typeCache(), classes, sites, fixFacts, module);
    List<FlowGraph> graphs = new ArrayList<>();
    IdentityHashMap<FlowGraph, UnitRef> refs = new IdentityHashMap<>();
    for (UnitRef u : units) {
      if (!selected.contains(u)) {
        continue;
      }
      try {
        if (config.failOnMethod != null && config.failOnMethod.equals(u.methodName)) {
          throw new IllegalStateException("failure requested by -XepOpt:" + TxguardConfig.FL_FAIL_ON);
        }
        FlowGraph g = lower(lowering, u);
        graphs.add(g);
        refs.put(g, u);
      } catch (GraphTooLargeException e) {
        record(u, List.of(), e.getMessage(), true);
      } catch (RuntimeException | StackOverflowError e) {
        record(u, List.of(), describe(e), false);
      }
    }
    List<UnitSetAnalysis.UnitResult> results;
    try {
      results = new UnitSetAnalysis(module.summaries, module).analyze(graphs);
    } catch (RuntimeException | StackOverflowError e) {
      for (FlowGraph g : graphs) {
        record(refs.get(g), List.of(), describe(e), false);
      }
      return;
    }
    for (UnitSetAnalysis.UnitResult r : results) {
      UnitRef u = refs.get(r.graph());
      if (r.failure() != null) {
        record(u, List.of(), r.failure(), true); // over its budget: said, as the audit does, not dropped silently
        continue;
      }
      record(u, r.findings(), null, false);
    }
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private void record(UnitRef u, List<Finding> findings, String failure, boolean incomplete) {
    if (findings.isEmpty() && failure == null) {
      return;
    }
    byMember.computeIfAbsent(u.member, k -> new ArrayList<>())
        .add(new UnitOutcome(u.member, u.unit, u.name, findings, failure, incomplete));
  }

  private FlowGraph lower(JavacLowering lowering, UnitRef u) {
    if (u.unit instanceof MethodTree m) {
      return lowering.lowerMethod(m, u.name, u.id, config.buildOptions);
    }
    if (u.unit instanceof LambdaExpressionTree l) {
      return lowering.lowerLambda(l, u.name, u.id, config.buildOptions);
    }
    return lowering.lowerInitializer((BlockTree) u.unit, u.name, u.id, config.buildOptions);
  }

  private void collect(List<UnitRef> units, Set<Symbol.ClassSymbol> classes) {
    new TreeScanner<Void, Void>() {
      private final Deque<UnitRef> current = new ArrayDeque<>();
      private final Deque<Tree> members = new ArrayDeque<>();
      private final Deque<String> classNames = new ArrayDeque<>();
      private int lambdas;

      @Override
      public Void visitClass(ClassTree c, Void unused) {
        Symbol.ClassSymbol sym = ASTHelpers.getSymbol(c);
        if (sym != null) {
          classes.add(sym);
        }
        String simple = c.getSimpleName().length() == 0 ? "anonymous class" : c.getSimpleName().toString();
        classNames.push(simple);
        members.push(c);
        Deque<UnitRef> saved = new ArrayDeque<>(current);
        current.clear();
        for (Tree member : c.getMembers()) {
          if (member instanceof BlockTree block) {
            UnitRef u = new UnitRef(block, c, "the initializer of " + simple, "init@" + sites.start(block), null);
            units.add(u);
            current.push(u);
            scan(block, null);
            current.pop();
          } else {
            scan(member, null);
          }
        }
        current.addAll(saved);
        members.pop();
        classNames.pop();
        return null;
      }

      @Override
      public Void visitMethod(MethodTree m, Void unused) {
        if (m.getBody() == null) {
          return null;
        }
        Symbol.MethodSymbol sym = ASTHelpers.getSymbol(m);
        boolean ctor = m.getName().contentEquals("<init>");
        String name = (ctor ? classNames.peek() : m.getName().toString()) + "()";
        String id = sym != null ? JavacLowering.methodId(sym) : "method@" + sites.start(m);
        UnitRef u = new UnitRef(m, m, name, id, ctor ? null : m.getName().toString());
        units.add(u);
        members.push(m);
        current.push(u);
        scan(m.getBody(), null);
        current.pop();
        members.pop();
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree l, Void unused) {
        Tree member = members.peek();
        String outer = current.isEmpty() ? classNames.peek() : current.peek().name;
        UnitRef u = new UnitRef(l, member, "the lambda in " + outer, "lambda@" + sites.start(l) + "#" + lambdas++, null);
        units.add(u);
        current.push(u);
        scan(l.getBody(), null);
        current.pop();
        return null;
      }

      @Override
      public Void visitNewClass(com.sun.source.tree.NewClassTree n, Void unused) {
        if (!current.isEmpty() && n.getClassBody() == null) {
          Symbol sym = ASTHelpers.getSymbol(n);
          if (sym != null) {
            current.peek().calls.add("new " + sym.owner.getSimpleName());
          }
        }
        return super.visitNewClass(n, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree m, Void unused) {
        if (!current.isEmpty()) {
          Symbol.MethodSymbol sym = ASTHelpers.getSymbol(m);
          if (sym != null) {
            current.peek().calls.add(ModuleIndex.callName(config.registry, sym.getSimpleName().toString(),
                m.getArguments().size(),
                () -> m.getArguments().isEmpty() || JavacCallFacts.isConstantFalse(m.getArguments().get(0))));
          }
        }
        return super.visitMethodInvocation(m, null);
      }
    }.scan(cu, null);
  }
}
