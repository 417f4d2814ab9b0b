package dev.txguard.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One self-contained HTML page: inline CSS and script, no network access (a Content-Security-Policy forbids it), a
 * summary by rule, API and package, each finding with its path over the source lines, and the problems. Rendered with
 * Mustache, which HTML-escapes every {@code {{value}}}; the template uses no unescaped {@code {{{value}}}}, and its
 * script reads only the DOM, so no data is ever placed inside {@code <script>}.
 */
public final class HtmlReport {
  private static final String TEMPLATE = "report.html.mustache";

  private HtmlReport() {}

  /** The title of a report that does not say what was audited. */
  public static final String DEFAULT_TITLE = "txguard report";

  public static String render(AuditResult result) {
    return render(result, null);
  }

  /**
   * With the page's title (and heading) naming what was audited, {@code "txguard: audit of " + subject}, so that a
   * browser's tabs and history tell reports apart; {@link #DEFAULT_TITLE} when {@code subject} is null or blank.
   */
  public static String render(AuditResult result, String subject) {
    String title = subject == null || subject.isBlank() ? DEFAULT_TITLE : "txguard: audit of " + subject;
    StringWriter out = new StringWriter();
    template().execute(out, HtmlView.of(result, title));
    return Texts.wellFormed(out.toString()); // every value passed Texts.visible; this guards the rest
  }

  public static void write(AuditResult result, Path file) throws IOException {
    write(result, null, file);
  }

  public static void write(AuditResult result, String subject, Path file) throws IOException {
    Files.writeString(file, render(result, subject), StandardCharsets.UTF_8);
  }

  /**
   * Compiled per call from this class's own loader (not the context class loader Mustache would use, which differs
   * inside Maven), with a fresh factory because a factory caches templates forever.
   */
  private static Mustache template() {
    try (InputStream in = HtmlReport.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + TEMPLATE + " next to " + HtmlReport.class.getName());
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new DefaultMustacheFactory().compile(new StringReader(text), TEMPLATE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
