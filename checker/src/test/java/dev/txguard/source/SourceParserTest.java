package dev.txguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ParserConfiguration.LanguageLevel;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parsing at the newest level, the retry for old keywords used as names, pinned levels and the failure message. */
class SourceParserTest {
  private static SourceParser.Parsed newest(String source) {
    return new SourceParser(JavaRelease.NEWEST, null).parse(source);
  }

  private static SourceParser.Parsed at(String release, String source) {
    return new SourceParser(JavaRelease.of(release).orElseThrow(), null).parse(source);
  }

  @Test
  void java22To25ConstructsParseAtTheNewestLevelFirstTime() {
    String[] sources = {
        "class A { void m(java.util.List<String> l) { for (var _ : l) {} try {} catch (Exception _) {}"
            + " l.forEach(_ -> {}); Object o = l; if (o instanceof P(int x, _)) {} } record P(int x, int y) {} }",
        "class B extends Object { B(int x) { if (x < 0) throw new IllegalArgumentException(); super(); } }",
        "import module java.sql;\nclass C { Connection c; }",
        "void main() { System.out.println(1); }\n",
        "class D { void m() { int record = 1; int yield = 2; yield = 3; } }"};
    for (String s : sources) {
      SourceParser.Parsed p = newest(s);
      assertNull(p.failure(), s);
      assertEquals(LanguageLevel.JAVA_25, p.level(), s);
    }
  }

  @Test
  void oldKeywordsAsNamesAreParsedAgainAtTheLevelThatAllowedThem() {
    assertEquals(LanguageLevel.JAVA_8,
        newest("class A { void m(Runnable r) { int _ = 1; System.out.println(_); r.run(); } }").level());
    assertEquals(LanguageLevel.JAVA_8, newest("class _ { }").level());
    assertEquals(LanguageLevel.JAVA_1_4, newest("class A { void m() { int enum = 1; enum++; } }").level());
    assertEquals(LanguageLevel.JAVA_1_3, newest("class A { void m() { int assert = 1; } }").level());
    assertEquals(LanguageLevel.JAVA_15, newest("class record { }").level());
    // enum and _ in one file: first Java 1.4 for both words (the lowest level the problems name)
    assertEquals(LanguageLevel.JAVA_1_4, newest("class A { int _ = 1; void m() { int enum = _; } }").level());
  }

  @Test
  void aPinnedLevelIsNotRetried() {
    SourceParser.Parsed p = at("25", "class A {\n  void m() {\n    int _ = 1;\n    System.out.println(_);\n  }\n}\n");
    assertNotNull(p.failure());
    assertEquals(new SourceParser.Failure(4, 24, "Java 25",
        "Unnamed variables only supported in cases described by JEP456"), p.failure());
    assertNull(at("8", "class A { void m() { int _ = 1; System.out.println(_); } }").failure());
    assertNull(at("1.8", "class A { void m() { int _ = 1; System.out.println(_); } }").failure());
  }

  @Test
  void aConstructOfALaterReleaseNamesTheReleaseThatBroughtIt() {
    SourceParser.Parsed p = at("17", "class B extends Object {\n  B(int x) {\n    int y = x;\n    super();\n  }\n}\n");
    assertEquals(new SourceParser.Failure(4, 5, "Java 17",
        "Flexible constructor bodies are not supported (Java 25 and later)"), p.failure());
  }

  @Test
  void aSyntaxErrorIsOneShortLineAtTheFoundToken() {
    SourceParser.Parsed p = newest("class A {\n  int x = 1 +;\n}\n");
    assertEquals(new SourceParser.Failure(2, 14, "Java 25", "Parse error. Found \";\""), p.failure());
    SourceParser.Parsed eof = newest("class A {\n  void m() {\n");
    assertEquals(2, eof.failure().line(), "the end of the text: " + eof.failure());
    assertTrue(eof.failure().message().startsWith("Parse error. Found <EOF>"), eof.failure().message());
    SourceParser.Parsed lexical = newest("class A {\n  \u0001\n}\n");
    assertEquals(new SourceParser.Failure(2, 3, "Java 25", "lexical error: Encountered: \"\\u0001\" (1), after : \"\""),
        lexical.failure());
  }

  @Test
  void anUnrelatedErrorBesideAKeywordIsNotRetried() {
    // `_` as a name is fixed by Java 8, but the syntax error is not: no retry, the newest level's message
    SourceParser.Parsed p = newest("class A { void m() { int _ = 1; int x = 1 +; } }");
    assertEquals("Java 25", p.failure().level());
    assertTrue(p.failure().message().startsWith("Parse error"), p.failure().message());
    // `_` is fixed by Java 8, but records are not in Java 8: the failure is the newest level's
    SourceParser.Parsed both = newest("record R(int a) { void m() { int _ = a; System.out.println(_); } }");
    assertEquals("Java 25", both.failure().level());
    // `var` without an initializer is an error at every level that has `var`: no retry at Java 9
    SourceParser.Parsed var = newest("class A { void m() { var x; } }");
    assertEquals("Java 25", var.failure().level(), var.failure().toString());
  }

  @Test
  void releasesAreSpelledAsJavacSpellsThem() {
    assertEquals(Optional.of(new JavaRelease(LanguageLevel.JAVA_8, true)), JavaRelease.of("8"));
    assertEquals(Optional.of(new JavaRelease(LanguageLevel.JAVA_8, true)), JavaRelease.of("1.8"));
    assertEquals(Optional.of(new JavaRelease(LanguageLevel.JAVA_1_4, true)), JavaRelease.of("1.4"));
    assertEquals(Optional.of(new JavaRelease(LanguageLevel.JAVA_17, true)), JavaRelease.of(" 17 "));
    assertEquals(Optional.of(new JavaRelease(LanguageLevel.JAVA_25, true)), JavaRelease.of("25"));
    for (String bad : new String[] {"26", "1.9", "4", "0", "x", "", "17.0", "1.17"}) {
      assertEquals(Optional.empty(), JavaRelease.of(bad), bad);
    }
    assertEquals("Java 1.4", JavaRelease.of("1.4").orElseThrow().displayName());
    assertEquals("Java 25", JavaRelease.NEWEST.displayName());
  }
}
