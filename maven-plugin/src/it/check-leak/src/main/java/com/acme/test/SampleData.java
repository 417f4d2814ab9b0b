package com.acme.test;

import com.acme.orders.Orm;

/** Main code in a package named "test": compiled, so audited too. */
public class SampleData {
  public void load(Orm orm, boolean empty) {
    orm.begin();
    if (empty) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    orm.commit();
  }
}
