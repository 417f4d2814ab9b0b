package com.acme.orders;

import java.util.Map;

public class OrderService {
  private final Orm orm = new Orm();

  public boolean update(Map<Integer, Integer> changes) {
    orm.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Map<Integer, Integer> m = lookup(changes);
    if (m == null) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
    orm.commit();
    return true;
  }

  public boolean updateSafely(Map<Integer, Integer> changes) {
    orm.begin();
    try {
      Map<Integer, Integer> m = lookup(changes);
      if (m == null) {
        return false;
      }
      orm.commit();
      return true;
    } finally {
      if (orm.isActive()) {
        orm.rollback();
      }
    }
  }

  private Map<Integer, Integer> lookup(Map<Integer, Integer> changes) {
    return changes.isEmpty() ? null : changes;
  }
}
