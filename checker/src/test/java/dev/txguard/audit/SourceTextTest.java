package dev.txguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceTextTest {
  @Test
  void utf8IsReadAsUtf8WithoutItsByteOrderMark() {
    SourceText t = SourceText.decode("\uFEFFclass Café {}".getBytes(StandardCharsets.UTF_8));
    assertEquals("class Café {}", t.text());
    assertFalse(t.latin1Fallback());
  }

  @Test
  void invalidUtf8FallsBackToLatin1() {
    SourceText t = SourceText.decode("class Café {}".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("class Café {}", t.text());
    assertTrue(t.latin1Fallback());
  }
}
