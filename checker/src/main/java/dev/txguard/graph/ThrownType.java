package dev.txguard.graph;

import java.util.Set;

/**
 * An exception type as far as control flow needs it: its name, the names of all its supertypes (itself included),
 * and whether it is checked. {@link #UNCHECKED} stands for "some unchecked exception of unknown type".
 */
public record ThrownType(String name, Set<String> supertypes, boolean checked) {
  public static final String THROWABLE = "java.lang.Throwable";
  public static final String EXCEPTION = "java.lang.Exception";
  public static final String RUNTIME_EXCEPTION = "java.lang.RuntimeException";

  /** An unchecked exception whose type is not known. */
  public static final ThrownType UNCHECKED =
      new ThrownType("unchecked exception", Set.of(RUNTIME_EXCEPTION, EXCEPTION, THROWABLE), false);

  public ThrownType {
    supertypes = Set.copyOf(supertypes);
  }

  public boolean isUnknownUnchecked() {
    return this.equals(UNCHECKED);
  }

  /** How a {@code catch} of type {@code caught} (given with its own supertypes) handles this type. */
  public Catching caughtBy(ThrownType caught) {
    if (supertypes.contains(caught.name())) {
      return Catching.ALWAYS;
    }
    if (isUnknownUnchecked() && caught.supertypes().contains(RUNTIME_EXCEPTION)) {
      // A narrower unchecked catch (IllegalStateException) may or may not catch an unknown unchecked exception.
      return Catching.SOMETIMES;
    }
    return Catching.NEVER;
  }

  /** The outcome of matching a thrown type against a catch clause. */
  public enum Catching {
    ALWAYS,
    SOMETIMES,
    NEVER
  }

  @Override
  public String toString() {
    return name;
  }
}
