import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mutant generator of the recall benchmark (checker/bench/recall-mutants.sh). Run with the CLI jar on the class path
 * (it carries JavaParser): {@code java -cp txguard-cli.jar RecallMutants.java PROJECT_DIR OUT_DIR FILE...}.
 *
 * <p>For each file (relative to PROJECT_DIR) it finds the units (method, constructor and lambda bodies) that call,
 * directly in their own body, a begin of the contract's table or a same-file begin wrapper, and an end of the table or
 * a same-file end wrapper. For each
 * such end call that is a statement of its own ({@code tx.commit();}) it writes a mutant in which that statement is
 * replaced by an empty statement {@code ;} padded with blanks, so that every other line and column stays where it was
 * and the mutant still parses ({@code if (c) ;}). An end call used as a value ({@code return tx.commit();},
 * {@code ok = end(tx)}) is not mutated and is listed as such: removing it would need another expression in its place.
 *
 * <p>Begins and ends are matched by name and argument count, as the zero-config and unresolved-name rules of the
 * contract do; whether the audit agrees is what the run measures. Mutant number k of a file goes to OUT_DIR/bk/, the
 * unchanged file to OUT_DIR/ctl/, both under the file's own relative path, so one audit per batch directory sees each
 * file once. A file with more than {@code -DmaxPerFile} (default 8) mutants keeps that many, evenly spaced in the
 * source. Writes OUT_DIR/mutants.tsv (one mutant a line) and OUT_DIR/skipped.tsv (end calls not mutated).
 */
public final class RecallMutants {
  /** Begins by name: the table's and the zero-config rule's. setAutoCommit(false) and openSession are checked below. */
  private static final Set<String> BEGIN_NO_ARG = Set.of("begin", "beginTransaction", "startTransaction", "multi");
  /** Ends by name with no argument: commit, rollback and the table's other ends (Jedis, MongoDB, Ebean). */
  private static final Set<String> END_NO_ARG =
      Set.of("commit", "rollback", "commitTransaction", "abortTransaction", "exec", "discard");

  record Unit(Node node, String name, int firstLine, int lastLine) {}

