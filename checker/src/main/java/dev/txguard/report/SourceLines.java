package dev.txguard.report;

import java.util.Arrays;

/**
 * A source text split into lines, to turn character offsets into 1-based lines and columns. Columns count UTF-16 code
 * units (SARIF's default {@code columnKind}), unlike javac's, which expand tabs. Line terminators are {@code \n},
 * {@code \r\n} and a lone {@code \r}, as in JLS 3.4.
 */
final class SourceLines {
  private final String text;
  private final int[] starts;

  SourceLines(String text) {
    this.text = text;
    int[] s = new int[16];
    int n = 0;
    s[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i++;
      } else if (c != '\r' && c != '\n') {
        continue;
      }
      if (n == s.length) {
        s = Arrays.copyOf(s, n * 2);
      }
      s[n++] = i + 1;
    }
    this.starts = Arrays.copyOf(s, n);
  }

  int length() {
    return text.length();
  }

  int lineCount() {
    return starts.length;
  }

  /** The 1-based line holding {@code offset}. */
  int lineOf(int offset) {
    int i = Arrays.binarySearch(starts, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** The 1-based column of {@code offset} on its line. */
  int columnOf(int offset) {
    return offset - starts[lineOf(offset) - 1] + 1;
  }

  /** The offset where 1-based {@code line} starts. */
  int startOf(int line) {
    return starts[line - 1];
  }

  /** The text of 1-based {@code line}, without its terminator. */
  String line(int line) {
    int from = starts[line - 1];
    int to = line < starts.length ? starts[line] : text.length();
    while (to > from && (text.charAt(to - 1) == '\n' || text.charAt(to - 1) == '\r')) {
      to--;
    }
    return text.substring(from, to);
  }
}
