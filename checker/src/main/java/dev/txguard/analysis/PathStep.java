package dev.txguard.analysis;

import dev.txguard.graph.Site;

/** One step of a leaking path, for reports. */
public record PathStep(Kind kind, Site site, String detail) {
  /** Step kinds. */
  public enum Kind {
    BEGIN,
    BRANCH,
    EXCEPTION,
    CATCH,
    JUMP,
    EXIT,
    /** The close that ends the transaction on this path ({@code TransactionEndedByClose}). */
    CLOSE
  }

  /** A short human description: {@code begin: orm.begin()}, {@code m == null is true}. */
  public String describe() {
    return switch (kind) {
      case BEGIN -> "transaction begins: " + site.text();
      case BRANCH -> detail;
      case EXCEPTION -> detail + " thrown by " + site.text();
      case CATCH -> "caught by " + site.text();
      case JUMP, EXIT -> detail + ": " + site.text();
      case CLOSE -> "closed, which alone ends the transaction: " + site.text();
    };
  }
}
