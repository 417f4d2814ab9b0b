package dev.txguard.analysis;

import dev.txguard.graph.FlowGraph;

/**
 * Where the analysis gets the body of a method a unit calls: the front end lowers it on demand (a method of the same
 * file, or of another file of the module). A call's {@code localCallee} is set only where the front end has a body.
 */
@FunctionalInterface
public interface ModuleBodies {
  /** The flow graph of the method with this id, or null when it cannot be had (it failed to lower, say). */
  FlowGraph body(String id);

  /**
   * Whether a module method of this name and this many parameters may begin a transaction, directly or through other
   * module methods (the module index, which covers every method whose body the front end has). A call of another name
   * or argument count needs no summary to tell that it begins nothing.
   */
  default boolean mayBegin(String methodName, int arguments) {
    return true;
  }

  /** No bodies beyond the units given to the analysis. */
  ModuleBodies NONE = id -> null;
}
