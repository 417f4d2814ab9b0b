package dev.txguard.metamorphic;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites one parsed file as text: each unit (method, constructor, compact constructor, initializer, block lambda)
 * begins a transaction of a home-grown type at entry and ends it before every {@code return} that belongs to it and
 * at the end of a body that can complete normally. Returns of nested lambdas and classes belong to those units,
 * which get their own begin and ends.
 *
 * <p>Everything is inserted without line breaks, so every original line keeps its number; a {@code return} that is
 * not directly in a block ({@code if (x) return y;}) is wrapped in braces. Each end is a separate edit, so that part
 * B can drop the end of chosen exits and know exactly where the dropped exit now is.
 */
final class Rewriter {
  /** The names the rewrite uses; they must not occur in the audited code. */
  static final String VAR = "txg$";
  static final String PACKAGE = "txg";
  static final String FACTORY_TYPE = "Tx";
  static final String RECEIVER_TYPE = "TxUnit";
  static final String LOCAL_FACTORY_TYPE = "TxgLocalTx";
  static final String LOCAL_RECEIVER_TYPE = "TxgLocalUnit";

  /** The home-grown types, as files of the audited tree ({@code txg/Tx.java}, {@code txg/TxUnit.java}). */
  static final Map<String, String> TYPE_FILES = Map.of(
      FACTORY_TYPE, """
          package txg;

          /** A home-grown transaction: a static begin() returns the handle. */
          public final class Tx {
            public static Tx begin() { return new Tx(); }
            public void commit() {}
            public void rollback() {}
            public boolean isActive() { return true; }
          }
          """,
      RECEIVER_TYPE, """
          package txg;

          /** A home-grown transaction begun on the receiver. */
          public final class TxUnit {
            public void begin() {}
            public void commit() {}
            public void rollback() {}
          }
          """);

  /** The same types as second top-level classes of the rewritten file (appended on its last line). */
  private static final String LOCAL_TYPES = " final class " + LOCAL_FACTORY_TYPE + " { static " + LOCAL_FACTORY_TYPE
      + " begin() { return new " + LOCAL_FACTORY_TYPE + "(); } void commit() {} void rollback() {} }"
      + " final class " + LOCAL_RECEIVER_TYPE + " { void begin() {} void commit() {} void rollback() {} }\n";

  enum ExitKind { RETURN, FALL_OFF }

  static final String NOT_SURELY_ACTIVE = "not surely reached with the transaction active (see ActiveReach)";

  /** An insertion into the original text; at one offset, lower priorities go first. */
  record Edit(int offset, int priority, int seq, String text, int exit) {}

  /**
   * A normal exit of a unit: a {@code return} or the body's closing brace, at its original offset. {@code removable}:
   * dropping its end must give exactly one report, at it (false when a {@code finally} on the way ends the
   * transaction or does not complete; {@code why} says which).
   */
  record Exit(int index, int unit, ExitKind kind, int offset, boolean removable, String why) {}

  /** A rewritten unit. {@code suppressed}: under {@code @SuppressWarnings} that silences txguard. */
  record Unit(int index, String kind, String name, int line, boolean suppressed, List<Integer> exits) {}

  /** The rewrite of one file. */
  record Result(String original, List<Edit> edits, List<Unit> units, List<Exit> exits) {
    /** The rewritten text without the ends of {@code removed} exits. */
    String apply(Set<Integer> removed) {
      StringBuilder out = new StringBuilder(original.length() + edits.size() * 24);
      int at = 0;
      for (Edit e : edits) {
        if (e.exit() >= 0 && removed.contains(e.exit())) {
          continue;
        }
        out.append(original, at, e.offset()).append(e.text());
        at = e.offset();
      }
      return out.append(original, at, original.length()).toString();
    }

    /** Where the character at original offset {@code offset} is in {@code apply(removed)}. */
    int newOffset(int offset, Set<Integer> removed) {
      int shift = 0;
      for (Edit e : edits) {
        if (e.offset() > offset) {
          break;
        }
        if (e.exit() < 0 || !removed.contains(e.exit())) {
          shift += e.text().length();
        }
      }
      return offset + shift;
    }
  }

  private final Variant variant;
  private final String text;
  private final List<Integer> lineStarts = new ArrayList<>();
  private final List<Edit> edits = new ArrayList<>();
  private final List<Unit> units = new ArrayList<>();
  private final List<Exit> exits = new ArrayList<>();
  private final Map<Node, Integer> unitIndex = new IdentityHashMap<>();
  private ExceptionClasses exceptions;

