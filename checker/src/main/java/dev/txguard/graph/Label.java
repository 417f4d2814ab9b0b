package dev.txguard.graph;

/** A point in the graph that jumps can target before the builder reaches it. */
public final class Label {
  final Node node;

  Label(Node node) {
    this.node = node;
  }
}
