package dev.txguard.source;

/**
 * How deeply a source nests brackets (round, square and curly), found by a linear scan that skips comments and literals. The
 * analyzer refuses files nested beyond {@link #LIMIT} before parsing them: JavaParser's lookahead over nested lambdas
 * grows with the cube of the depth (5,000 levels took 47 s, 10,000 would take minutes) and its recursion can exhaust
 * any stack, whereas written code rarely nests even a hundred deep. Nesting without brackets (else-if chains, operator
 * chains) is not counted; the stack and the file time limit bound it.
 */
public final class NestingDepth {
  /** The deepest bracket nesting analysed. */
  public static final int LIMIT = 1000;

  private NestingDepth() {}

  /** The maximum depth of open brackets in {@code source}; unbalanced closers are ignored. */
  public static int of(String source) {
    int depth = 0;
    int max = 0;
    int n = source.length();
    for (int i = 0; i < n; i++) {
      char c = source.charAt(i);
      switch (c) {
        case '(', '[', '{' -> max = Math.max(max, ++depth);
        case ')', ']', '}' -> depth = Math.max(0, depth - 1);
        case '/' -> {
          if (i + 1 < n && source.charAt(i + 1) == '/') {
            i = endOfLine(source, i);
          } else if (i + 1 < n && source.charAt(i + 1) == '*') {
            int end = source.indexOf("*/", i + 2);
            i = end < 0 ? n : end + 1;
          }
        }
        case '"' -> i = source.startsWith("\"\"\"", i) ? endOfTextBlock(source, i + 3) : endOfLiteral(source, i, '"');
        case '\'' -> i = endOfLiteral(source, i, '\'');
        default -> {
          // other characters do not nest
        }
      }
    }
    return max;
  }

  private static int endOfLine(String s, int i) {
    while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /** The index of the closing quote, or of the line end for an unterminated literal. */
  private static int endOfLiteral(String s, int i, char quote) {
    for (i++; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote || c == '\n' || c == '\r') {
        return i;
      }
    }
    return s.length();
  }

  private static int endOfTextBlock(String s, int i) {
    for (; i < s.length(); i++) {
      if (s.charAt(i) == '\\') {
        i++;
      } else if (s.startsWith("\"\"\"", i)) {
        return i + 2;
      }
    }
    return s.length();
  }
}
