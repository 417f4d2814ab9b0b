package dev.txguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.txguard.graph.Site;
import org.junit.jupiter.api.Test;

class SourceLinesTest {
  @Test
  void allThreeLineTerminators() {
    SourceLines lines = new SourceLines("a\r\nbc\rd\n\te");
    assertEquals(4, lines.lineCount());
    assertEquals("bc", lines.line(2));
    assertEquals("\te", lines.line(4));
    assertEquals(2, lines.lineOf(3));
    assertEquals(1, lines.columnOf(3));
    assertEquals(3, lines.lineOf(6));
    assertEquals(2, lines.columnOf(9)); // after the tab: one column
  }

  @Test
  void regionFromOffsetsWhenTheyAgreeElseFromTheSite() {
    SourceLines lines = new SourceLines("x\n\tfoo(\n  a);\n");
    // javac would say column 9 for foo (tab expanded); offsets give the character column.
    assertEquals(new Region(2, 2, 3, 5), Region.of(new Site(3, 12, 2, 9, "foo(\n  a);"), lines));
    // Offsets that disagree with the site's line are not trusted.
    assertEquals(new Region(3, 4, 0, 0), Region.of(new Site(3, 12, 3, 4, "?"), lines));
    assertEquals(new Region(3, 4, 0, 0), Region.of(new Site(3, 99, 3, 4, "?"), lines));
    assertNull(Region.of(Site.NONE, lines));
    assertEquals(new Region(2, 2, 2, 2), Region.of(new Site(3, 3, 2, 9, ""), lines));
  }
}
