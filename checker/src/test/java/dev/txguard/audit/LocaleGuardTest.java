package dev.txguard.audit;

import static dev.txguard.audit.TestProjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.txguard.protocol.ProtocolRegistry;
import dev.txguard.report.AuditResult;
import dev.txguard.report.TextReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression: under a Turkish default locale JavaParser resolved no {@code int}, and a finding changed. */
class LocaleGuardTest {
  private static final String WRITER = """
      import java.io.IOException;
      import java.io.Writer;
      import java.sql.Connection;
      import java.sql.SQLException;

      class Export {
        void export(Connection conn, Writer out, int qty) throws IOException, SQLException {
          conn.setAutoCommit(false);
          out.write("qty " + qty);
          conn.commit();
        }
      }
      """;

  @TempDir
  Path dir;

  private String audit(Locale locale) {
    Locale before = Locale.getDefault();
    Locale.setDefault(locale);
    try {
      AuditResult r = new AuditRunner(new AuditOptions(List.of(dir), List.of(), ProtocolRegistry.builtin(), 1, false),
          null).run();
      assertEquals(locale, Locale.getDefault(), "the default locale is restored");
      return TextReport.render(r);
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void findingsDoNotDependOnTheDefaultLocale() {
    write(dir, "Export.java", WRITER);
    String root = audit(Locale.ROOT);
    assertTrue(root.contains("java.io.IOException thrown by out.write(\"qty \" + qty)"), root);
    for (String tag : List.of("tr-TR", "az-AZ", "de-DE", "ar-SA", "th-TH-u-nu-thai", "ja-JP-u-ca-japanese")) {
      assertEquals(root, audit(Locale.forLanguageTag(tag)), tag);
    }
  }

  @Test
  void onlyLocalesThatChangeAsciiCaseAreReplaced() {
    assertTrue(LocaleGuard.changesAsciiCase(Locale.forLanguageTag("tr-TR")));
    assertTrue(LocaleGuard.changesAsciiCase(Locale.forLanguageTag("az")));
    assertFalse(LocaleGuard.changesAsciiCase(Locale.ROOT));
    assertFalse(LocaleGuard.changesAsciiCase(Locale.forLanguageTag("de-DE")));
    assertFalse(LocaleGuard.changesAsciiCase(Locale.forLanguageTag("lt-LT")));
  }
}
