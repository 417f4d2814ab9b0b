package dev.txguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens HTML reports made from hostile input in a real browser (headless Chromium, {@code --dump-dom}: the DOM after
 * the page's scripts ran) and checks that no injected script ran and that the hostile text shows as text. Every
 * payload, if it ran, would change the title, set a {@code data-pwned} attribute or add a {@code #pwned} element; a
 * control page with the same payloads unescaped proves that they do run in this browser. Skipped when no
 * {@code chromium} is on the PATH ({@code apt-get install chromium}; {@code .ci/run} installs it).
 */
class HtmlReportInBrowserTest {
  private static Path chromium;

  @TempDir
  Path dir;

  @BeforeAll
  static void findChromium() {
    chromium = onPath("chromium");
    Assumptions.assumeTrue(chromium != null, "needs the tool headless Chromium, and no `chromium` is on the"
        + " PATH (apt-get install chromium; .ci/run installs it when run as root)");
  }

  @Test
  void aReportOfHostileFilesRunsNoInjectedScript() throws IOException, InterruptedException {
    AuditResult result = Hostile.auditFiles(dir.resolve("src"));
    Path html = dir.resolve("report.html");
    HtmlReport.write(result, html);

    Document page = dumpDom(html);
    assertNothingRan(page);
    // The parse problem names its line and column.
    assertTrue(page.selectFirst("table.problems td").wholeText().matches(
        java.util.regex.Pattern.quote(Texts.visible(Hostile.BROKEN + ":1:")) + "\\d+"),
        page.selectFirst("table.problems td").wholeText());
    assertEquals(Texts.visible(Hostile.DIR + "/" + Hostile.FILE + ":9:7"), page.selectFirst("section.finding h3").wholeText());
    assertTrue(page.selectFirst("p.message").wholeText().contains(
        "(orm.begin(/* </script><script>document.body.setAttribute('data-pwned','begin'...)"),
        page.selectFirst("p.message").wholeText());
    assertEquals("      return false; // <svg onload=\"document.body.setAttribute('data-pwned','svg')\"></svg>"
        + " \"><div id=pwned></div>", page.selectFirst("tr.exit td.code").wholeText());
    String shownSource = page.select("td.code").eachText().toString();
    assertTrue(shownSource.contains("\u2401\u241b[31m"), "control characters shown as pictures: " + shownSource);

    // The control: the same page with its escaping undone runs the payloads, so the checks above can fail.
    Path control = dir.resolve("control.html");
    Files.writeString(control, unescape(Files.readString(html, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    assertPayloadsRan(dumpDom(control));
  }

  @Test
  void aReportOfEveryHostileStringRunsNoInjectedScript() throws IOException, InterruptedException {
    Path html = dir.resolve("report.html");
    HtmlReport.write(Hostile.result(Hostile.ALL), html);
    Document page = dumpDom(html);
    assertNothingRan(page);
    assertEquals(Texts.visible(Hostile.ALL), page.selectFirst("p.message").wholeText());
    String step = page.select("ol.steps li").get(1).wholeText();
    assertTrue(step.endsWith(" " + Texts.visible(Hostile.ALL)), step);

    Path control = dir.resolve("control.html");
    Files.writeString(control, unescape(Files.readString(html, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    assertPayloadsRan(dumpDom(control));
  }

  @Test
  void longLinesStayInsideTheirBoxes() throws IOException, InterruptedException {
    String source = Fixtures.ORDERS.replace("if (m == null)", "if (m == null && \"" + "a".repeat(400) + "\".isEmpty() && "
        + "check(m, ".repeat(40) + "0" + ")".repeat(40) + ")");
    String path = "src/" + "deeply/".repeat(40) + "Orders.java";
    AuditResult result = new AuditResult(
        List.of(new AuditedFile(path, source, List.of(new ReportedFinding(Fixtures.earlyReturn(source), "com.acme.Orders")))),
        List.of(new Problem("lib/" + "x".repeat(300) + ".java", 0, "cannot read: " + "far too long ".repeat(40))), 1);
    Path html = dir.resolve("report.html");
    HtmlReport.write(result, "a-project-with-a-name-" + "long".repeat(60), html);
    String page = Files.readString(html, StandardCharsets.UTF_8);

    assertEquals("[]", overflowing(page), "boxes that overflow at 800 px");
    // The control: source lines that do not wrap (the report's earlier style) overflow, so the check can fail.
    assertTrue(overflowing(page.replace("</style>", "table.src td.code { white-space: pre; }</style>"))
        .contains("TD.code"), "the control did not overflow");
  }

  /** The boxes whose content is wider than they are, and the page if it scrolls sideways, in an 800 px window. */
  private String overflowing(String page) throws IOException, InterruptedException {
    String measure = "<script>(function () { var out = [];"
        + " if (document.documentElement.scrollWidth > window.innerWidth) out.push('page');"
        + " document.querySelectorAll('section.finding, table.src, td.code, table.problems, h1').forEach(function (e) {"
        + "   if (e.scrollWidth > e.clientWidth + 1) out.push(e.tagName + '.' + e.className); });"
        + " document.title = JSON.stringify(out); })();</script></body>";
    Path measured = Files.createTempFile(dir, "measured", ".html");
    Files.writeString(measured, page.replace("</body>", measure), StandardCharsets.UTF_8);
    return dumpDom(measured, "--window-size=800,600").title();
  }

  private static void assertNothingRan(Document page) {
    assertEquals("txguard report", page.title());
    List<String> markers = markers(page);
    assertEquals(List.of(), markers, "injected markup or script in the DOM");
    assertEquals(1, page.select("script").size(), "only the report's own script");
  }

  private static void assertPayloadsRan(Document control) {
    assertTrue(control.title().startsWith("pwned"), "the control page's script did not run: " + control.title());
    assertTrue(control.body().attributes().asList().stream().anyMatch(a -> a.getKey().equals("data-pwned")),
        "the control page's event handlers did not run");
  }

  /** Everything an injected payload would leave in the DOM. */
  private static List<String> markers(Document page) {
    List<String> out = new ArrayList<>();
    if (!page.title().equals("txguard report")) {
      out.add("title " + page.title());
    }
    for (Element e : page.getAllElements()) {
      for (Attribute a : e.attributes()) {
        if (a.getKey().startsWith("data-pwned") || a.getKey().startsWith("on")) {
          out.add(e.tagName() + "[" + a.getKey() + "]");
        }
      }
      if (e.id().equals("pwned") || List.of("img", "svg", "iframe", "object", "embed", "textarea").contains(e.tagName())) {
        out.add(e.tagName() + "#" + e.id());
      }
    }
    return out;
  }

  /** The report with the template engine's escaping undone: what the page would be without it. */
  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&#61;", "=").replace("&#96;", "`").replace("&amp;", "&");
  }

  /** The DOM after the page's scripts ran. */
  private Document dumpDom(Path html, String... flags) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "dom", ".html");
    Path log = Files.createTempFile(dir, "chromium", ".log");
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-extensions", "--user-data-dir=" + dir.resolve("profile")));
    command.addAll(List.of(flags));
    command.addAll(List.of("--dump-dom", html.toUri().toString()));
    Process p = new ProcessBuilder(command)
        .redirectOutput(out.toFile()).redirectError(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish in 120 s");
    }
    assertEquals(0, p.exitValue(), () -> "chromium failed: " + read(log));
    String dom = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(dom.contains("</html>"), () -> "no DOM from chromium: " + read(log));
    return Jsoup.parse(dom);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static Path onPath(String name) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(d.isEmpty() ? "." : d, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
