package dev.txguard.javac;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.txguard.analysis.Rule;
import javax.inject.Inject;

/**
 * See {@code docs/UncommittedTransactionOnException.md}. {@code @SuppressWarnings("UncommittedTransaction")} also
 * silences this check (its alternate name), as the family name does for NullAway's sub-checks.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "An exception can leave this method while a transaction it began is still active",
    severity = WARNING,
    altNames = "UncommittedTransaction",
    linkType = BugPattern.LinkType.NONE)
public final class UncommittedTransactionOnException extends AbstractTransactionChecker {
  /** For ServiceLoader; Error Prone uses the {@link Inject} constructor. */
  public UncommittedTransactionOnException() {}

  @Inject
  public UncommittedTransactionOnException(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  Rule rule() {
    return Rule.UNCOMMITTED_TRANSACTION_ON_EXCEPTION;
  }
}
