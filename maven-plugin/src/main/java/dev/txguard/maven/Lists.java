package dev.txguard.maven;

import java.util.ArrayList;
import java.util.List;

/** List parameters as users write them: elements of a list, a comma-separated property value, or both. */
final class Lists {
  private Lists() {}

  /** Every non-blank comma-separated item of every element, trimmed; empty for null. */
  static List<String> items(List<String> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (String value : values) {
        if (value == null) {
          continue;
        }
        for (String item : value.split(",")) {
          if (!item.isBlank()) {
            out.add(item.trim());
          }
        }
      }
    }
    return out;
  }
}
