/**
 * The {@code txguard} command line (picocli): {@code txguard audit PATH...} runs {@link dev.txguard.audit.AuditRunner}
 * and writes a report with {@code dev.txguard.report}. Exit codes: 0 no finding beyond the baseline, 1 findings, 2 a
 * usage error or nothing that could be analysed. Packaged, with its libraries, as the {@code cli} jar.
 */
package dev.txguard.cli;
