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

  /**
   * The snippet of {@code source[start, end)} that messages quote: whitespace runs collapsed to one space, trimmed,
   * and cut to {@code max} characters with "..." (both front ends quote through here, so their messages agree).
   * Reads no further than it needs: a site can be a whole statement.
   */
  public static String snippet(CharSequence source, int start, int end, int max) {
    StringBuilder b = new StringBuilder(Math.min(end - start, max + 1));
    boolean pendingSpace = false;
    for (int i = start; i < end && b.length() <= max; i++) {
      char c = source.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B') {
        pendingSpace = b.length() > 0;
        continue;
      }
      if (pendingSpace) {
        b.append(' ');
        pendingSpace = false;
      }
      b.append(c);
    }
    String raw = b.toString().trim();
    return raw.length() <= max ? raw : raw.substring(0, max - 3) + "...";
  }

  /** Orders sites by source position. */
  public boolean before(Site other) {
    return start < other.start || (start == other.start && end > other.end);
  }
}
