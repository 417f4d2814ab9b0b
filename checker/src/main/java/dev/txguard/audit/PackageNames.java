package dev.txguard.audit;

/**
 * The package a file declares, read by a small scanner rather than a parse: discovery needs it for every file outside
 * a conventional source root, before any analyser exists, and a full parse would double the audit's cost. It is a
 * loop, not a regular expression: the expression it replaces recursed once per repetition and overflowed the stack on
 * a file starting with some ten thousand blanks, which took the whole audit down.
 */
final class PackageNames {
  private final String text;
  private int pos;

  private PackageNames(String text) {
    this.text = text;
  }

  /** The declared package, "" for the default package (or when the start of the file is not Java at all). */
  static String of(String source) {
    PackageNames s = new PackageNames(source);
    if (source.startsWith("\uFEFF")) {
      s.pos = 1;
    }
    return s.declaredPackage();
  }

  /** Only annotations (package-info.java) may precede the declaration, so nothing after the first other token counts. */
  private String declaredPackage() {
    while (true) {
      skipBlanksAndComments();
      if (!at('@')) {
        break;
      }
      pos++;
      if (!skipQualifiedName()) {
        return "";
      }
      skipBlanksAndComments();
      if (at('(') && !skipParenthesised()) {
        return "";
      }
    }
    int keyword = pos;
    if (!skipIdentifier() || !text.startsWith("package", keyword) || pos != keyword + "package".length()) {
      return "";
    }
    StringBuilder name = new StringBuilder();
    while (true) {
      skipBlanksAndComments();
      int start = pos;
      if (!skipIdentifier()) {
        return "";
      }
      name.append(text, start, pos);
      skipBlanksAndComments();
      if (at(';')) {
        return name.toString();
      }
      if (!at('.')) {
        return "";
      }
      pos++;
      name.append('.');
    }
  }

  private boolean at(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void skipBlanksAndComments() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (text.startsWith("//", pos)) {
        while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
          pos++;
        }
      } else if (text.startsWith("/*", pos)) {
        int end = text.indexOf("*/", pos + 2);
        pos = end < 0 ? text.length() : end + 2;
      } else {
        return;
      }
    }
  }

  private boolean skipIdentifier() {
    if (pos >= text.length() || !isIdentifierPart(text.charAt(pos)) || Character.isDigit(text.charAt(pos))) {
      return false;
    }
    while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
      pos++;
    }
    return true;
  }

  /**
   * Java identifier characters except the ignorable ones (NUL and other controls): Java lets them into identifiers,
   * but a package name becomes a path, and no path may hold a NUL.
   */
  private static boolean isIdentifierPart(char c) {
    return Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
  }

  private boolean skipQualifiedName() {
    skipBlanksAndComments();
    if (!skipIdentifier()) {
      return false;
    }
    while (true) {
      int before = pos;
      skipBlanksAndComments();
      if (!at('.')) {
        pos = before;
        return true;
      }
      pos++;
      skipBlanksAndComments();
      if (!skipIdentifier()) {
        return false;
      }
    }
  }

  /** An annotation's arguments: balanced parentheses, skipping string and character literals. */
  private boolean skipParenthesised() {
    int depth = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"' || c == '\'') {
        skipLiteral(c);
        continue;
      }
      if (text.startsWith("//", pos) || text.startsWith("/*", pos)) {
        skipBlanksAndComments();
        continue;
      }
      pos++;
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return true;
      }
    }
    return false;
  }

  private void skipLiteral(char quote) {
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '\\') {
        pos++;
      } else if (c == quote || c == '\n') {
        return;
      }
    }
  }
}
