package dev.txguard.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The steps a path took so far, newest first; shared between paths (a persistent list). */
record Trail(PathStep step, int tx, Trail previous, int length) {
  static final int MAX_LENGTH = 400;

  static Trail push(Trail t, PathStep step, int tx) {
    int len = t == null ? 1 : t.length + 1;
    if (len > MAX_LENGTH) {
      return t; // keep the begin and the first steps; a longer path adds nothing a reader can use
    }
    return new Trail(step, tx, t, len);
  }

  /** The steps from the begin of {@code tx} to the end, oldest first. */
  static List<PathStep> since(Trail t, int tx) {
    List<PathStep> out = new ArrayList<>();
    for (Trail c = t; c != null; c = c.previous) {
      out.add(c.step);
      if (c.step.kind() == PathStep.Kind.BEGIN && c.tx == tx) {
        break;
      }
    }
    Collections.reverse(out);
    return out;
  }
}
