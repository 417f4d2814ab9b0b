package dev.txguard.graph;

/** A control-flow edge; exception edges carry the type in flight. */
public record Edge(Kind kind, Node target, ThrownType exception) {
  /** Edge kinds. */
  public enum Kind {
    NORMAL,
    TRUE,
    FALSE,
    EXCEPTION
  }
}
