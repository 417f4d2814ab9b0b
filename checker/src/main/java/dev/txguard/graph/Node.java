package dev.txguard.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A node of a {@link FlowGraph}: an operation at a site, with its outgoing edges. */
public final class Node {
  private final int id;
  private final Op op;
  private final Site site;
  private final List<Edge> successors = new ArrayList<>(2);
  boolean hasIncoming;

  Node(int id, Op op, Site site) {
    this.id = id;
    this.op = op;
    this.site = site;
  }

  public int id() {
    return id;
  }

  public Op op() {
    return op;
  }

  public Site site() {
    return site;
  }

  public List<Edge> successors() {
    return Collections.unmodifiableList(successors);
  }

  void addEdge(Edge edge) {
    successors.add(edge);
  }

  @Override
  public String toString() {
    return id + ":" + op.getClass().getSimpleName() + "@" + site.line();
  }
}
