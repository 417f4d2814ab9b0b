package dev.txguard.cli;

import dev.txguard.report.AuditResult;
import dev.txguard.report.HtmlReport;
import dev.txguard.report.SarifReport;
import dev.txguard.report.TextReport;
import java.util.function.Function;

/** The {@code --format} values; lower-case constants because picocli shows them as written in the help. */
enum ReportFormat {
  text(TextReport::render),
  sarif(SarifReport::render),
  html(HtmlReport::render);

  private final Function<AuditResult, String> renderer;

  ReportFormat(Function<AuditResult, String> renderer) {
    this.renderer = renderer;
  }

  String render(AuditResult result) {
    return renderer.apply(result);
  }
}
