/**
 * The typestate analysis: a forward, path-sensitive walk over a {@link dev.txguard.graph.FlowGraph} in the style of
 * ESP (Das, Lerner and Seigle, PLDI 2002). A path's state is the status of each transaction begun in the unit, what
 * each location refers to, and the known values of boolean locals; at a join, states that agree on everything but the
 * boolean facts merge (keeping the facts they share), so the number of states stays polynomial.
 *
 * <p>{@link dev.txguard.analysis.UnitSetAnalysis} analyses all units of one compilation unit, first computing the
 * begin/end wrapper summaries of its methods, then the findings. Depends on {@code dev.txguard.graph} only.
 */
package dev.txguard.analysis;
