package dev.txguard.javac;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.txguard.module.ModuleIndex;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The syntax scan behind {@link ModuleIndex} on javac trees: for each method or constructor body, the simple names it
 * calls and whether it stores a parameter. The same rules as the audit's {@code SourceModuleScan}, on names only.
 */
final class JavacModuleScan {
  /** Calls that keep their argument: a parameter passed to one is stored. */
  static final Set<String> STORING_CALLS =
      Set.of("add", "addAll", "addFirst", "addLast", "offer", "push", "put", "putIfAbsent", "set");

  private JavacModuleScan() {}

  /**
   * Adds an entry per method or constructor with a body in {@code cu} to {@code out}; returns the names called
   * anywhere in the file (in field initializers and initializer blocks too), recorded as the index records them.
   */
  static Set<String> scan(CompilationUnitTree cu, List<ModuleIndex.Method> out,
      dev.txguard.protocol.ProtocolRegistry registry) {
    boolean apiFile = cu.getImports().stream().anyMatch(i -> !i.isStatic()
        && ModuleIndex.isApiImport(i.getQualifiedIdentifier().toString(), registry));
    Fields fields = Fields.of(cu);
    Set<String> fileNames = new HashSet<>();
    new TreeScanner<Void, Void>() {
      private final Deque<String> classes = new ArrayDeque<>();
      private final Deque<Collector> methods = new ArrayDeque<>();

      @Override
      public Void visitClass(ClassTree c, Void unused) {
        classes.push(c.getSimpleName().toString());
        super.visitClass(c, null);
        classes.pop();
        return null;
      }

      @Override
      public Void visitMethod(MethodTree m, Void unused) {
        if (m.getBody() == null) {
          return null;
        }
        boolean ctor = m.getName().contentEquals("<init>");
        Collector c = new Collector(ctor ? "new " + classes.peek() : m.getName().toString());
        for (VariableTree p : m.getParameters()) {
          c.params.add(p.getName().toString());
        }
        methods.push(c);
        scan(m.getBody(), null);
        methods.pop();
        if (!methods.isEmpty()) {
          methods.peek().calls.addAll(c.calls); // as the audit's scan: a body's calls include its nested classes'
          methods.peek().unqualified.addAll(c.unqualified);
        }
        boolean varargs = !m.getParameters().isEmpty() && m.getParameters().get(m.getParameters().size() - 1)
            instanceof com.sun.tools.javac.tree.JCTree.JCVariableDecl last
            && (last.mods.flags & com.sun.tools.javac.code.Flags.VARARGS) != 0; // the parser marks `T... xs`
        out.add(new ModuleIndex.Method(c.name, c.calls, c.unqualified, c.stores,
            varargs ? ModuleIndex.Method.VARARGS : m.getParameters().size(), apiFile));
        return null;
      }

      @Override
      public Void visitVariable(VariableTree v, Void unused) {
        if (!methods.isEmpty()) {
          methods.peek().locals.add(v.getName().toString());
          if (v.getInitializer() != null && !obviouslyNotFalse(v.getInitializer())
              && v.getModifiers().getFlags().contains(javax.lang.model.element.Modifier.FINAL)) {
            methods.peek().finalLocals.add(v.getName().toString());
          }
        }
        return super.visitVariable(v, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree m, Void unused) {
        String called = calledName(m.getMethodSelect());
        if (methods.isEmpty()) {
          if (called != null) { // outside a method body, no argument is judged: the name as it may begin
            fileNames.add(ModuleIndex.callName(registry, called, m.getArguments().size(), () -> true));
          }
        } else {
          Collector c = methods.peek();
          String name = called;
          if (name != null && !name.equals("super") && !name.equals("this")) { // constructor calls: no call here
            name = ModuleIndex.callName(registry, name, m.getArguments().size(),
                () -> m.getArguments().isEmpty() || c.mayBeConstantFalse(m.getArguments().get(0), fields));
            fileNames.add(name);
            c.calls.add(name);
            if (m.getMethodSelect() instanceof IdentifierTree) {
              c.unqualified.add(name);
            }
            if (STORING_CALLS.contains(name) && m.getArguments().stream().anyMatch(c::isParam)) {
              c.stores = true;
            }
          }
        }
        return super.visitMethodInvocation(m, null);
      }

      @Override
      public Void visitNewClass(NewClassTree n, Void unused) {
        String name = calledName(n.getIdentifier());
        if (name != null) {
          fileNames.add("new " + name);
          if (!methods.isEmpty()) {
            methods.peek().calls.add("new " + name);
          }
        }
        return super.visitNewClass(n, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree a, Void unused) {
        if (!methods.isEmpty()) {
          Collector c = methods.peek();
          ExpressionTree lhs = a.getVariable();
          boolean toLocal = lhs instanceof IdentifierTree id && c.locals.contains(id.getName().toString());
          if (!toLocal && c.isParam(a.getExpression())) {
            c.stores = true;
          }
        }
        return super.visitAssignment(a, null);
      }

      @Override
      public Void visitReturn(ReturnTree r, Void unused) {
        if (!methods.isEmpty() && r.getExpression() != null && methods.peek().isParam(r.getExpression())) {
          methods.peek().stores = true;
        }
        return super.visitReturn(r, null);
      }
    }.scan(cu, null);
    return fileNames;
  }

  /** {@code a.b.name} and {@code name} -> name; a generic or annotated type's simple name for {@code new}. */
  private static String calledName(com.sun.source.tree.Tree t) {
    if (t instanceof IdentifierTree id) {
      return id.getName().toString();
    }
    if (t instanceof MemberSelectTree s) {
      return s.getIdentifier().toString();
    }
    if (t instanceof com.sun.source.tree.ParameterizedTypeTree p) {
      return calledName(p.getType());
    }
    return null;
  }

  /**
   * Whether an argument can be the constant {@code false} (the index's rule, the same in the audit's scan): not a
   * literal {@code true} or {@code Boolean.TRUE}, a call, a parameter, a local not declared final (or initialised by
   * one of the former), or a field this file declares only without {@code final} (none of them is a constant
   * variable).
   */
  private static boolean mayBeConstantFalse(ExpressionTree e, Set<String> params, Set<String> locals,
      Set<String> finalLocals, Fields fields) {
    e = strip(e);
    if (obviouslyNotFalse(e)) {
      return false;
    }
    if (e instanceof MemberSelectTree s) {
      return !(s.getExpression().toString().equals("this") && fields.onlyNonFinal(s.getIdentifier().toString()));
    }
    if (e instanceof IdentifierTree id) {
      String n = id.getName().toString();
      if (finalLocals.contains(n)) {
        return true;
      }
      return !(params.contains(n) || locals.contains(n) || fields.onlyNonFinal(n));
    }
    return true;
  }

  /** A literal {@code true} or {@code Boolean.TRUE}, a call or a new object: never the constant {@code false}. */
  private static boolean obviouslyNotFalse(ExpressionTree e) {
    e = strip(e);
    return e instanceof MethodInvocationTree || e instanceof NewClassTree
        || (e instanceof com.sun.source.tree.LiteralTree l && Boolean.TRUE.equals(l.getValue()))
        || (e instanceof MemberSelectTree s && s.getIdentifier().contentEquals("TRUE")
            && (s.getExpression().toString().equals("Boolean") || s.getExpression().toString().equals("java.lang.Boolean")));
  }

  private static ExpressionTree strip(ExpressionTree e) {
    while (e instanceof ParenthesizedTree || e instanceof TypeCastTree) {
      e = e instanceof ParenthesizedTree p ? p.getExpression() : ((TypeCastTree) e).getExpression();
    }
    return e;
  }

  /**
   * The names of the fields a file's classes declare as members (of top-level and member classes: not of local or
   * anonymous classes, as the audit's scan), with and without {@code final}. Member declarations only: no body is
   * walked.
   */
  private record Fields(Set<String> finals, Set<String> nonFinals) {
    static Fields of(CompilationUnitTree cu) {
      Fields f = new Fields(new HashSet<>(), new HashSet<>());
      for (com.sun.source.tree.Tree t : cu.getTypeDecls()) {
        if (t instanceof ClassTree c) {
          f.add(c);
        }
      }
      return f;
    }

    private void add(ClassTree c) {
      boolean iface = c.getKind() == com.sun.source.tree.Tree.Kind.INTERFACE
          || c.getKind() == com.sun.source.tree.Tree.Kind.ANNOTATION_TYPE; // implicitly final fields
      for (com.sun.source.tree.Tree member : c.getMembers()) {
        if (member instanceof VariableTree v) {
          (iface || v.getModifiers().getFlags().contains(javax.lang.model.element.Modifier.FINAL) ? finals
              : nonFinals).add(v.getName().toString());
        } else if (member instanceof ClassTree nested) {
          add(nested);
        }
      }
    }

    boolean onlyNonFinal(String name) {
      return nonFinals.contains(name) && !finals.contains(name);
    }
  }

  private static final class Collector {
    final String name;
    final Set<String> calls = new HashSet<>();
    final Set<String> unqualified = new HashSet<>();
    final Set<String> params = new HashSet<>();
    final Set<String> locals = new HashSet<>();
    final Set<String> finalLocals = new HashSet<>();
    boolean stores;

    Collector(String name) {
      this.name = name;
    }

    boolean mayBeConstantFalse(ExpressionTree e, Fields fields) {
      return JavacModuleScan.mayBeConstantFalse(e, params, locals, finalLocals, fields);
    }

    boolean isParam(ExpressionTree e) {
      e = strip(e);
      return e instanceof IdentifierTree id && params.contains(id.getName().toString())
          && !locals.contains(id.getName().toString());
    }
  }

}