  private Rewriter(Variant variant, String text) {
    this.variant = variant;
    this.text = text;
    lineStarts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        lineStarts.add(i + 1);
      }
    }
  }

  /** Rewrites {@code cu}, parsed from {@code text} (JavaParser counts a tab as one column, as offsets do here). */
  static Result rewrite(Variant variant, CompilationUnit cu, String text) {
    return new Rewriter(variant, text).run(cu);
  }

  static boolean isUnit(Node n) {
    return n instanceof MethodDeclaration m && m.getBody().isPresent() || n instanceof ConstructorDeclaration
        || n instanceof CompactConstructorDeclaration || n instanceof InitializerDeclaration
        || n instanceof LambdaExpr l && l.getBody() instanceof BlockStmt;
  }

  private Result run(CompilationUnit cu) {
    exceptions = new ExceptionClasses(cu);
    for (Node n : cu.findAll(Node.class)) {
      if (isUnit(n)) {
        unitIndex.put(n, unitIndex.size());
      }
    }
    if (!unitIndex.isEmpty()) {
      importTypes(cu);
    }
    for (Node n : cu.findAll(Node.class)) {
      if (isUnit(n)) {
        rewriteUnit(n);
      }
    }
    if (variant.type() == Variant.TypeRef.SAME_FILE && !unitIndex.isEmpty()) {
      String tail = text.endsWith("\n") ? LOCAL_TYPES : "\n" + LOCAL_TYPES;
      add(text.length(), 9, tail, -1);
    }
    edits.sort(Comparator.comparingInt(Edit::offset).thenComparingInt(Edit::priority).thenComparingInt(Edit::seq));
    return new Result(text, List.copyOf(edits), List.copyOf(units), List.copyOf(exits));
  }

  private void importTypes(CompilationUnit cu) {
    if (variant.type() != Variant.TypeRef.IMPORT) {
      return;
    }
    String imports = " import " + PACKAGE + "." + FACTORY_TYPE + "; import " + PACKAGE + "." + RECEIVER_TYPE + ";";
    if (cu.getPackageDeclaration().isPresent()) {
      add(end(cu.getPackageDeclaration().get()), 1, imports, -1);
    } else {
      add(0, 1, imports.trim() + " ", -1);
    }
  }

  private void rewriteUnit(Node u) {
    int index = unitIndex.get(u);
    BlockStmt body = bodyOf(u);
    String v = variant.uniqueNames() ? VAR + index : VAR;
    int beginAt = start(body) + 1;
    if (u instanceof ConstructorDeclaration && !body.getStatements().isEmpty()
        && body.getStatement(0) instanceof ExplicitConstructorInvocationStmt call) {
      beginAt = end(call);
    }
    List<Integer> unitExits = new ArrayList<>();
    units.add(new Unit(index, kindOf(u), nameOf(u), line(u), suppressed(u), unitExits));
    if (variant.shape() == Variant.Shape.TRY_FINALLY) {
      add(beginAt, 1, " " + beginText(v) + " try {", -1);
      add(closingBrace(body), 3, " } finally { " + v + ".commit(); } ", -1);
      return;
    }
    boolean guarded = variant.shape() == Variant.Shape.GUARDED_FINALLY;
    add(beginAt, 1, " " + beginText(v) + (guarded ? " try {" : ""), -1);
    ActiveReach reach = ActiveReach.of(u, exceptions);
    for (ReturnStmt r : body.findAll(ReturnStmt.class)) {
      if (owner(r) != u) {
        continue;
      }
      int exit = exits.size();
      String why = returnNotRemovable(r, u);
      if (why == null && !reach.returnReached(r)) {
        why = NOT_SURELY_ACTIVE;
      }
      exits.add(new Exit(exit, index, ExitKind.RETURN, start(r), why == null, why));
      unitExits.add(exit);
      Node parent = r.getParentNode().orElseThrow();
      boolean inBlock = parent instanceof BlockStmt || parent instanceof SwitchEntry;
      if (!inBlock) {
        add(start(r), 2, "{ ", -1);
      }
      add(start(r), 3, endText(v, endCall(r)) + " ", exit);
      if (!inBlock) {
        add(end(r), 0, " }", -1);
      }
    }
    if (Reachability.canCompleteNormally(body)) {
      int exit = exits.size();
      boolean sure = reach.endReached();
      exits.add(new Exit(exit, index, ExitKind.FALL_OFF, closingBrace(body), sure, sure ? null : NOT_SURELY_ACTIVE));
      unitExits.add(exit);
      add(closingBrace(body), 3, " " + endText(v, endCall(body)), exit);
    }
    if (guarded) {
      add(closingBrace(body), 3, " } finally { if (" + v + ".isActive()) " + v + ".rollback(); } ", -1);
    }
  }

  /** Why dropping the end before {@code r} need not be reported at {@code r}, or null. */
  private static String returnNotRemovable(ReturnStmt r, Node unit) {
    Node child = r;
    for (Node p = r.getParentNode().orElse(null); p != null && p != unit; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof TryStmt t && t.getFinallyBlock().isPresent() && child != t.getFinallyBlock().get()) {
        BlockStmt fin = t.getFinallyBlock().get();
        if (fin.findAll(ReturnStmt.class).stream().anyMatch(x -> owner(x) == unit)) {
          return "a finally on the way returns (and ends) itself";
        }
        if (!Reachability.canCompleteNormally(fin)) {
          return "a finally on the way cannot complete normally";
        }
      }
    }
    return null;
  }

  private String beginText(String v) {
    String factory = typeName(FACTORY_TYPE, LOCAL_FACTORY_TYPE);
    return switch (variant.begin()) {
      case FACTORY -> factory + " " + v + " = " + factory + ".begin();";
      case VAR_FACTORY -> "var " + v + " = " + factory + ".begin();";
      case RECEIVER -> {
        String unit = typeName(RECEIVER_TYPE, LOCAL_RECEIVER_TYPE);
        yield unit + " " + v + " = new " + unit + "(); " + v + ".begin();";
      }
    };
  }

  private String typeName(String shared, String local) {
    return switch (variant.type()) {
      case IMPORT -> shared;
      case QUALIFIED -> PACKAGE + "." + shared;
      case SAME_FILE -> local;
    };
  }

  private String endText(String v, String call) {
    return switch (variant.end()) {
      case NULL_GUARDED -> "if (" + v + " != null) " + v + "." + call + "();";
      case ACTIVE_GUARDED -> "if (" + v + ".isActive()) " + v + "." + call + "();";
      default -> v + "." + call + "();";
    };
  }

  /** The end call for an exit: fixed, or commit/rollback from a hash of the exit's position (deterministic). */
  private String endCall(Node exitNode) {
    return switch (variant.end()) {
      case COMMIT, NULL_GUARDED, ACTIVE_GUARDED -> "commit";
      case ROLLBACK -> "rollback";
      case MIXED -> (Integer.hashCode(start(exitNode) * 31 + 7) >>> 3) % 2 == 0 ? "commit" : "rollback";
    };
  }

  private void add(int offset, int priority, String s, int exit) {
    edits.add(new Edit(offset, priority, edits.size(), s, exit));
  }

  // ---------------------------------------------------------------- units

  static BlockStmt bodyOf(Node u) {
    if (u instanceof MethodDeclaration m) {
      return m.getBody().orElseThrow();
    }
    if (u instanceof ConstructorDeclaration c) {
      return c.getBody();
    }
    if (u instanceof CompactConstructorDeclaration c) {
      return c.getBody();
    }
    if (u instanceof InitializerDeclaration i) {
      return i.getBody();
    }
    return (BlockStmt) ((LambdaExpr) u).getBody();
  }

  /** The unit a statement belongs to: the nearest enclosing method, constructor, initializer or lambda. */
  static Node owner(Node n) {
    for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof MethodDeclaration || p instanceof ConstructorDeclaration || p instanceof CompactConstructorDeclaration
          || p instanceof InitializerDeclaration || p instanceof LambdaExpr) {
        return p;
      }
    }
    return null;
  }

  private static String kindOf(Node u) {
    if (u instanceof MethodDeclaration) {
      return "method";
    }
    if (u instanceof ConstructorDeclaration) {
      return "constructor";
    }
    if (u instanceof CompactConstructorDeclaration) {
      return "compact constructor";
    }
    if (u instanceof InitializerDeclaration) {
      return "initializer";
    }
    return "lambda";
  }

  private static String nameOf(Node u) {
    String type = u.findAncestor(TypeDeclaration.class).map(t -> t.getNameAsString()).orElse("?");
    if (u instanceof MethodDeclaration m) {
      return type + "." + m.getNameAsString() + "()";
    }
    if (u instanceof ConstructorDeclaration || u instanceof CompactConstructorDeclaration) {
      return type + ".<init>";
    }
    if (u instanceof InitializerDeclaration) {
      return type + ".<clinit/init>";
    }
    Node outer = owner(u);
    return "lambda in " + (outer == null ? type : nameOf(outer));
  }

  /** Whether a member around the unit carries {@code @SuppressWarnings} with a name that silences txguard. */
  private static boolean suppressed(Node u) {
    for (Node p = u; p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof NodeWithAnnotations<?> a) {
        for (AnnotationExpr ann : a.getAnnotations()) {
          if (ann.getNameAsString().endsWith("SuppressWarnings")) {
            String s = ann.toString();
            if (s.contains("\"all\"") || s.contains("\"UncommittedTransaction")) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- positions

  private int offset(Position p) {
    return lineStarts.get(p.line - 1) + p.column - 1;
  }

  private int start(Node n) {
    return offset(n.getRange().orElseThrow().begin);
  }

  /** Just after the node's last character. */
  private int end(Node n) {
    return offset(n.getRange().orElseThrow().end) + 1;
  }

  private int closingBrace(BlockStmt body) {
    return offset(body.getRange().orElseThrow().end);
  }

  private int line(Node n) {
    return n.getRange().map(r -> r.begin.line).orElse(0);
  }
}
