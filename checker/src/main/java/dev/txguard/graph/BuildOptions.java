package dev.txguard.graph;

import java.util.Set;

/**
 * How calls throw.
 *
 * @param uncheckedExceptions whether a call outside catch/finally may throw an unchecked exception of unknown type
 * @param ignoredExceptions exception type names never followed (a thrown type is ignored if it or a supertype is
 *     listed)
 * @param maxNodes the graph size past which building gives up (a budget against pathological nesting)
 */
public record BuildOptions(boolean uncheckedExceptions, Set<String> ignoredExceptions, int maxNodes) {
  public static final BuildOptions DEFAULT = new BuildOptions(true, Set.of(), 200_000);

  public BuildOptions {
    ignoredExceptions = Set.copyOf(ignoredExceptions);
  }

  boolean ignores(ThrownType t) {
    if (ignoredExceptions.isEmpty()) {
      return false;
    }
    if (t.isUnknownUnchecked()) {
      return ignoredExceptions.contains(ThrownType.RUNTIME_EXCEPTION) || ignoredExceptions.contains(ThrownType.EXCEPTION)
          || ignoredExceptions.contains(ThrownType.THROWABLE);
    }
    for (String s : t.supertypes()) {
      if (ignoredExceptions.contains(s)) {
        return true;
      }
    }
    return false;
  }
}
