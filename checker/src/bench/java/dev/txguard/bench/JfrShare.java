package dev.txguard.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording of a javac run and prints which share of the CPU samples (jdk.ExecutionSample) have a
 * {@code dev.txguard} frame on the stack, plus the txguard methods seen most often (inclusive) and the hottest
 * txguard leaf frames. Used by {@code compile-overhead.sh} with {@code PROFILE=1}.
 *
 * <p>Usage: {@code JfrShare <recording.jfr> [top=15]}.
 */
public final class JfrShare {
  private JfrShare() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int total = 0;
    int withTxguard = 0;
    int withErrorProne = 0;
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> txguardLeaf = new HashMap<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      total++;
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      boolean tx = false;
      boolean ep = false;
      String firstTx = null;
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (RecordedFrame f : frames) {
        String cls = f.getMethod().getType().getName();
        String m = cls + "." + f.getMethod().getName();
        if (cls.startsWith("dev.txguard.")) {
          tx = true;
          if (firstTx == null) {
            firstTx = m;
          }
          if (seen.add(m)) {
            inclusive.merge(m, 1, Integer::sum);
          }
        } else if (cls.startsWith("com.google.errorprone.")) {
          ep = true;
        }
      }
      if (tx) {
        withTxguard++;
        txguardLeaf.merge(firstTx, 1, Integer::sum);
      }
      if (ep) {
        withErrorProne++;
      }
    }
    System.out.printf(Locale.ROOT, "CPU samples: %d; with an Error Prone frame: %d (%.1f%%); with a txguard frame: %d (%.1f%%)%n",
        total, withErrorProne, pct(withErrorProne, total), withTxguard, pct(withTxguard, total));
    System.out.println("txguard methods on the stack (inclusive samples):");
    print(inclusive, top, total);
    System.out.println("innermost txguard frame (samples):");
    print(txguardLeaf, top, total);
  }

  private static void print(Map<String, Integer> counts, int top, int total) {
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(en -> System.out.printf(Locale.ROOT, "  %6d  %5.1f%%  %s%n", en.getValue(), pct(en.getValue(), total), en.getKey()));
  }

  private static double pct(int n, int total) {
    return total == 0 ? 0 : 100.0 * n / total;
  }
}
