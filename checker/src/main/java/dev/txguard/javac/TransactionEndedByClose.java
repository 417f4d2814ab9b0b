package dev.txguard.javac;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.ErrorProneOptions;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import dev.txguard.analysis.Rule;
import javax.inject.Inject;

/**
 * See {@code docs/TransactionEndedByClose.md}. Off by default: Error Prone enables every plugin check it loads, and
 * {@code @BugPattern} has no "disabled" attribute for plugins, so this check reports only when the command line names
 * it ({@code -Xep:TransactionEndedByClose} or {@code -Xep:TransactionEndedByClose:WARN|ERROR}) or asks for every
 * disabled check ({@code -XepAllDisabledChecksAsWarnings}). {@code -Xep:TransactionEndedByClose:OFF} keeps it off.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Only closing the connection or session ends a transaction begun in this method on some path",
    severity = WARNING,
    disableable = true,
    linkType = BugPattern.LinkType.NONE)
public final class TransactionEndedByClose extends AbstractTransactionChecker {
  static final String NAME = "TransactionEndedByClose";

  /** For ServiceLoader; Error Prone uses the {@link Inject} constructor. */
  public TransactionEndedByClose() {}

  @Inject
  public TransactionEndedByClose(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  Rule rule() {
    return Rule.TRANSACTION_ENDED_BY_CLOSE;
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    return requested(state) ? super.matchMethod(tree, state) : Description.NO_MATCH;
  }

  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    return requested(state) ? super.matchClass(tree, state) : Description.NO_MATCH;
  }

  /** Whether the command line turned this check on by name, or turned on all disabled checks. */
  static boolean requested(VisitorState state) {
    ErrorProneOptions options = state.errorProneOptions();
    if (options == null) {
      return false;
    }
    ErrorProneOptions.Severity severity = options.getSeverityMap().get(NAME);
    if (severity != null) {
      return severity != ErrorProneOptions.Severity.OFF;
    }
    return options.isEnableAllChecksAsWarnings();
  }
}
