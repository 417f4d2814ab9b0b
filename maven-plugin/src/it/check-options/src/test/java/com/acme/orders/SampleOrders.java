package com.acme.orders;

/** Test code: audited because includeTests is on. */
public class SampleOrders {
  public void load(Orm orm, boolean empty) {
    orm.begin();
    if (empty) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    orm.commit();
  }
}
