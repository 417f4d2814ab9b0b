package com.acme.legacy;

import com.acme.orders.Orm;

/** A leak in an excluded package: not reported. */
public class OldBatch {
  public void run(Orm orm, boolean skip) {
    orm.begin();
    if (skip) {
      return;
    }
    orm.commit();
  }
}
