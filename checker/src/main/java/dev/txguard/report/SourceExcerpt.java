package dev.txguard.report;

import dev.txguard.analysis.Finding;
import dev.txguard.analysis.PathStep;
import dev.txguard.graph.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The source lines that show a finding's path: a window around the begin, every step and the exit, with the lines
 * between them filled in when they are close (so a typical method shows whole), each line marked with its role and
 * the steps on it, and the sites' characters highlighted.
 */
final class SourceExcerpt {
  /** Lines shown around each marked line. */
  static final int CONTEXT = 2;
  /** Unmarked stretches up to this long are shown rather than elided. */
  static final int MAX_GAP = 20;

  private SourceExcerpt() {}

  /**
   * One shown line; a {@code gap} line stands for elided lines. {@code role} is a CSS class: begin, path, exit or "".
   */
  record Line(int number, boolean gap, String role, List<Segment> segments, List<String> notes) {}

  /** A run of a line's text, highlighted or not. */
  record Segment(String text, boolean marked) {}

  static String role(PathStep.Kind kind) {
    return switch (kind) {
      case BEGIN -> "begin";
      case EXIT, CLOSE -> "exit";
      default -> "path";
    };
  }

  static List<Line> of(Finding f, SourceLines lines) {
    Map<Integer, String> roles = new TreeMap<>();
    Map<Integer, List<String>> notes = new TreeMap<>();
    Map<Integer, boolean[]> marks = new TreeMap<>();
    int n = 0;
    for (PathStep step : f.path()) {
      n++;
      Region r = mark(step.site(), lines, marks);
      if (r != null) {
        roles.merge(r.startLine(), role(step.kind()), SourceExcerpt::stronger);
        notes.computeIfAbsent(r.startLine(), k -> new ArrayList<>()).add(n + ". " + Texts.visible(step.describe()));
      }
    }
    Region begin = mark(f.begin(), lines, marks);
    if (begin != null) {
      roles.merge(begin.startLine(), "begin", SourceExcerpt::stronger);
    }
    Region at = mark(f.at(), lines, marks);
    if (at != null) {
      roles.merge(at.startLine(), "exit", SourceExcerpt::stronger);
    }
    List<Line> out = new ArrayList<>();
    int last = 0;
    for (int[] range : ranges(roles.keySet(), lines.lineCount())) {
      if (last > 0 && range[0] > last + 1) {
        out.add(new Line(0, true, "", List.of(), List.of()));
      }
      for (int line = range[0]; line <= range[1]; line++) {
        out.add(new Line(line, false, roles.getOrDefault(line, ""), segments(lines.line(line), marks.get(line)),
            notes.getOrDefault(line, List.of())));
      }
      last = range[1];
    }
    return out;
  }

  /** Exit outranks begin outranks path, so a line's mark names its most important role. */
  private static String stronger(String a, String b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(String role) {
    return switch (role) {
      case "exit" -> 3;
      case "begin" -> 2;
      default -> 1;
    };
  }

  /** Marks the site's characters on its first line; returns its region, or null if it has no line. */
  private static Region mark(Site site, SourceLines lines, Map<Integer, boolean[]> marks) {
    Region r = Region.of(site, lines);
    if (r == null || r.startLine() > lines.lineCount()) {
      return null;
    }
    String text = lines.line(r.startLine());
    if (r.hasEnd()) {
      int from = Math.min(text.length(), r.startColumn() - 1);
      int to = r.endLine() == r.startLine() ? Math.min(text.length(), r.endColumn() - 1) : text.length();
      boolean[] m = marks.computeIfAbsent(r.startLine(), k -> new boolean[text.length()]);
      for (int i = from; i < to; i++) {
        m[i] = true;
      }
    }
    return r;
  }

  /** Windows of {@link #CONTEXT} lines around each marked line, merged across gaps up to {@link #MAX_GAP}. */
  private static List<int[]> ranges(Iterable<Integer> marked, int lineCount) {
    List<int[]> out = new ArrayList<>();
    for (int line : marked) {
      int from = Math.max(1, line - CONTEXT);
      int to = Math.min(lineCount, line + CONTEXT);
      int[] prev = out.isEmpty() ? null : out.get(out.size() - 1);
      if (prev != null && from <= prev[1] + MAX_GAP + 1) {
        prev[1] = Math.max(prev[1], to);
      } else {
        out.add(new int[] {from, to});
      }
    }
    return out;
  }

  private static List<Segment> segments(String text, boolean[] marks) {
    String shown = Texts.visible(text);
    if (marks == null) {
      return List.of(new Segment(shown, false));
    }
    // Texts.visible maps char for char, so the marks still line up.
    List<Segment> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= shown.length(); i++) {
      if (i == shown.length() || marks[i] != marks[start]) {
        out.add(new Segment(shown.substring(start, i), marks[start]));
        start = i;
      }
    }
    return out;
  }
}
