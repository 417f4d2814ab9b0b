package com.acme.uow;

/** Found only through the protocol file. */
public class Jobs {
  public void run(Db db, boolean skip) {
    UnitOfWork u = db.openUnit();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    u.finish();
  }
}
