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
}
