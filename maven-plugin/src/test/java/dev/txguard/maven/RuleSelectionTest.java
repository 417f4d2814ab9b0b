package dev.txguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.txguard.analysis.Rule;
import dev.txguard.report.AuditResult;
import dev.txguard.report.RuleSelection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSelectionTest {
  private static final String W = "txguard's rules";

  @TempDir
  Path dir;

  @Test
  void leavingARuleOutDropsItsFindingsOnly() throws IOException {
    AuditResult all = Sources.audit(Sources.module(dir), dir);
    assertEquals(List.of("UncommittedTransactionOnException", "UncommittedTransaction"), rules(all));

    assertEquals(List.of("UncommittedTransaction"), rules(RuleSelection.parse(List.of("UncommittedTransaction"), W).filter(all)));
    assertEquals(List.of("UncommittedTransactionOnException"),
        rules(RuleSelection.parse(List.of("uncommittedtransactiononexception"), W).filter(all)));
    AuditResult both = RuleSelection.parse(List.of("UncommittedTransaction", "UncommittedTransactionOnException"), W).filter(all);
    assertEquals(rules(all), rules(both));
    assertEquals(all.filesAnalysed(), RuleSelection.parse(List.of("UncommittedTransaction"), W).filter(all).filesAnalysed());
  }

  @Test
  void noNamesMeansTheDefaultRulesWithoutTransactionEndedByClose() {
    RuleSelection none = RuleSelection.parse(List.of(), W);
    assertTrue(none.isDefault());
    assertTrue(none.isEnabled(Rule.UNCOMMITTED_TRANSACTION));
    assertTrue(none.isEnabled(Rule.UNCOMMITTED_TRANSACTION_ON_EXCEPTION));
    assertFalse(none.isEnabled(Rule.TRANSACTION_ENDED_BY_CLOSE));
    assertTrue(RuleSelection.parse(List.of("TransactionEndedByClose"), W).isEnabled(Rule.TRANSACTION_ENDED_BY_CLOSE));
  }

  @Test
  void anUnknownNameIsAConfigurationErrorListingTheRules() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RuleSelection.parse(List.of("UncommittedTransactions"), W));
    assertEquals("unknown rule 'UncommittedTransactions' in txguard's rules; the rules are UncommittedTransaction, "
        + "UncommittedTransactionOnException, TransactionEndedByClose", e.getMessage());
  }

  private static List<String> rules(AuditResult result) {
    return result.findings().map(l -> l.finding().ruleId()).toList();
  }
}
