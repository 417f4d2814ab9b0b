// Version 2 (semantics.md "Ownership"): storing the handle into a field of this object at the begin
// (this.transaction = session.beginTransaction()) is not a hand-off for a method that ends it itself: the field is
// its working variable, and a path that leaves it open is a leak. A method that stores it and never ends it has
// handed it off (another method of the object ends it).
package cases.ownership;

import org.hibernate.Session;
import org.hibernate.Transaction;

public class HandleFieldCases {
  private Transaction transaction;
  private final Session session;

  HandleFieldCases(Session session) {
    this.session = session;
  }

  void workingFieldRolledBackOnlyOnFailureLeaks(Runnable work) {
    this.transaction = session.beginTransaction();
    try {
      work.run();
    } catch (RuntimeException e) {
      transaction.rollback();
      throw e;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void workingFieldIsClean(Runnable work) {
    this.transaction = session.beginTransaction();
    try {
      work.run();
      this.transaction.commit();
    } catch (RuntimeException e) {
      transaction.rollback();
      throw e;
    }
  }

  void storedForLaterIsSilent() {
    transaction = session.beginTransaction();
  }

  void endedLater() {
    transaction.commit();
  }
}
