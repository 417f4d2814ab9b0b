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

  public static String render(AuditResult result) {
    StringWriter out = new StringWriter();
    template().execute(out, HtmlView.of(result));
    return Texts.wellFormed(out.toString()); // every value passed Texts.visible; this guards the rest
  }

  public static void write(AuditResult result, Path file) throws IOException {
    Files.writeString(file, render(result), StandardCharsets.UTF_8);
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
