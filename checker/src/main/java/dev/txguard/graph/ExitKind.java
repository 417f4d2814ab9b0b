package dev.txguard.graph;

/** How a path leaves a unit, or the region of a jump. */
public enum ExitKind {
  RETURN("this return leaves"),
  FALL_OFF("control falls off the end of"),
  BREAK("this break leads out of"),
  CONTINUE("this continue leads out of"),
  YIELD("this yield leads out of"),
  EXCEPTION("an exception thrown here leaves"),
  /** Not an exit: the close that alone ends the transaction on the path ({@code TransactionEndedByClose}). */
  CLOSE("this close ends it in");

  private final String phrase;

  ExitKind(String phrase) {
    this.phrase = phrase;
  }

  /** The words that precede the unit's name in a message. */
  public String phrase() {
    return phrase;
  }
}
