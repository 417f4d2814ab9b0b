package com.acme.orm;

/** Runs work in a transaction, rolling back when it fails: clean. */
public class Work {
  public static void inTransaction(Orm orm, Runnable work) {
    orm.begin();
    try {
      work.run();
      orm.commit();
    } finally {
      if (orm.isActive()) {
        orm.rollback();
      }
    }
  }
}
