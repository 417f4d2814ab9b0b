package jrbatch;

import java.util.ArrayList;
import java.util.List;

/** The set of item states one save writes. */
public class ChangeLog {
  private final List<String> modified = new ArrayList<>();
  private final List<String> deleted = new ArrayList<>();

  public List<String> modifiedStates() {
    return modified;
  }

  public List<String> deletedStates() {
    return deleted;
  }

  public boolean isEmpty() {
    return modified.isEmpty() && deleted.isEmpty();
  }
}
