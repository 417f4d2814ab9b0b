package dev.txguard.report;

import dev.txguard.analysis.Rule;

/** The rules' descriptions for report metadata; the summaries are the {@code @BugPattern} summaries, verbatim. */
final class RuleText {
  private RuleText() {}

  static String summary(Rule rule) {
    return switch (rule) {
      case UNCOMMITTED_TRANSACTION -> "A transaction begun in this method can still be active when the method returns";
      case UNCOMMITTED_TRANSACTION_ON_EXCEPTION ->
          "An exception can leave this method while a transaction it began is still active";
      case TRANSACTION_ENDED_BY_CLOSE ->
          "Only closing the connection or session ends a transaction begun in this method on some path";
    };
  }

  static String fullDescription(Rule rule) {
    return switch (rule) {
      case UNCOMMITTED_TRANSACTION ->
          "A method begins a transaction and, on some path, returns, falls off its end or jumps out of it without"
              + " committing or rolling the transaction back, or begins it again while it is still active. The"
              + " connection stays bound to the open transaction and keeps its locks until something else ends it."
              + " Commit or roll back on every path, for example in a finally block.";
      case UNCOMMITTED_TRANSACTION_ON_EXCEPTION ->
          "After a method begins a transaction, a call or throw can raise an exception that propagates out of the"
              + " method before anything commits or rolls the transaction back. The caller gets the exception and the"
              + " connection keeps the open transaction. Roll it back in a catch or finally block.";
      case TRANSACTION_ENDED_BY_CLOSE ->
          "On some path from the begin, nothing commits or rolls the transaction back and only closing the JDBC"
              + " connection or Hibernate session ends it. Most pools (HikariCP, DBCP, c3p0) roll a returned"
              + " connection back, so the default rules stay silent; but some drivers commit on close (Oracle) and"
              + " some pools do not roll back (the Tomcat JDBC pool's default). Off by default; commit or roll back"
              + " explicitly before the close.";
    };
  }

  /** Where the rule's documentation lives in the txguard distribution. */
  static String docsPath(Rule rule) {
    return "docs/" + rule.checkName() + ".md";
  }
}
