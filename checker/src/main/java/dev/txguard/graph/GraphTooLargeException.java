package dev.txguard.graph;

/** Thrown when a unit's graph exceeds {@link BuildOptions#maxNodes()}; the unit is reported as not analysed. */
public final class GraphTooLargeException extends RuntimeException {
  public GraphTooLargeException(String unit, int nodes) {
    super("the control-flow graph of " + unit + " exceeds " + nodes + " nodes");
  }
}
