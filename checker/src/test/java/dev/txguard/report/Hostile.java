package dev.txguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.txguard.analysis.Finding;
import dev.txguard.analysis.PathStep;
import dev.txguard.analysis.Rule;
import dev.txguard.graph.ExitKind;
import dev.txguard.audit.AuditOptions;
import dev.txguard.audit.AuditRunner;
import dev.txguard.graph.Site;
import dev.txguard.protocol.ProtocolRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Strings that try to break out of a report: markup and script (whose execution a browser test would see as a changed
 * title, a {@code data-pwned} attribute or a {@code #pwned} element), quotes, entities, CDATA and comment ends,
 * template syntax, control and bidirectional characters, and unpaired surrogates (which only the report classes can be
 * given: no file name or UTF-8 source carries one).
 */
final class Hostile {
  private Hostile() {}

  /** Payloads that run script if they reach the page as markup; none contains a '/' except in closing tags. */
  static final List<String> MARKUP = List.of(
      "<script>document.title='pwned'</script>",
      "</script><script>document.body.setAttribute('data-pwned','script')</script>",
      "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">",
      "<svg onload=\"document.body.setAttribute('data-pwned','svg')\"></svg>",
      "\"><div id=pwned></div>",
      "'><b id='pwned'>",
      "</td></tr></table><p id=pwned>",
      "<!--", "-->", "]]>", "<![CDATA[", "</textarea>", "</title>");

  /** Everything else that must arrive as text. */
  static final List<String> TEXT = List.of("\"'&<>`=", "&amp;", "&#60;", "&lt;", "\\u003c", "${7*7}", "{{x}}",
      "{{{x}}}", "{{#x}}{{/x}}", "{{! c}}", "%s%n%x");

  /** Control, bidirectional and line-separator characters, and unpaired surrogates. */
  static final String CHARS = "\u0000\u0001\u0007\u0008\u000b\u000c\u001b[31m\u001f\u007f\u0085\u009b"
      + "\u202Eevil\u202C\u2066\u2069\u200F\u2028\u2029a\uD800b\uDFFFc\uDBFF \uDC00\uD83D\uDE00";

  static final String ALL = String.join(" ", MARKUP) + " " + String.join(" ", TEXT) + " " + CHARS;

  /**
   * A result whose every untrusted string is hostile: the file name, the source around the finding, the unit, class,
   * API, begin text, path steps, message, resolution note, and a problem's path and reason.
   */
  static AuditResult result(String untrusted) {
    String source = Fixtures.ORDERS.replace("package com.acme;", "// " + untrusted)
        .replace("orm.begin();", "orm.begin(); /* " + untrusted + " */")
        .replace("return false;", "return false; // " + untrusted);
    Finding f = Fixtures.earlyReturn(source);
    Site begin = new Site(f.begin().start(), f.begin().end(), f.begin().line(), f.begin().column(), untrusted);
    Finding hostile = new Finding(Rule.UNCOMMITTED_TRANSACTION, untrusted, untrusted, f.at(), ExitKind.RETURN, begin,
        untrusted, List.of(new PathStep(PathStep.Kind.BEGIN, begin, null),
            new PathStep(PathStep.Kind.BRANCH, f.path().get(1).site(), untrusted),
            new PathStep(PathStep.Kind.EXIT, f.at(), untrusted)),
        null, untrusted);
    return new AuditResult(
        List.of(new AuditedFile("dir " + untrusted + "/F.java", source,
            List.of(new ReportedFinding(hostile, untrusted, true, List.of(untrusted))))),
        List.of(new Problem(untrusted + ".java", 3, untrusted)), 1);
  }

  /** A leak in a home-grown API whose file name, comments, strings and begin call carry script. */
  static final String SOURCE = """
      // <script>document.title='pwned-src'</script>
      class Hostile {
        static class Orm { void begin() {} void commit() {} void rollback() {} }
        Orm orm = new Orm();
        boolean update(boolean skip) {
          orm.begin(/* </script><script>document.body.setAttribute('data-pwned','begin')</script> */);
          String s = "<img src=x onerror=\\"document.body.setAttribute('data-pwned','string')\\"> ]]> --> <!-- {{x}} ${x} &amp; \u202E \u0001\u001b[31m";
          if (skip) {
            return false; // <svg onload="document.body.setAttribute('data-pwned','svg')"></svg> "><div id=pwned></div>
          }
          orm.commit();
          return true;
        }
      }
      """;

  /** File and directory names: no '/' can be in one, so the closing tag spans a directory and a file. */
  static final String DIR = "<script>document.title='pwned-path'<";
  static final String FILE = "script>.java";
  static final String BROKEN = "<img src=x onerror=\"document.body.setAttribute('data-pwned','name')\"> "
      + "q\"'&amp; \u0001\n-->]]>{{x}}.java";

  /**
   * Writes {@link #SOURCE} under the hostile path {@link #DIR}/{@link #FILE} and a file that does not parse under the
   * hostile name {@link #BROKEN}, audits them, and checks that the audit saw one finding and one problem.
   */
  static AuditResult auditFiles(Path root) throws IOException {
    Files.writeString(Files.createDirectories(root.resolve(DIR)).resolve(FILE), SOURCE, StandardCharsets.UTF_8);
    Files.writeString(root.resolve(BROKEN), "class Broken { void f( }", StandardCharsets.UTF_8);
    AuditResult result = new AuditRunner(new AuditOptions(List.of(root), List.of(), ProtocolRegistry.builtin(), 1,
        false), null).run();
    assertEquals(1, result.findingCount(), TextReport.render(result));
    assertEquals(1, result.problems().size(), TextReport.render(result));
    return result;
  }
}
