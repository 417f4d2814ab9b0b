package dev.txguard.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The snippet messages quote: the same text as collapsing every whitespace run, trimming and cutting at the limit. */
class SiteSnippetTest {
  private static String reference(String s, int max) {
    String raw = s.replaceAll("\\s+", " ").trim();
    return raw.length() <= max ? raw : raw.substring(0, max - 3) + "...";
  }

  @Test
  void examples() {
    assertEquals("orm.begin()", Site.snippet("  orm.begin()\n", 0, 14, 80));
    assertEquals("if (x) { return; }", Site.snippet("if (x) {\n\t  return;\r\n}", 0, 22, 80));
    assertEquals("abcdefg...", Site.snippet("abcdefghijklmnop", 0, 16, 10));
    assertEquals("begin", Site.snippet("x.begin();", 2, 7, 80));
  }

  @Test
  void agreesWithTheRegexDefinitionOnRandomText() {
    String alphabet = "ab(); \t\n\r\f\u000B";
    Random r = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(40);
      for (int j = 0; j < n; j++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String s = b.toString();
      int max = 4 + r.nextInt(20);
      assertEquals(reference(s, max), Site.snippet(s, 0, s.length(), max), () -> "for \"" + s + "\" max " + max);
    }
  }
}
