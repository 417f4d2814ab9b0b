package dev.txguard.graph;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The control-flow graph of one unit: a method, constructor, initializer, lambda body or anonymous-class method.
 *
 * @param unitName the name used in messages ({@code update()}, {@code lambda in update()})
 * @param unitId unique within the compilation unit; the key of wrapper summaries for methods
 * @param declaredThrows names of the checked exception types the unit declares
 * @param bodySite the site of the unit's body
 * @param parameters the keys of the unit's parameters, in order
 */
public record FlowGraph(
    String unitName,
    String unitId,
    Node entry,
    Node normalExit,
    Node exceptionalExit,
    List<Node> nodes,
    Set<String> declaredThrows,
    Site bodySite,
    List<Key> parameters) {
  public FlowGraph {
    nodes = Collections.unmodifiableList(nodes);
    declaredThrows = Set.copyOf(declaredThrows);
    parameters = List.copyOf(parameters);
  }

  /** Whether the unit contains any transaction operation or same-unit call worth analysing. */
  public boolean hasTransactionOps() {
    for (Node n : nodes) {
      if (n.op() instanceof Op.Begin || n.op() instanceof Op.End || n.op() instanceof Op.Close) {
        return true;
      }
      if (n.op() instanceof Op.Call c && c.localCallee() != null) {
        return true;
      }
      if (n.op() instanceof Op.Branch b && b.cond() instanceof Cond.Query) {
        return true;
      }
    }
    return false;
  }
}
