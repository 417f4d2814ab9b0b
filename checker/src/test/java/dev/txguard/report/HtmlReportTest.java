package dev.txguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.txguard.analysis.Finding;
import dev.txguard.analysis.PathStep;
import dev.txguard.analysis.Rule;
import dev.txguard.graph.ExitKind;
import dev.txguard.graph.Site;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static final String EVIL = "<script>alert(1)</script> </script> & \"q\" 'a' \u0001\u007f";

  @Test
  void summaryFindingsAndProblems() {
    String html = HtmlReport.render(Fixtures.result());
    assertTrue(html.contains("<b>3</b> findings"), html);
    assertTrue(html.contains("<b>2</b> of 5 files with findings"), html);
    assertTrue(html.contains("<tr><td>UncommittedTransaction</td><td class=\"n\">2</td></tr>"), html);
    assertTrue(html.contains("<tr><td>UncommittedTransactionOnException</td><td class=\"n\">1</td></tr>"), html);
    assertTrue(html.contains("<tr><td>JPA</td><td class=\"n\">3</td></tr>"), html);
    assertTrue(html.contains("<tr><td>com.acme</td><td class=\"n\">2</td></tr>"), html);
    assertTrue(html.contains("<tr><td>com.acme.b</td><td class=\"n\">1</td></tr>"), html);
    assertTrue(html.contains("<td>src/main/java/com/acme/Broken.java:3</td><td>could not parse: &#39;;&#39; expected</td>"),
        html);
    assertTrue(html.contains("Resolution: matched by name; could not resolve org.hibernate.Session"), html);
    assertTrue(html.contains("Source not available."), html);
  }

  @Test
  void pathIsMarkedOverTheSourceLines() {
    String html = HtmlReport.render(Fixtures.result());
    String first = html.substring(html.indexOf("<section class=\"finding\" id=\"f1\""), html.indexOf("</section>"));
    assertTrue(first.contains("<tr class=\"begin\"><td class=\"ln\">5</td><td class=\"label\">begin</td>"
        + "<td class=\"code\">    <mark>orm.begin()</mark>;</td><td class=\"notes\">1. transaction begins: orm.begin()<br>"),
        first);
    assertTrue(first.contains("<tr class=\"path\"><td class=\"ln\">6</td>"), first);
    assertTrue(first.contains("<mark>m &#61;&#61; null</mark>"), first);
    assertTrue(first.contains("<tr class=\"exit\"><td class=\"ln\">7</td><td class=\"label\">exit</td>"
        + "<td class=\"code\">      <mark>return false;</mark></td>"), first);
    // Context: two lines around the path, nothing beyond.
    assertTrue(first.contains("<td class=\"ln\">3</td>"), first);
    assertTrue(first.contains("<td class=\"ln\">9</td>"), first);
    assertFalse(first.contains("<td class=\"ln\">2</td>"), first);
    assertFalse(first.contains("<td class=\"ln\">10</td>"), first);
  }

  @Test
  void distantStepsAreShownWithAGap() {
    StringBuilder source = new StringBuilder("void m() {\n  tx.begin();\n");
    for (int i = 0; i < 40; i++) {
      source.append("  step").append(i).append("();\n");
    }
    source.append("  return;\n}\n");
    String text = source.toString();
    Site begin = Fixtures.site(text, "tx.begin()");
    Site ret = Fixtures.site(text, "return;");
    Finding f = new Finding(Rule.UNCOMMITTED_TRANSACTION, "m()", "m", ret, ExitKind.RETURN, begin, "JDBC",
        List.of(new PathStep(PathStep.Kind.BEGIN, begin, null), new PathStep(PathStep.Kind.EXIT, ret, "return")),
        null, "leak");
    String html = HtmlReport.render(new AuditResult(
        List.of(new AuditedFile("M.java", text, List.of(new ReportedFinding(f, "M")))), List.of(), 1));
    assertEquals(1, count(html, "<tr class=\"gap\">"));
    assertTrue(html.contains("<td class=\"ln\">4</td>") && !html.contains("<td class=\"ln\">5</td>"), html);
  }

  @Test
  void everythingUntrustedIsEscaped() {
    String source = Fixtures.ORDERS.replace("package com.acme;", "// " + EVIL)
        .replace("orm.begin();", "orm.begin(); /* " + EVIL + " */");
    Finding f = Fixtures.earlyReturn(source);
    Finding evil = new Finding(Rule.UNCOMMITTED_TRANSACTION, EVIL, EVIL, f.at(), ExitKind.RETURN,
        new Site(f.begin().start(), f.begin().end(), f.begin().line(), f.begin().column(), EVIL), EVIL,
        List.of(new PathStep(PathStep.Kind.BRANCH, f.at(), EVIL), new PathStep(PathStep.Kind.BEGIN, f.begin(), null)),
        null, EVIL);
    AuditResult result = new AuditResult(
        List.of(new AuditedFile("dir/" + EVIL + ".java", source,
            List.of(new ReportedFinding(evil, EVIL, true, List.of(EVIL))))),
        List.of(new Problem(EVIL, 1, EVIL)), 1);
    String html = HtmlReport.render(result);

    assertEquals(1, count(html, "<script"), "only the report's own script");
    assertEquals(1, count(html, "</script"), "only the report's own script");
    assertFalse(html.contains("alert(1)</"), html);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;"
        + " \u2401\u2421"), html);
    assertFalse(html.contains("\u0001") || html.contains("\u007f"), "control characters are made visible");
    // No raw quote can end an attribute early: every attribute value is one of ours or fully escaped.
    Matcher attrs = Pattern.compile("=\"([^\"]*)\"").matcher(html);
    while (attrs.find()) {
      assertFalse(attrs.group(1).contains("<"), attrs.group());
    }
    // The source around the path is shown, escaped.
    assertTrue(html.contains("<mark>orm.begin()</mark>; /* &lt;script&gt;"), html);
  }

  @Test
  void selfContainedAndDeterministic() {
    String html = HtmlReport.render(Fixtures.result());
    assertEquals(html, HtmlReport.render(Fixtures.result()));
    assertFalse(html.contains("http:") || html.contains("https:") || html.contains("src="), "no network");
    assertTrue(html.contains("Content-Security-Policy\" content=\"default-src &#39;none&#39;")
        || html.contains("Content-Security-Policy\" content=\"default-src 'none'"), html);
    assertFalse(html.contains(System.getProperty("user.dir")));
  }

  @Test
  void theTitleNamesWhatWasAudited() {
    String html = HtmlReport.render(Fixtures.result(), "service-a, <b>");
    assertTrue(html.contains("<title>txguard: audit of service-a, &lt;b&gt;</title>"), html.substring(0, 500));
    assertTrue(html.contains("<h1>txguard: audit of service-a, &lt;b&gt;</h1>"), html);
    assertTrue(HtmlReport.render(Fixtures.result()).contains("<title>txguard report</title>"), "without a subject");
  }

  @Test
  void emptyResult() {
    String html = HtmlReport.render(new AuditResult(List.of(), List.of(), 0));
    assertTrue(html.contains("No findings."), html);
    assertTrue(html.contains("None: every file was analysed."), html);
  }

  @Test
  void packageByNamingConvention() {
    assertEquals("com.acme", HtmlView.packageOf("com.acme.Orders.Inner"));
    assertEquals("(default package)", HtmlView.packageOf("Orders"));
    assertEquals("(default package)", HtmlView.packageOf(""));
    assertEquals("a.b", HtmlView.packageOf("a.b.c"));
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
