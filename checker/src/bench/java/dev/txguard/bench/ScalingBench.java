package dev.txguard.bench;

import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import dev.txguard.analysis.AnalysisOptions;
import dev.txguard.analysis.Finding;
import dev.txguard.analysis.UnitSetAnalysis;
import dev.txguard.graph.BuildOptions;
import dev.txguard.graph.Cond;
import dev.txguard.graph.FlowGraph;
import dev.txguard.graph.FlowGraphBuilder;
import dev.txguard.graph.Key;
import dev.txguard.graph.Op;
import dev.txguard.graph.Site;
import dev.txguard.graph.TxInfo;
import dev.txguard.javac.UncommittedTransaction;
import dev.txguard.javac.UncommittedTransactionOnException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Scaling benchmark: how txguard's time grows with the size of one method.
 *
 * <p>For N in 50..500 it generates a method {@code orm.begin(); <N sequential ifs>; orm.commit();} in three variants:
 *
 * <ul>
 *   <li>{@code if-call}: {@code if (c) { s.step(i); }}, where {@code c} cycles over 8 boolean parameters and 8 boolean
 *       locals;
 *   <li>{@code if-else}: {@code if (c) { s.step(i); } else { s.other(i); }};
 *   <li>{@code flags}: {@code boolean fi = false; if (c) { s.step(i); fi = true; }} for each i, then
 *       {@code if (fi) { s.other(i); }} for each i (2N ifs: every branch sets a flag that is tested later).
 * </ul>
 *
 * <p>and measures, each with warm-up and the median of several repetitions:
 *
 * <ol>
 *   <li><b>analysis only</b>: building the equivalent {@link FlowGraph} with {@link FlowGraphBuilder} (what
 *       {@code JavacLowering} emits for that method) and running {@link UnitSetAnalysis} on it;
 *   <li><b>whole compile</b> of the one-class source in memory (javac API, classes written to a temp dir): plain javac,
 *       Error Prone with no checks, and Error Prone with only txguard's two checks. The difference between the last two is
 *       txguard's cost inside a compile (tree scan, lowering, analysis, reporting).
 * </ol>
 *
 * <p>Usage: {@code ScalingBench [--sizes 50,100,...] [--reps 9] [--warmup 5] [--no-compile]}.
 */
public final class ScalingBench {
  private static final int PARAMS = 8;
  private static final int LOCALS = 8;

  enum Variant {
    IF_CALL("if-call"),
    IF_ELSE("if-else"),
    FLAGS("flags");

    final String label;

    Variant(String label) {
      this.label = label;
    }
  }

  private ScalingBench() {}

