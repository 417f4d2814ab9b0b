package dev.txguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListsTest {
  @Test
  void elementsAndCommaSeparatedValuesAlike() {
    assertEquals(List.of("sarif", "html", "text"), Lists.items(Arrays.asList(" sarif, html", null, "", "text ,")));
    assertEquals(List.of(), Lists.items(null));
  }
}
