/**
 * The transaction APIs as data: which calls begin, end and query a transaction and which object is its handle (the
 * table of {@code semantics.md}), the zero-config rule for home-grown APIs, and the parser for user-described
 * protocols. Front ends describe a call through {@link dev.txguard.protocol.CallFacts} and get back its
 * {@link dev.txguard.protocol.CallRole}. Depends on {@code dev.txguard.graph} (for status tests) only.
 */
package dev.txguard.protocol;
