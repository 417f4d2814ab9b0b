package com.acme.orders;

/** Leaks only when run() throws: an UncommittedTransactionOnException finding, which the rules turn off. */
public class Batch {
  public void save(Orm orm, Runnable work) {
    orm.begin();
    work.run();
    orm.commit();
  }
}