  public static void main(String[] args) throws IOException {
    int[] sizes = {50, 100, 200, 300, 400, 500};
    int reps = 9;
    int warmup = 5;
    boolean compile = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--no-compile" -> compile = false;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.out.printf(Locale.ROOT, "txguard scaling benchmark: %s %s, %d cores; reps %d (median), warm-up %d%n",
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), reps, warmup);

    analysisOnly(sizes, reps, warmup);
    if (compile) {
      wholeCompile(sizes, reps, warmup);
    }
  }

  // ================================================================ analysis only

  private static void analysisOnly(int[] sizes, int reps, int warmup) {
    // JIT warm-up on a mid-size graph of each variant before anything is timed.
    for (Variant v : Variant.values()) {
      FlowGraph g = graph(v, 200);
      for (int i = 0; i < 20 * warmup; i++) {
        analyze(g);
      }
    }
    System.out.println();
    System.out.println("1. Analysis only (FlowGraphBuilder + UnitSetAnalysis on the equivalent graph), times in ms");
    System.out.printf(Locale.ROOT, "%-8s %5s %7s %9s %11s %11s %9s %8s%n",
        "variant", "N", "nodes", "build ms", "analyze ms", "ms per if", "findings", "failure");
    for (Variant v : Variant.values()) {
      for (int n : sizes) {
        final int size = n;
        for (int i = 0; i < warmup; i++) {
          analyze(graph(v, size));
        }
        double build = median(reps, () -> {
          long t0 = System.nanoTime();
          graph(v, size);
          return System.nanoTime() - t0;
        });
        FlowGraph g = graph(v, size);
        double analyze = median(reps, () -> {
          long t0 = System.nanoTime();
          analyze(g);
          return System.nanoTime() - t0;
        });
        List<UnitSetAnalysis.UnitResult> r = analyze(g);
        int findings = r.stream().mapToInt(u -> u.findings().size()).sum();
        String failure = r.stream().map(UnitSetAnalysis.UnitResult::failure).filter(f -> f != null).findFirst()
            .orElse("-");
        int ifs = v == Variant.FLAGS ? 2 * n : n;
        System.out.printf(Locale.ROOT, "%-8s %5d %7d %9.3f %11.3f %11.4f %9d %8s%n",
            v.label, n, g.nodes().size(), build / 1e6, analyze / 1e6, analyze / 1e6 / ifs, findings, failure);
      }
    }
  }

  private static List<UnitSetAnalysis.UnitResult> analyze(FlowGraph g) {
    return new UnitSetAnalysis(AnalysisOptions.DEFAULT).analyze(List.of(g));
  }

  /** Sites only need distinct offsets here. */
  private static final class Sites {
    private int next = 1000;

    Site next(String text) {
      int start = next;
      next += 10;
      return new Site(start, start + 5, start / 10, 1, text);
    }
  }

  /**
   * The graph {@code JavacLowering} builds for {@link #source}'s {@code run} method: parameters, {@code new Orm()},
   * the boolean locals from {@code s.check(j)}, the begin, the ifs (calls on the parameter {@code s}, which may throw an
   * unchecked exception), the commit and the end of the body.
   */
  static FlowGraph graph(Variant v, int n) {
    Sites sites = new Sites();
    FlowGraphBuilder b = new FlowGraphBuilder("run()", "bench.Scale#run", BuildOptions.DEFAULT);
    Key s = Key.param("v:s@1", 0);
    b.parameter(s);
    List<Key> conds = new ArrayList<>();
    for (int j = 0; j < PARAMS; j++) {
      Key p = Key.param("v:p" + j + "@" + (2 + j), 1 + j);
      b.parameter(p);
      conds.add(p);
    }
    Key orm = Key.local("v:orm@100");
    b.call(new Op.Call("new Orm", null, false, List.of(), null, orm, false), sites.next("new Orm()"), List.of());
    for (int j = 0; j < LOCALS; j++) {
      Key l = Key.local("v:l" + j + "@" + (200 + j));
      conds.add(l);
      Site site = sites.next("s.check(" + j + ")");
      b.assignBool(l, b.leaf(() -> call(b, "check", s, sites), Cond.UNKNOWN, site), site);
    }
    TxInfo info = new TxInfo("home-grown Orm", "home-grown:bench.Scale.Orm", false, "{handle}.rollback()");
    b.op(new Op.Begin(orm, false, null, info), sites.next("orm.begin()"));
    List<Key> flags = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Key c = conds.get(i % conds.size());
      Site site = sites.next("c" + i);
      switch (v) {
        case IF_CALL -> b.ifThenElse(b.leaf(() -> {}, new Cond.Var(c), site), () -> call(b, "step", s, sites), null);
        case IF_ELSE -> b.ifThenElse(b.leaf(() -> {}, new Cond.Var(c), site), () -> call(b, "step", s, sites),
            () -> call(b, "other", s, sites));
        case FLAGS -> {
          Key f = Key.local("v:f" + i + "@" + (1000 + i));
          flags.add(f);
          Site decl = sites.next("false");
          b.assignBool(f, b.leaf(() -> {}, Cond.FALSE, decl), decl);
          b.ifThenElse(b.leaf(() -> {}, new Cond.Var(c), site), () -> {
            call(b, "step", s, sites);
            Site set = sites.next("true");
            b.assignBool(f, b.leaf(() -> {}, Cond.TRUE, set), set);
          }, null);
        }
      }
    }
    for (Key f : flags) {
      Site site = sites.next(f.id());
      b.ifThenElse(b.leaf(() -> {}, new Cond.Var(f), site), () -> call(b, "other", s, sites), null);
    }
    b.op(new Op.End(orm), sites.next("orm.commit()"));
    Site end = sites.next("}");
    b.fallOffEnd(end);
    return b.build(end);
  }

  private static void call(FlowGraphBuilder b, String name, Key receiver, Sites sites) {
    List<Key> args = new ArrayList<>();
    args.add(null); // an int literal
    b.call(new Op.Call(name, receiver, false, args, null, null, false), sites.next("s." + name + "(i)"), List.of());
  }

  // ================================================================ whole compile

  /** The compilation unit whose {@code run} method has the N ifs. */
  static String source(Variant v, int n) {
    StringBuilder sb = new StringBuilder();
    sb.append("package bench;\n\n");
    sb.append("public class Scale {\n");
    sb.append("  public static class Orm {\n");
    sb.append("    public void begin() {}\n    public void commit() {}\n    public void rollback() {}\n");
    sb.append("    public boolean isActive() { return false; }\n  }\n\n");
    sb.append("  public interface Steps {\n");
    sb.append("    void step(int i);\n    void other(int i);\n    boolean check(int i);\n  }\n\n");
    sb.append("  public void run(Steps s");
    List<String> conds = new ArrayList<>();
    for (int j = 0; j < PARAMS; j++) {
      sb.append(", boolean p").append(j);
      conds.add("p" + j);
    }
    sb.append(") {\n");
    sb.append("    Orm orm = new Orm();\n");
    for (int j = 0; j < LOCALS; j++) {
      sb.append("    boolean l").append(j).append(" = s.check(").append(j).append(");\n");
      conds.add("l" + j);
    }
    sb.append("    orm.begin();\n");
    for (int i = 0; i < n; i++) {
      String c = conds.get(i % conds.size());
      switch (v) {
        case IF_CALL -> sb.append("    if (").append(c).append(") {\n      s.step(").append(i).append(");\n    }\n");
        case IF_ELSE -> sb.append("    if (").append(c).append(") {\n      s.step(").append(i)
            .append(");\n    } else {\n      s.other(").append(i).append(");\n    }\n");
        case FLAGS -> sb.append("    boolean f").append(i).append(" = false;\n    if (").append(c)
            .append(") {\n      s.step(").append(i).append(");\n      f").append(i).append(" = true;\n    }\n");
      }
    }
    if (v == Variant.FLAGS) {
      for (int i = 0; i < n; i++) {
        sb.append("    if (f").append(i).append(") {\n      s.other(").append(i).append(");\n    }\n");
      }
    }
    sb.append("    orm.commit();\n  }\n}\n");
    return sb.toString();
  }

  private enum Config {
    JAVAC("javac"),
    EP_NO_CHECKS("EP, no checks"),
    EP_TXGUARD("EP + txguard");

    final String label;

    Config(String label) {
      this.label = label;
    }
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String text) {
      super(URI.create("string:///bench/Scale.java"), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  private static JavaCompiler compiler(Config c) {
    return switch (c) {
      case JAVAC -> ToolProvider.getSystemJavaCompiler();
      case EP_NO_CHECKS ->
          new BaseErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(
              Collections.<Class<? extends BugChecker>>emptyList()));
      case EP_TXGUARD ->
          new BaseErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(
              List.of(UncommittedTransaction.class, UncommittedTransactionOnException.class)));
    };
  }

  /** One compile; returns the txguard warnings. */
  private static int compileOnce(JavaCompiler compiler, StandardJavaFileManager fm, String text, Path out) {
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    List<String> options = List.of("-d", out.toString(), "-proc:none", "-XDcompilePolicy=simple",
        "--should-stop=ifError=FLOW", "--release", "17");
    Boolean ok = compiler.getTask(Writer.nullWriter(), fm, diags, options, null, List.of(new Source(text))).call();
    if (!ok) {
      throw new IllegalStateException("compile failed: " + diags.getDiagnostics());
    }
    int n = 0;
    for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
      if (d.getMessage(Locale.ROOT).contains("[UncommittedTransaction")) {
        n++;
      }
    }
    return n;
  }

  private static void wholeCompile(int[] sizes, int reps, int warmup) throws IOException {
    Path out = Files.createTempDirectory("txguard-scaling");
    try {
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ROOT, null)) {
        // Global warm-up: every configuration on every variant at a mid size.
        for (Config c : Config.values()) {
          JavaCompiler jc = compiler(c);
          for (Variant v : Variant.values()) {
            String text = source(v, 200);
            for (int i = 0; i < 3 * warmup; i++) {
              compileOnce(jc, fm, text, out);
            }
          }
        }
        System.out.println();
        System.out.println("2. Whole compile of the one-class source (javac API, in-process, warm JVM), median ms");
        System.out.printf(Locale.ROOT, "%-8s %5s %9s %15s %14s %13s %10s%n",
            "variant", "N", "javac", "EP, no checks", "EP + txguard", "txguard cost", "warnings");
        for (Variant v : Variant.values()) {
          for (int n : sizes) {
            String text = source(v, n);
            double[] t = new double[Config.values().length];
            int warnings = 0;
            for (Config c : Config.values()) {
              JavaCompiler jc = compiler(c);
              for (int i = 0; i < warmup; i++) {
                compileOnce(jc, fm, text, out);
              }
              t[c.ordinal()] = median(reps, () -> {
                long t0 = System.nanoTime();
                compileOnce(jc, fm, text, out);
                return System.nanoTime() - t0;
              });
              if (c == Config.EP_TXGUARD) {
                warnings = compileOnce(jc, fm, text, out);
              }
            }
            System.out.printf(Locale.ROOT, "%-8s %5d %9.1f %15.1f %14.1f %13.1f %10d%n",
                v.label, n, t[0] / 1e6, t[1] / 1e6, t[2] / 1e6, (t[2] - t[1]) / 1e6, warnings);
          }
        }
      }
    } finally {
      try (var walk = Files.walk(out)) {
        walk.sorted(Collections.reverseOrder()).forEach(p -> {
          try {
            Files.delete(p);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
  }

  // ================================================================ helpers

  private static double median(int reps, Supplier<Long> timed) {
    long[] t = new long[reps];
    for (int i = 0; i < reps; i++) {
      t[i] = timed.get();
    }
    Arrays.sort(t);
    return reps % 2 == 1 ? t[reps / 2] : (t[reps / 2 - 1] + t[reps / 2]) / 2.0;
  }
}
