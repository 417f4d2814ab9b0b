package dev.txguard.javac;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Lets tests in other packages compile cases with the checks (see {@link CaseDiff}). */
public final class CaseDiffAccess {
  private CaseDiffAccess() {}

  public static String classpath() {
    return CaseDiff.classpath();
  }

  /** {@code File.java:line [Rule]} for each {@code // BUG: Diagnostic contains:} marker of the file. */
  public static Set<String> markers(Path file) throws IOException {
    Set<String> out = new java.util.TreeSet<>();
    CaseDiff.markers(file).forEach(e -> out.add(e.file() + ":" + e.line() + " [" + e.rule() + "]"));
    return out;
  }

  /** {@code File.java:line [Rule] begun N} for each diagnostic. */
  public static Set<String> javacFindings(List<Path> files) throws IOException {
    return CaseDiff.findingsWithBegin(files);
  }
}
