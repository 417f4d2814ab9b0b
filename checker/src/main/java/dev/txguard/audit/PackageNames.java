package dev.txguard.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The package a file declares, read with a regular expression rather than a parse: discovery needs it for every file
 * outside a conventional source root, before any analyser exists, and a full parse would double the audit's cost.
 */
final class PackageNames {
  private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\r\\n]*", Pattern.DOTALL);
  // Only annotations (package-info.java) may precede the declaration, so anchoring at the start avoids a "package"
  // inside a string literal further down.
  private static final Pattern PACKAGE = Pattern.compile(
      "\\A(?:\\s|@[\\w.$]+(?:\\s*\\([^)]*\\))?)*package\\s+([\\w$]+(?:\\s*\\.\\s*[\\w$]+)*)\\s*;");

  private PackageNames() {}

  /** The declared package, "" for the default package. */
  static String of(String source) {
    String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
    Matcher m = PACKAGE.matcher(COMMENTS.matcher(text).replaceAll(" "));
    return m.find() ? m.group(1).replaceAll("\\s+", "") : "";
  }
}
