package dev.txguard.protocol;

/** What a front end knows about a type, answered from javac symbols or the JavaParser symbol solver. */
public interface TypeFacts {
  /** The qualified name ({@code jakarta.persistence.EntityTransaction}), or the simple name when unresolved. */
  String qualifiedName();

  /** Whether the type is {@code qualifiedName} or a subtype of it. */
  boolean isSubtypeOf(String qualifiedName);

  /** Whether the type declares or inherits a method {@code name()} without parameters. */
  boolean hasNoArgMethod(String name);

  /**
   * Whether the type declares or inherits a method {@code name()} without parameters that can end a transaction: one
   * whose result is nothing, a primitive, the type itself or a supertype (fluent), or a type variable. A no-arg
   * {@code commit()} that returns some other object builds something ({@code Query commit()} of a SQL DSL) rather
   * than ends anything.
   */
  boolean declaresEnd(String name);
}
