package dev.txguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.txguard.report.AuditResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSelectionTest {
  @TempDir
  Path dir;

  @Test
  void leavingARuleOutDropsItsFindingsOnly() throws IOException {
    AuditResult all = Sources.audit(Sources.module(dir), dir);
    assertEquals(List.of("UncommittedTransactionOnException", "UncommittedTransaction"), rules(all));

    assertEquals(List.of("UncommittedTransaction"), rules(RuleSelection.parse(List.of("UncommittedTransaction")).filter(all)));
    assertEquals(List.of("UncommittedTransactionOnException"),
        rules(RuleSelection.parse(List.of("uncommittedtransactiononexception")).filter(all)));
    AuditResult both = RuleSelection.parse(List.of("UncommittedTransaction", "UncommittedTransactionOnException")).filter(all);
    assertEquals(rules(all), rules(both));
    assertEquals(all.filesAnalysed(), RuleSelection.parse(List.of("UncommittedTransaction")).filter(all).filesAnalysed());
  }

  @Test
  void noNamesMeansEveryRule() {
    assertTrue(RuleSelection.parse(List.of()).isAll());
  }

  @Test
  void anUnknownNameIsAConfigurationErrorListingTheRules() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RuleSelection.parse(List.of("UncommittedTransactions")));
    assertEquals("unknown rule 'UncommittedTransactions' in txguard's rules; the rules are UncommittedTransaction, "
        + "UncommittedTransactionOnException", e.getMessage());
  }

  private static List<String> rules(AuditResult result) {
    return result.findings().map(l -> l.finding().ruleId()).toList();
  }
}
