package dev.txguard.report;

import dev.txguard.graph.Site;

/**
 * Where a site is, in 1-based lines and columns; {@code endColumn} is exclusive, as in SARIF. {@code endLine} is 0
 * when only the start is known.
 */
record Region(int startLine, int startColumn, int endLine, int endColumn) {
  boolean hasEnd() {
    return endLine > 0;
  }

  /**
   * The region of {@code site}: from its offsets when the source is at hand and agrees with the site's line (so a
   * front end with other offset conventions cannot shift a report), else from the site's own line and column.
   * Null when the site has no position at all.
   */
  static Region of(Site site, SourceLines lines) {
    if (lines != null && site.start() >= 0 && site.end() >= site.start() && site.end() <= lines.length()) {
      int line = lines.lineOf(site.start());
      if (site.line() <= 0 || site.line() == line) {
        int column = lines.columnOf(site.start());
        if (site.end() == site.start()) {
          return new Region(line, column, line, column);
        }
        int last = site.end() - 1;
        return new Region(line, column, lines.lineOf(last), lines.columnOf(last) + 1);
      }
    }
    if (site.line() <= 0) {
      return null;
    }
    return new Region(site.line(), Math.max(1, site.column()), 0, 0);
  }
}
