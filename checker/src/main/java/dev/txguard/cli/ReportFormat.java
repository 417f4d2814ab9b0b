package dev.txguard.cli;

import dev.txguard.report.AuditResult;
import dev.txguard.report.HtmlReport;
import dev.txguard.report.SarifReport;
import dev.txguard.report.TextReport;

/** The {@code --format} values; lower-case constants because picocli shows them as written in the help. */
enum ReportFormat {
  text,
  sarif,
  html;

  /** The report; {@code subject} names what was audited, for the HTML page's title. */
  String render(AuditResult result, String subject) {
    return switch (this) {
      case text -> TextReport.render(result);
      case sarif -> SarifReport.render(result);
      case html -> HtmlReport.render(result, subject);
    };
  }
}
