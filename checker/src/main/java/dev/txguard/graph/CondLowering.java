package dev.txguard.graph;

/**
 * A condition as the front end lowers it: emit whatever its evaluation does, then branch to {@code ifTrue} or
 * {@code ifFalse}. {@link FlowGraphBuilder#and}, {@link FlowGraphBuilder#or} and {@link FlowGraphBuilder#not}
 * compose them with Java's short-circuit semantics.
 */
@FunctionalInterface
public interface CondLowering {
  void lower(Label ifTrue, Label ifFalse);
}
