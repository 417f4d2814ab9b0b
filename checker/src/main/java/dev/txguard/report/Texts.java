package dev.txguard.report;

/** Text clean-ups for untrusted strings (source text, file names, messages) before they reach a report. */
final class Texts {
  private Texts() {}

  /**
   * One line for line-oriented output: line breaks and tabs become spaces, other control characters (which could
   * drive a terminal) become visible {@code \}{@code uXXXX} escapes, so a tool reading the text report line by line
   * cannot be misled.
   */
  static String oneLine(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029') {
        b.append(' ');
      } else if (Character.isISOControl(c)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Text for HTML: control characters other than tab, which HTML forbids even as references, become their visible
   * Unicode control pictures (U+2400 block) or U+FFFD. Markup characters are left to the template's escaping.
   */
  static String visible(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t' || !Character.isISOControl(c)) {
        b.append(c);
      } else if (c < 0x20) {
        b.append((char) (0x2400 + c));
      } else if (c == 0x7f) {
        b.append('\u2421');
      } else {
        b.append('\uFFFD');
      }
    }
    return b.toString();
  }
}
