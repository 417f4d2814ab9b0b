package dev.txguard.report;

import java.util.List;
import java.util.Objects;

/**
 * One analysed file and what was found in it.
 *
 * @param path the path relative to the audited root, with forward slashes
 * @param source the full text, for regions and excerpts; null when it could not be read
 * @param findings the findings in this file, sorted by {@link ReportedFinding#ORDER}
 */
public record AuditedFile(String path, String source, List<ReportedFinding> findings) {
  public AuditedFile {
    path = Objects.requireNonNull(path, "path").replace('\\', '/');
    findings = findings == null ? List.of() : findings.stream().sorted(ReportedFinding.ORDER).toList();
  }
}
