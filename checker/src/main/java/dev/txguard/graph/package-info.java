/**
 * The control-flow representation shared by every front end: one {@link dev.txguard.graph.FlowGraph} per
 * method, constructor, initializer, lambda body or anonymous-class method.
 *
 * <p>Front ends never create nodes directly: they drive {@link dev.txguard.graph.FlowGraphBuilder}, which owns
 * the hard parts of Java control flow once (routing exceptions to handlers, replaying {@code finally} on every way
 * out of a {@code try}, labeled jumps, switch fall-through). This package depends on nothing but the JDK.
 */
package dev.txguard.graph;