  record EndCall(MethodCallExpr call, String kind) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: RecallMutants PROJECT_DIR OUT_DIR FILE...");
      System.exit(2);
    }
    Path project = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int maxPerFile = Integer.getInteger("maxPerFile", 8);
    JavaParser parser = new JavaParser(new ParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21).setTabSize(1));
    try (PrintWriter mutants = new PrintWriter(Files.newBufferedWriter(out.resolve("mutants.tsv"), StandardCharsets.UTF_8));
        PrintWriter skipped = new PrintWriter(Files.newBufferedWriter(out.resolve("skipped.tsv"), StandardCharsets.UTF_8))) {
      for (int i = 2; i < args.length; i++) {
        String rel = args[i].startsWith("./") ? args[i].substring(2) : args[i];
        String text = readText(project.resolve(rel));
        ParseResult<CompilationUnit> parsed = parser.parse(text);
        if (parsed.getResult().isEmpty() || !parsed.isSuccessful()) {
          skipped.println(rel + "\t0\t-\tfile does not parse");
          continue;
        }
        scan(rel, text, parsed.getResult().get(), out, mutants, skipped, maxPerFile);
      }
    }
  }

  /** UTF-8, or ISO-8859-1 where a file is not valid UTF-8 (as the audit reads it). */
  private static String readText(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  private static void scan(String rel, String text, CompilationUnit cu, Path out, PrintWriter mutants,
      PrintWriter skipped, int maxPerFile) throws IOException {
    Map<String, MethodDeclaration> methods = new HashMap<>();
    for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
      if (m.getBody().isPresent()) {
        methods.merge(key(m.getNameAsString(), m.getParameters().size()), m, (a, b) -> a); // first of overloads
      }
    }
    Set<MethodDeclaration> beginWrappers = beginWrappers(methods);
    Set<MethodDeclaration> endWrappers = endWrappers(methods, beginWrappers);
    int[] lineStarts = lineStarts(text);
    List<String[]> found = new ArrayList<>(); // mutant text, then its mutants.tsv fields
    for (Map.Entry<Node, List<MethodCallExpr>> e : callsByUnit(cu).entrySet()) {
      List<MethodCallExpr> calls = e.getValue();
      boolean spring = calls.stream().anyMatch(c -> c.getNameAsString().equals("getTransaction") && c.getArguments().size() == 1);
      boolean ebean = calls.stream().anyMatch(c -> c.getNameAsString().equals("beginTransaction"));
      if (calls.stream().noneMatch(c -> isBegin(c) || beginWrappers.contains(localCallee(c, methods)))) {
        continue;
      }
      List<EndCall> ends = new ArrayList<>();
      for (MethodCallExpr c : calls) {
        MethodDeclaration callee = localCallee(c, methods);
        if (callee != null ? endWrappers.contains(callee) : isEnd(c, spring, ebean)) {
          ends.add(new EndCall(c, callee != null ? "end-wrapper" : "end"));
        }
      }
      if (ends.isEmpty()) {
        continue;
      }
      Unit u = unit(e.getKey());
      String begins = String.join(",", calls.stream().filter(c -> isBegin(c) || beginWrappers.contains(localCallee(c, methods)))
          .map(c -> String.valueOf(line(c))).toList());
      for (EndCall end : ends) {
        MethodCallExpr c = end.call();
        Node stmt = c.getParentNode().orElse(null);
        if (!(stmt instanceof ExpressionStmt)) {
          skipped.println(rel + "\t" + line(c) + "\t" + oneLine(c.toString()) + "\tused as a value in "
              + (stmt == null ? "?" : stmt.getClass().getSimpleName()));
          continue;
        }
        int start = offset(lineStarts, stmt.getRange().get().begin);
        int endOff = offset(lineStarts, stmt.getRange().get().end) + 1;
        String old = text.substring(start, endOff);
        if (!old.endsWith(";") || !old.contains(c.getNameAsString())) {
          skipped.println(rel + "\t" + line(c) + "\t" + oneLine(c.toString()) + "\tsource range does not match the statement");
          continue;
        }
        found.add(new String[] {text.substring(0, start) + blank(old) + text.substring(endOff), rel, u.name(),
            String.valueOf(u.firstLine()), String.valueOf(u.lastLine()), begins, String.valueOf(line(c)), end.kind(),
            oneLine(old), String.valueOf(ends.size())});
      }
    }
    // A file with more mutants than MAX_PER_FILE keeps evenly spaced ones: each costs a whole audit of the file.
    int k = 0;
    for (int i = 0; i < found.size(); i++) {
      String[] m = found.get(i);
      boolean kept = found.size() <= maxPerFile || (long) i * maxPerFile / found.size() != (long) (i - 1) * maxPerFile / found.size()
          || i == 0;
      if (!kept) {
        skipped.println(rel + "\t" + m[6] + "\t" + m[8] + "\tsampled out (" + found.size() + " mutants in the file, "
            + maxPerFile + " kept)");
        continue;
      }
      k++;
      write(out.resolve("b" + k).resolve(rel), m[0]);
      mutants.println(m[1] + "\tb" + k + "\t" + String.join("\t", java.util.Arrays.copyOfRange(m, 2, m.length)));
    }
    if (k > 0) {
      write(out.resolve("ctl").resolve(rel), text);
    }
  }

  /** The statement turned into an empty one: ";" then blanks, line breaks kept. */
  private static String blank(String old) {
    StringBuilder b = new StringBuilder(";");
    for (int i = 1; i < old.length(); i++) {
      char ch = old.charAt(i);
      b.append(ch == '\n' || ch == '\r' ? ch : ' ');
    }
    return b.toString();
  }

  private static boolean isBegin(MethodCallExpr c) {
    String n = c.getNameAsString();
    int argc = c.getArguments().size();
    if (BEGIN_NO_ARG.contains(n) && (argc == 0 || !n.equals("begin") && !n.equals("multi"))) {
      return true;
    }
    if (n.equals("setAutoCommit") && argc == 1) {
      return isFalse(c.getArgument(0));
    }
    if (n.equals("getTransaction") && argc == 1) {
      return true; // Spring's PlatformTransactionManager.getTransaction(definition)
    }
    // MyBatis: openSession(..) begins unless auto-commit is requested (openSession(true)).
    return n.equals("openSession") && c.getArguments().stream().noneMatch(a -> a instanceof BooleanLiteralExpr b && b.getValue());
  }

  /** Ends of the table; one-argument commit/rollback only beside a Spring begin (JDBC rollback(savepoint) is none). */
  private static boolean isEnd(MethodCallExpr c, boolean spring, boolean ebean) {
    String n = c.getNameAsString();
    int argc = c.getArguments().size();
    if (END_NO_ARG.contains(n) && argc == 0) {
      return true;
    }
    if ((n.equals("commit") || n.equals("rollback")) && argc == 1) {
      return spring && !c.getArgument(0).toString().toLowerCase(java.util.Locale.ROOT).contains("savepoint");
    }
    if (n.equals("end") && argc == 0) {
      return ebean;
    }
    return n.equals("setAutoCommit") && argc == 1 && c.getArgument(0) instanceof BooleanLiteralExpr b && b.getValue();
  }

  private static boolean isFalse(Expression e) {
    return e instanceof BooleanLiteralExpr b && !b.getValue();
  }

  /** Same-file methods that end a transaction, directly or through another such method, and begin none. */
  private static Set<MethodDeclaration> endWrappers(Map<String, MethodDeclaration> methods,
      Set<MethodDeclaration> beginWrappers) {
    Set<MethodDeclaration> wrappers = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (MethodDeclaration m : methods.values()) {
        if (wrappers.contains(m)) {
          continue;
        }
        List<MethodCallExpr> calls = m.getBody().get().findAll(MethodCallExpr.class);
        if (beginWrappers.contains(m)
            || calls.stream().anyMatch(c -> isBegin(c) || beginWrappers.contains(localCallee(c, methods)))) {
          continue;
        }
        boolean ends = calls.stream().anyMatch(c -> localCallee(c, methods) != null
            ? wrappers.contains(localCallee(c, methods)) : isEnd(c, true, false));
        if (ends) {
          wrappers.add(m);
          changed = true;
        }
      }
    }
    return wrappers;
  }

  /**
   * Same-file methods that begin a transaction, directly or through another such method, and commit none (a rollback
   * on failure is allowed): their callers begin.
   */
  private static Set<MethodDeclaration> beginWrappers(Map<String, MethodDeclaration> methods) {
    Set<MethodDeclaration> wrappers = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (MethodDeclaration m : methods.values()) {
        if (wrappers.contains(m)) {
          continue;
        }
        List<MethodCallExpr> calls = m.getBody().get().findAll(MethodCallExpr.class);
        boolean commits = calls.stream().anyMatch(c -> isEnd(c, true, true) && !c.getNameAsString().equals("rollback")
            && !c.getNameAsString().equals("abortTransaction") && !c.getNameAsString().equals("discard"));
        if (!commits && calls.stream().anyMatch(c -> isBegin(c) || wrappers.contains(localCallee(c, methods)))) {
          wrappers.add(m);
          changed = true;
        }
      }
    }
    return wrappers;
  }

  /** The same-file method an unqualified or {@code this.} call calls, by name and argument count; else null. */
  private static MethodDeclaration localCallee(MethodCallExpr c, Map<String, MethodDeclaration> methods) {
    if (c.getScope().isPresent() && !c.getScope().get().isThisExpr()) {
      return null;
    }
    return methods.get(key(c.getNameAsString(), c.getArguments().size()));
  }

  /** Each unit's own calls (not those of lambdas or classes nested in it), units in source order. */
  private static Map<Node, List<MethodCallExpr>> callsByUnit(CompilationUnit cu) {
    Map<Node, List<MethodCallExpr>> out = new LinkedHashMap<>();
    for (MethodCallExpr c : cu.findAll(MethodCallExpr.class)) {
      Node u = enclosingUnit(c);
      if (u != null) {
        out.computeIfAbsent(u, x -> new ArrayList<>()).add(c);
      }
    }
    return out;
  }

  private static Node enclosingUnit(Node n) {
    for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof MethodDeclaration || p instanceof ConstructorDeclaration || p instanceof LambdaExpr) {
        return p;
      }
      if (p instanceof TypeDeclaration || p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
        return null;
      }
    }
    return null;
  }

  private static Unit unit(Node u) {
    String name;
    if (u instanceof MethodDeclaration m) {
      name = m.getNameAsString() + "()";
    } else if (u instanceof ConstructorDeclaration c) {
      name = c.getNameAsString() + "()";
    } else {
      Node outer = u.getParentNode().orElse(null);
      while (outer != null && !(outer instanceof MethodDeclaration) && !(outer instanceof ConstructorDeclaration)) {
        outer = outer.getParentNode().orElse(null);
      }
      name = "the lambda in " + (outer == null ? "?" : unit(outer).name());
    }
    String cls = u.findAncestor(TypeDeclaration.class).map(t -> ((TypeDeclaration<?>) t).getNameAsString()).orElse("");
    return new Unit(u, cls + "." + name, u.getRange().get().begin.line, u.getRange().get().end.line);
  }

  private static String key(String name, int argc) {
    return name + "/" + argc;
  }

  private static int line(Node n) {
    return n.getRange().map(r -> r.begin.line).orElse(0);
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\n' || ch == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** JavaParser positions are 1-based lines and columns, a tab counted as one column (tab size 1 above). */
  private static int offset(int[] lineStarts, Position p) {
    return lineStarts[p.line - 1] + p.column - 1;
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
