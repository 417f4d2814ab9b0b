package com.acme.service;

import com.acme.orm.Orm;

public class Transfers {
  private final Orm orm;

  public Transfers(Orm orm) {
    this.orm = orm;
  }

  public boolean transfer(long from, long to, long amount) {
    orm.begin();
    if (amount <= 0) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
    orm.commit();
    return true;
  }
}
