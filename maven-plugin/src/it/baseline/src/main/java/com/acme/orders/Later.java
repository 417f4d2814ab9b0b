package com.acme.orders;

/** Code written after the baseline: invocations 1 and 2 exclude this file, the third sees its leak. */
public class Later {
  public void archive(Orm orm, boolean nothingToDo) {
    orm.begin();
    if (nothingToDo) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    orm.commit();
  }
}
