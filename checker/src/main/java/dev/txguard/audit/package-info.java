/**
 * The source audit's runner: finds the Java files and source roots under the paths given, builds one symbol solver
 * and one {@link dev.txguard.source.SourceAnalyzer} per worker thread, analyses the files in parallel and gathers an
 * {@link dev.txguard.report.AuditResult}. Whatever keeps a file (or a path, or a classpath entry) from being analysed
 * becomes a {@link dev.txguard.report.Problem}, and the audit goes on. The result does not depend on the thread count
 * or the order files are found in: inputs are sorted and each file's outcome lands in its own slot.
 */
package dev.txguard.audit;
