/**
 * Reports over the findings of a source audit: compiler-style text ({@link dev.txguard.report.TextReport}), SARIF 2.1.0
 * ({@link dev.txguard.report.SarifReport}), one self-contained HTML page ({@link dev.txguard.report.HtmlReport}) and
 * baseline files of line-independent fingerprints ({@link dev.txguard.report.Baseline}).
 *
 * <p>The input is an {@link dev.txguard.report.AuditResult}, which sorts itself, so every format is deterministic: the
 * same findings give byte-identical output, with no timestamps and no absolute paths. Depends on
 * {@code dev.txguard.analysis} and {@code dev.txguard.graph}, plus Jackson and Mustache.java, which are optional
 * dependencies of the checker artifact (Error Prone users never load this package).
 */
package dev.txguard.report;
