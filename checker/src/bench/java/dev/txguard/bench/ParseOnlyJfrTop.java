package dev.txguard.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where an audit's CPU time goes, from a JFR recording (jdk.ExecutionSample events), for
 * {@code checker/bench/audit-vs-parse.sh}. Prints the share of samples in each phase (JavaParser's parser, the symbol
 * solver, txguard's own code outside the solver), the hottest top frames, and the methods most often on the stack
 * (inclusive) among dev.txguard.* and the symbol solver. Note that JFR stacks are truncated at 64 frames by default,
 * so inclusive counts of frames near the bottom of deep stacks are lower bounds.
 *
 * <p>Usage: {@code ParseOnlyJfrTop <recording.jfr> [top=20]}.
 */
public final class ParseOnlyJfrTop {
  private ParseOnlyJfrTop() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int total = 0;
    Map<String, Integer> phase = new HashMap<>();
    Map<String, Integer> leaf = new HashMap<>();
    Map<String, Integer> txInclusive = new HashMap<>();
    Map<String, Integer> solverInclusive = new HashMap<>();
    Map<String, Integer> txCallerOfSolver = new HashMap<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      total++;
      leaf.merge(name(frames.get(0)), 1, Integer::sum);
      boolean solver = false;
      boolean parser = false;
      boolean tx = false;
      String firstSolver = null;
      String txAboveSolver = null;
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        String n = name(f);
        if (!seen.add(n)) {
          continue;
        }
        if (isSolver(n)) {
          solver = true;
          if (firstSolver == null) {
            firstSolver = n;
          }
          solverInclusive.merge(n, 1, Integer::sum);
        } else if (n.startsWith("com.github.javaparser.")) {
          parser |= n.startsWith("com.github.javaparser.GeneratedJavaParser")
              || n.startsWith("com.github.javaparser.JavaParser.")
              || n.startsWith("com.github.javaparser.SimpleCharStream")
              || n.startsWith("com.github.javaparser.GeneratedJavaParserTokenManager");
        }
        if (n.startsWith("dev.txguard.")) {
          tx = true;
          txInclusive.merge(n, 1, Integer::sum);
          if (firstSolver != null && txAboveSolver == null) {
            txAboveSolver = n; // the first txguard frame below the solver: who called it
          }
        }
      }
      if (txAboveSolver != null) {
        txCallerOfSolver.merge(txAboveSolver, 1, Integer::sum);
      }
      // Parsing inside the solver (JavaParserTypeSolver parsing a referenced file) counts as solver time.
      String p = solver ? "symbol solver (incl. files it parses)" : parser ? "JavaParser parse" : tx ? "txguard (no solver)"
          : "other (file reading, JDK, report)";
      phase.merge(p, 1, Integer::sum);
    }
    System.out.printf(Locale.ROOT, "%d execution samples%n", total);
    print("phase (exclusive)", phase, total, top);
    print("top frames (leaf)", leaf, total, top);
    print("dev.txguard methods on the stack (inclusive)", txInclusive, total, top);
    print("symbol solver methods on the stack (inclusive)", solverInclusive, total, top);
    print("txguard frame nearest to the solver (who calls it)", txCallerOfSolver, total, top);
  }

  private static boolean isSolver(String n) {
    return n.startsWith("com.github.javaparser.symbolsolver.")
        || n.startsWith("com.github.javaparser.resolution.");
  }

  private static String name(RecordedFrame f) {
    RecordedMethod m = f.getMethod();
    return m == null ? "?" : m.getType().getName() + "." + m.getName();
  }

  private static void print(String title, Map<String, Integer> counts, int total, int top) {
    System.out.printf(Locale.ROOT, "-- %s%n", title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(en -> System.out.printf(Locale.ROOT, "%7d %5.1f%%  %s%n", en.getValue(),
            100.0 * en.getValue() / Math.max(1, total), en.getKey()));
  }
}
