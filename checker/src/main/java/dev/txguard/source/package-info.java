/**
 * The source audit's front end: lowers JavaParser ASTs of code that need not compile onto the same
 * {@link dev.txguard.graph.FlowGraphBuilder} as the Error Prone front end, answering
 * {@link dev.txguard.protocol.CallFacts} from the JavaParser symbol solver where types resolve and from declared type
 * names and imports where they do not. Resolution is lazy: only calls whose name a protocol could match are resolved.
 */
package dev.txguard.source;
