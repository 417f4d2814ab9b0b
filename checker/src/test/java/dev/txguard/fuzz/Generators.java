package dev.txguard.fuzz;

import dev.txguard.source.NestingDepth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Pathological but legal Java sources: deep nesting, huge methods, long lines, state explosions. Each is a JDBC method
 * {@code m} that begins a transaction, with Error Prone's {@code // BUG: Diagnostic contains:} marker on the line
 * before each leak it must report, unless the generator is one that must exceed a budget (then {@link
 * Generated#budget} says which, and the method must be named as not fully analysed).
 */
public final class Generators {
  private Generators() {}

  /**
   * A generated file: its class name, its text and, for a case beyond a limit, a regular expression that its one
   * problem ("line: reason") must match (null: analysed, with the marked findings and no problem).
   */
  public record Generated(String name, String source, String problem) {
    public String fileName() {
      return name + ".java";
    }
  }

  /** Every generator at the given scale (1 = the sizes the fuzz test's fast slice uses). */
  public static List<Generated> all(int scale) {
    int deep = NestingDepth.LIMIT - 10; // as deep as the audit goes
    List<Generated> out = new ArrayList<>();
    for (int n : List.of(deep, 5000 * scale)) {
      out.add(nestedIfs(n));
      out.add(nestedParentheses(n));
      // The parser's lookahead is cubic in lambda depth (about 5 s at 990): the fast slice goes half as deep.
      out.add(nestedLambdas(n == deep && scale == 1 ? deep / 2 : n));
      out.add(nestedBlocks(n));
    }
    out.add(nestedTries(deep / 2));
    out.add(ifsWithoutBraces(5000 * scale));
    out.add(elseIfChain(5000 * scale));
    out.add(ternaryChain(5000 * scale));
    out.add(binaryChain(5000 * scale));
    out.add(hugeMethod(20_000 * scale));
    out.add(nestedClasses(deep / 2));
    out.add(manyMethods(500 * scale));
    out.add(longLine(1_000_000 * scale));
    out.add(callChain(300 * scale));
    out.add(finallyInFinally(24));
    out.add(manyTransactions(12));
    return out;
  }

  /**
   * The generators javac compiles, at sizes it takes: methods stay under the JVM's 64 KB of code, and the nesting is
   * shallower, because javac's own cost grows with it (the audit's sizes would take minutes in the default run).
   */
  public static List<Generated> forJavac() {
    return List.of(nestedIfs(300), nestedParentheses(300), nestedLambdas(100), nestedBlocks(300), nestedTries(200),
        ifsWithoutBraces(2000), elseIfChain(2000), ternaryChain(1000), binaryChain(2000), hugeMethod(20_000),
        nestedClasses(200), manyMethods(200), callChain(300));
  }

  /** Files nested beyond the limit are refused before parsing, with their depth. */
  private static String tooDeep(int depth) {
    return depth > NestingDepth.LIMIT ? "0: not analysed: brackets nested \\d+ deep, beyond the " + NestingDepth.LIMIT
        + " levels txguard analyses" : null;
  }

  /** {@code if (skip) {} nested n deep, the leak inside. */
  public static Generated nestedIfs(int n) {
    Src s = header("NestedIfs" + n);
    for (int i = 0; i < n; i++) {
      s.line("if (skip) {");
    }
    s.leakingReturn();
    s.line("}".repeat(n));
    return s.footer(tooDeep(n + 2));
  }

  /** {@code int x = ((((1))));} n deep. */
  public static Generated nestedParentheses(int n) {
    Src s = header("NestedParentheses" + n);
    s.line("int x = " + "(".repeat(n) + "1" + ")".repeat(n) + ";");
    s.leakingReturnIfSkip();
    return s.footer(tooDeep(n + 2));
  }

  /** Block lambdas n deep (each a unit of its own that begins nothing). */
  public static Generated nestedLambdas(int n) {
    Src s = header("NestedLambdas" + n);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("Runnable r").append(i).append(" = () -> { ");
    }
    b.append("int x = 1; ");
    b.append("};".repeat(n));
    s.line(b.toString());
    s.leakingReturnIfSkip();
    return s.footer(tooDeep(n + 2));
  }

  public static Generated nestedBlocks(int n) {
    Src s = header("NestedBlocks" + n);
    s.line("{".repeat(n) + " int x = 1; " + "}".repeat(n));
    s.leakingReturnIfSkip();
    return s.footer(tooDeep(n + 2));
  }

  /** try/finally n deep with the leak in the innermost try (every finally replays on that return). */
  public static Generated nestedTries(int n) {
    Src s = header("NestedTries");
    s.line("int x = 0;");
    s.line("try { ".repeat(n));
    s.leakingReturnIfSkip();
    s.line("} finally { x = 1; }".repeat(n));
    return s.footer(null);
  }

  /** {@code if (skip) if (skip) ... return;}: n deep in the tree, but no bracket nesting. */
  public static Generated ifsWithoutBraces(int n) {
    Src s = header("IfsWithoutBraces");
    s.marker("UncommittedTransaction");
    s.line("if (skip) ".repeat(n) + "return;");
    return s.footer(null);
  }

  /** {@code if (skip) {} else if (skip) {} ... else { return; }}: a chain n long, n deep in the tree. */
  public static Generated elseIfChain(int n) {
    Src s = header("ElseIfChain");
    s.line("int x = 0;");
    for (int i = 0; i < n; i++) {
      s.line((i == 0 ? "" : "} else ") + "if (skip) { x = " + i + ";");
    }
    s.line("} else {");
    s.leakingReturn();
    s.line("}");
    return s.footer(null);
  }

  /** {@code skip ? 0 : skip ? 1 : ...}: a right-deep conditional n deep. */
  public static Generated ternaryChain(int n) {
    Src s = header("TernaryChain");
    StringBuilder b = new StringBuilder("int x = ");
    for (int i = 0; i < n; i++) {
      b.append("skip ? ").append(i).append(" : ");
    }
    s.line(b.append("-1;").toString());
    s.leakingReturnIfSkip();
    return s.footer(null);
  }

  /** {@code 1 + 1 + ... + 1}: a left-deep expression tree n deep. */
  public static Generated binaryChain(int n) {
    Src s = header("BinaryChain");
    s.line("int x = 1" + " + 1".repeat(n) + ";");
    s.leakingReturnIfSkip();
    return s.footer(null);
  }

  /**
   * n statements in one block, then the method falls off its end. The calls take no arguments and nothing after them
   * names a variable: with a name to resolve after n statements, JavaParser's solver walks back over all of them,
   * quadratically (see {@link #slowResolution}).
   */
  public static Generated hugeMethod(int n) {
    Src s = header("HugeMethod");
    s.line("if (skip) {"); // the method ends the transaction on some path: it is responsible for it
    s.line("conn.commit();");
    s.line("return;");
    s.line("}");
    s.marker("UncommittedTransactionOnException");
    for (int i = 0; i < n; i++) {
      s.line("f();");
    }
    s.marker("UncommittedTransaction");
    s.line("}");
    s.raw("  static void f() {}\n}\n");
    return new Generated(s.name, s.text.toString(), null);
  }

  /** m() inside n nested member classes. */
  public static Generated nestedClasses(int n) {
    Src s = new Src("NestedClasses");
    s.raw("import java.sql.Connection;\nimport java.sql.SQLException;\n\nclass NestedClasses {\n");
    for (int i = 0; i < n; i++) {
      s.raw("static class C" + i + " {\n");
    }
    s.raw("void m(Connection conn, boolean skip) throws SQLException {\n");
    s.line("conn.setAutoCommit(false);");
    s.leakingReturnIfSkip();
    s.line("conn.commit();");
    s.raw("}\n" + "}\n".repeat(n) + "}\n");
    return new Generated(s.name, s.text.toString(), null);
  }

  /** n leaking methods in one class. */
  public static Generated manyMethods(int n) {
    Src s = new Src("ManyMethods");
    s.raw("import java.sql.Connection;\nimport java.sql.SQLException;\n\nclass ManyMethods {\n");
    for (int i = 0; i < n; i++) {
      s.raw("void m" + i + "(Connection conn, boolean skip) throws SQLException {\n");
      s.line("conn.setAutoCommit(false);");
      s.leakingReturnIfSkip();
      s.line("conn.commit();");
      s.raw("}\n");
    }
    s.raw("}\n");
    return new Generated(s.name, s.text.toString(), null);
  }

  /** A string literal of n characters on the begin's line (reports quote that line). */
  public static Generated longLine(int n) {
    Src s = new Src("LongLine");
    s.raw("import java.sql.Connection;\nimport java.sql.SQLException;\n\nclass LongLine {\n"
        + "void m(Connection conn, boolean skip) throws SQLException {\n");
    s.line("conn.setAutoCommit(false); String x = \"" + "x".repeat(n) + "\";");
    s.leakingReturnIfSkip();
    s.line("conn.commit();");
    s.raw("}\n}\n");
    return new Generated(s.name, s.text.toString(), null);
  }

  /** {@code new StringBuilder().append(1).append(1)...}: each receiver's type depends on the one before. */
  public static Generated callChain(int n) {
    Src s = header("CallChain");
    s.marker("UncommittedTransactionOnException");
    s.line("String x = new StringBuilder()" + ".append(1)".repeat(n) + ".toString();");
    s.leakingReturnIfSkip();
    return s.footer(null);
  }

  /**
   * try/finally nested inside finally blocks, n deep, each try with a return: each finally is replayed once per way
   * out of its try (completing and returning), so the graph doubles per level and must exceed the node budget.
   */
  public static Generated finallyInFinally(int n) {
    Src s = header("FinallyInFinally");
    s.line("int x = 0;");
    s.line("try { if (skip) { return; } } finally { ".repeat(n) + "g();" + " }".repeat(n));
    s.line("if (skip) {");
    s.line("return;");
    s.line("}");
    return s.footer("\\d+: m\\(\\) was not fully analysed: the control-flow graph of m\\(\\) exceeds 200000 nodes");
  }

  /**
   * k connections, each begun and then committed or not on an independent condition: 2^k combinations of open and
   * ended transactions reach the same point, beyond the analysis' state budget, naming m().
   */
  public static Generated manyTransactions(int k) {
    Src s = new Src("ManyTransactions");
    s.raw("import java.sql.Connection;\nimport java.sql.SQLException;\n\nclass ManyTransactions {\n  void m(");
    for (int i = 0; i < k; i++) {
      s.raw("Connection c" + i + ", boolean b" + i + ", ");
    }
    s.raw("boolean skip) throws SQLException {\n");
    for (int i = 0; i < k; i++) {
      s.line("c" + i + ".setAutoCommit(false);");
    }
    for (int i = 0; i < k; i++) {
      s.line("if (b" + i + ") { c" + i + ".commit(); }");
    }
    s.line("if (skip) {");
    s.line("return;");
    s.line("}");
    for (int i = 0; i < k; i++) {
      s.line("c" + i + ".rollback();");
    }
    return s.footer("\\d+: m\\(\\) was not fully analysed: the analysis of m\\(\\) exceeded its budget \\(512 states.*");
  }

  /**
   * n statements that each name the connection, then a name to resolve: JavaParser's symbol solver walks back over
   * every earlier statement of the block for each name, comparing statements structurally, so the cost grows with the
   * cube of n (about 6 s at n = 500 and 25 s at n = 1000 when measured). Used to test the file time limit.
   */
  public static Generated slowResolution(int n) {
    Src s = header("SlowResolution");
    s.marker("UncommittedTransactionOnException");
    s.line("conn.prepareStatement(\"q0\").execute();");
    for (int i = 1; i < n; i++) {
      s.line("conn.prepareStatement(\"q" + i + "\").execute();");
    }
    s.leakingReturnIfSkip();
    return s.footer(null);
  }

  private static Src header(String name) {
    Src s = new Src(name);
    s.raw("import java.sql.Connection;\nimport java.sql.SQLException;\n\nclass " + name + " {\n"
        + "  void m(Connection conn, boolean skip) throws SQLException {\n");
    s.line("conn.setAutoCommit(false);");
    return s;
  }

  /** Builds a source line by line. */
  private static final class Src {
    final String name;
    final StringBuilder text = new StringBuilder();

    Src(String name) {
      this.name = name;
    }

    void raw(String s) {
      text.append(s);
    }

    void line(String s) {
      text.append("    ").append(s).append('\n');
    }

    void marker(String rule) {
      line("// BUG: Diagnostic contains: [" + rule + "]");
    }

    void leakingReturn() {
      marker("UncommittedTransaction");
      line("return;");
    }

    void leakingReturnIfSkip() {
      line("if (skip) {");
      leakingReturn();
      line("}");
    }

    Generated footer(String budget) {
      line("conn.commit();");
      text.append("  }\n}\n");
      return new Generated(name, text.toString(), budget);
    }
  }

  /** Lines {@code n} (1-based) that a marker on the line before names, as "line [Rule]". */
  public static List<String> expectedFindings(String source) {
    List<String> out = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    String prefix = "// BUG: Diagnostic contains: [";
    for (int i = 0; i < lines.length; i++) {
      int at = lines[i].indexOf(prefix);
      if (at >= 0) {
        String rule = lines[i].substring(at + prefix.length(), lines[i].indexOf(']', at));
        out.add((i + 2) + " [" + rule + "]");
      }
    }
    return out;
  }

  static String repeat(int n, IntFunction<String> f) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(f.apply(i));
    }
    return b.toString();
  }
}
