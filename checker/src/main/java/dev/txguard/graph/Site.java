package dev.txguard.graph;

/**
 * A place in the source: character offsets (start inclusive, end exclusive), 1-based line and column of the start,
 * and a short source snippet used in messages ({@code orm.begin()}, {@code return false;}).
 */
public record Site(int start, int end, int line, int column, String text) {
  public static final Site NONE = new Site(-1, -1, 0, 0, "");

  public Site {
    text = text == null ? "" : text;
  }

  /** The same place under another name (a condition lowered as its negation). */
  public Site withText(String other) {
    return new Site(start, end, line, column, other);
  }

  /** Whether {@code other} starts inside this site's range. */
  public boolean contains(Site other) {
    return start >= 0 && other.start >= start && other.start < end;
  }

  /** Orders sites by source position. */
  public boolean before(Site other) {
    return start < other.start || (start == other.start && end > other.end);
  }
}
