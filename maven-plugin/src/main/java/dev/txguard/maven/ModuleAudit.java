package dev.txguard.maven;

import dev.txguard.report.AuditResult;
import java.nio.file.Path;

/**
 * One module's audit result, with report paths relative to the module's base directory.
 *
 * @param projectId the Maven project id ({@code groupId:artifactId:packaging:version})
 * @param basedir the module's base directory, which report paths are relative to
 * @param result the findings of the enabled rules and the problems, not yet filtered by a baseline
 */
record ModuleAudit(String projectId, Path basedir, AuditResult result) {
  static ModuleAudit empty(String projectId, Path basedir) {
    return new ModuleAudit(projectId, basedir, new AuditResult(null, null, 0));
  }
}
