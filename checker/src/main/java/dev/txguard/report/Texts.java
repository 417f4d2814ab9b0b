package dev.txguard.report;

/**
 * Text clean-ups for untrusted strings (source text, file names, messages) before they reach a report. Besides control
 * characters, two kinds of character need care: an unpaired UTF-16 surrogate cannot be written as UTF-8 at all (Java's
 * encoder refuses or replaces it, and JSON parsers reject its escape), and the bidirectional formatting characters
 * (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) reorder the text around them, so that a report could show
 * code other than the code analysed ("Trojan Source", CVE-2021-42574).
 */
final class Texts {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Texts() {}

  /**
   * One line for line-oriented output: line breaks and tabs become spaces; other control characters (which could
   * drive a terminal), bidirectional formatting characters and unpaired surrogates become visible {@code \}{@code
   * uXXXX} escapes, so a tool reading the text report line by line cannot be misled.
   */
  static String oneLine(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029') {
        b.append(' ');
      } else if (pairAt(s, i)) {
        b.append(c).append(s.charAt(++i));
      } else if (Character.isISOControl(c) || isBidiControl(c) || Character.isSurrogate(c)) {
        b.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Text for HTML, char for char (so that offsets into it still hold): control characters other than tab, which HTML
   * forbids even as references, become their visible Unicode control pictures (U+2400 block) or U+FFFD; bidirectional
   * formatting characters and unpaired surrogates become U+FFFD. Markup characters are left to the template's escaping.
   */
  static String visible(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (pairAt(s, i)) {
        b.append(c).append(s.charAt(++i));
      } else if (c == '\t' || !(Character.isISOControl(c) || isBidiControl(c) || Character.isSurrogate(c))) {
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

  /** {@code s} with every unpaired surrogate replaced by U+FFFD: a string that UTF-8 can encode. */
  static String wellFormed(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (pairAt(s, i)) {
        i++;
      } else if (Character.isSurrogate(c)) {
        if (b == null) {
          b = new StringBuilder(s);
        }
        b.setCharAt(i, '\uFFFD');
      }
    }
    return b == null ? s : b.toString();
  }

  /** Whether a high surrogate at {@code i} is followed by a low one. */
  private static boolean pairAt(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }

  static boolean isBidiControl(char c) {
    return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
