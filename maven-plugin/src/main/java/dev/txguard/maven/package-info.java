/**
 * The txguard Maven plugin: goals {@code check}, {@code audit} and {@code baseline} over the source audit of
 * {@code dev.txguard.audit}. The mojos only gather Maven's view of a module (source roots, classpath, configuration),
 * run {@link dev.txguard.audit.AuditRunner} once, and turn its result into log lines, reports and a build outcome; the
 * analysis itself is the checker's. No static mutable state: every mojo instance keeps its own, and the only state
 * shared between modules (an aggregating audit's results) lives in the build session.
 */
package dev.txguard.maven;
