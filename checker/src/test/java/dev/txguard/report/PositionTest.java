package dev.txguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionTest {
  @Test
  void sameLineAndColumnAsTheTextReport() {
    AuditResult result = Fixtures.result();
    List<String> fromText = TextReport.render(result).lines()
        .filter(l -> l.matches("^\\S.*:\\d+:\\d+: \\[\\w+\\] .*"))
        .map(l -> l.replaceFirst("^(.+?:\\d+:\\d+):.*$", "$1"))
        .toList();
    List<String> fromPosition = new ArrayList<>();
    result.findings().forEach(l -> {
      Position p = Position.of(l.file(), l.finding());
      fromPosition.add(l.file().path() + ":" + p.line() + ":" + p.column());
    });
    assertEquals(fromText, fromPosition);
    // The fixture's tab-indented line: columns count UTF-16 units, not javac's expanded tabs.
    assertEquals(List.of("src/main/java/com/acme/Orders.java:7:7", "src/main/java/com/acme/Orders.java:9:2",
        "src/main/java/com/acme/b/Billing.java:7:7"), fromPosition);
  }
}
