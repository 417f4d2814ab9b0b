package dev.txguard.analysis;

import dev.txguard.graph.ExitKind;
import dev.txguard.graph.Site;
import dev.txguard.graph.ThrownType;

/** The diagnostic texts, shared by every front end so that they report the same words. */
final class Messages {
  private Messages() {}

  static String normalExit(Site begin, ExitKind kind, String unitName) {
    return beganAt(begin) + " is still active when " + kind.phrase() + " " + unitName
        + "; commit or roll it back first";
  }

  static String exceptionalExit(Site begin, ThrownType type, String unitName) {
    String what = type == null || type.isUnknownUnchecked() ? "an unchecked exception" : article(simpleName(type.name()));
    return beganAt(begin) + " is still active when " + what + " thrown here leaves " + unitName
        + "; roll it back in a catch or finally block";
  }

  static String endedByClose(Site begin, Site close, String unitName) {
    return beganAt(begin) + " is ended only by this close (" + close.text() + ") on some path through " + unitName
        + "; pools usually roll it back, but some drivers commit on close: commit or roll it back first";
  }

  static String beginAgain(Site previous, Site here) {
    String when = previous.start() == here.start() ? " in an earlier iteration" : "";
    return beganAt(previous) + when + " is still active when it is begun again here; commit or roll it back before"
        + " beginning again";
  }

  private static String beganAt(Site begin) {
    return "transaction begun at line " + begin.line() + " (" + begin.text() + ")";
  }

  private static String article(String noun) {
    return ("AEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  /** {@code java.sql.SQLException}: SQLException; a multi-catch's {@code a.A | b.B}: A or B. */
  private static String simpleName(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split(" \\| ", -1)) {
      int dot = part.lastIndexOf('.');
      out.append(out.length() == 0 ? "" : " or ").append(dot < 0 ? part : part.substring(dot + 1));
    }
    return out.toString();
  }
}
