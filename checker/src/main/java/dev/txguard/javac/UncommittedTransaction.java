package dev.txguard.javac;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.txguard.analysis.Rule;
import javax.inject.Inject;

/** See {@code docs/UncommittedTransaction.md}. */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A transaction begun in this method can still be active when the method returns",
    severity = WARNING,
    linkType = BugPattern.LinkType.NONE)
public final class UncommittedTransaction extends AbstractTransactionChecker {
  /** For ServiceLoader; Error Prone uses the {@link Inject} constructor. */
  public UncommittedTransaction() {}

  @Inject
  public UncommittedTransaction(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  Rule rule() {
    return Rule.UNCOMMITTED_TRANSACTION;
  }
}
