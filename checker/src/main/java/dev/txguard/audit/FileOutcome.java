package dev.txguard.audit;

import dev.txguard.report.Problem;
import dev.txguard.report.ReportedFinding;
import java.util.List;

/**
 * What one file gave: its findings, its problems, whether it was analysed at all, and its text only if it has
 * findings (reports quote it; keeping every file's text would hold the whole code base in memory).
 */
record FileOutcome(String path, String source, List<ReportedFinding> findings, List<Problem> problems,
    boolean analysed) {}
