/**
 * The Error Prone front end: the two {@code BugChecker}s, the lowering of javac trees onto
 * {@link dev.txguard.graph.FlowGraphBuilder}, javac's answers to {@link dev.txguard.protocol.CallFacts}, the
 * {@code -XepOpt:Txguard:*} configuration and the suggested fixes. Kept thin: every verdict comes from
 * {@link dev.txguard.analysis.UnitSetAnalysis}.
 */
package dev.txguard.javac;
