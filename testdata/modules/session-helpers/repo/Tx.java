package repo;

import org.hibernate.Session;
import org.hibernate.Transaction;

/** Begin and end wrappers, and a wrapper of a wrapper, for callers in other files. */
final class Tx {
  private Tx() {}

  static Transaction begin(Session s) {
    return s.beginTransaction();
  }

  static Transaction start(Session s) {
    return begin(s);
  }

  static void finish(Transaction t) {
    if (t.isActive()) {
      t.commit();
    }
  }

  static void abort(Transaction t) {
    if (t != null && t.isActive()) {
      t.rollback();
    }
  }
}
