package dev.txguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PackageNamesTest {
  @Test
  void readsTheDeclarationAfterCommentsAndAnnotations() {
    assertEquals("com.acme", PackageNames.of("// header\n/* package wrong; */\npackage com.acme;\nclass A {}"));
    assertEquals("com.acme.x", PackageNames.of("\uFEFF@Deprecated @Foo(\"a\")\npackage com . acme\n.x ;"));
  }

  @Test
  void defaultPackageIsEmpty() {
    assertEquals("", PackageNames.of("import java.util.List;\nclass A { String s = \"package x;\"; }"));
    assertEquals("", PackageNames.of(""));
  }

  @Test
  void annotationArgumentsMayHoldParenthesesAndStrings() {
    assertEquals("p.q", PackageNames.of("@A(value = \")(\", x = (1 + 2)) /* c */ @B . C package /* x */ p // y\n . q;"));
    assertEquals("", PackageNames.of("@A(unclosed package p;"));
    assertEquals("", PackageNames.of("packages p;"));
    assertEquals("", PackageNames.of("package p"));
  }

  /** Regression (fuzzer): a NUL after a package name was read as part of it, and Path.of(name) ended the audit. */
  @Test
  void ignorableCharactersEndANameAndNoNameStartsWithADigit() {
    assertEquals("", PackageNames.of("package cases.homegrown\u0000;"));
    assertEquals("", PackageNames.of("package \u0001p;"));
    assertEquals("", PackageNames.of("package 1p;"));
    assertEquals("p\u00e9.\u4e2d", PackageNames.of("package p\u00e9.\u4e2d;"));
  }

  /** Regression: the regular expression this replaced recursed per blank and overflowed the stack, ending the audit. */
  @Test
  void longPreamblesDoNotOverflowTheStack() {
    assertEquals("p", PackageNames.of(" ".repeat(2_000_000) + "package p;"));
    assertEquals("p", PackageNames.of("@A ".repeat(200_000) + "package p;"));
    assertEquals("p", PackageNames.of("//x\n".repeat(200_000) + "package p;"));
  }
}
