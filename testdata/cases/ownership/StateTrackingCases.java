// Version 2 (semantics.md "What the state tracks"): only handles, objects, their aliases, boolean locals and
// parameters and failure-flag locals are tracked. Null tests of unrelated values decide nothing, so ten of them between
// a begin and a commit cost no more than one (the method is analysed, not dropped as "not fully analysed"). A catch
// parameter, and a local assigned from one, are non-null.
package cases.ownership;

import jakarta.persistence.EntityTransaction;
import java.util.Map;

public class StateTrackingCases {
  interface Store {
    void save(String s);
  }

  void tenNullTestsLeaks(EntityTransaction tx, Map<String, Object> m, Store db) {
    tx.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Object p0 = m.get("p0");
    if (p0 == null) {
      db.save("-");
    }
    Object p1 = m.get("p1");
    if (p1 == null) {
      db.save("-");
    }
    Object p2 = m.get("p2");
    if (p2 == null) {
      db.save("-");
    }
    Object p3 = m.get("p3");
    if (p3 == null) {
      db.save("-");
    }
    Object p4 = m.get("p4");
    if (p4 == null) {
      db.save("-");
    }
    Object p5 = m.get("p5");
    if (p5 == null) {
      db.save("-");
    }
    Object p6 = m.get("p6");
    if (p6 == null) {
      db.save("-");
    }
    Object p7 = m.get("p7");
    if (p7 == null) {
      db.save("-");
    }
    Object p8 = m.get("p8");
    if (p8 == null) {
      db.save("-");
    }
    Object p9 = m.get("p9");
    if (p9 == null) {
      db.save("-");
    }
    Object p10 = m.get("p10");
    if (p10 == null) {
      db.save("-");
    }
    if (m.isEmpty()) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return;
    }
    tx.commit();
  }

  void tenNullTestsAreClean(EntityTransaction tx, Map<String, Object> m, Store db) {
    tx.begin();
    try {
      Object p0 = m.get("p0");
      if (p0 == null) {
        db.save("-");
      }
      Object p1 = m.get("p1");
      if (p1 == null) {
        db.save("-");
      }
      Object p2 = m.get("p2");
      if (p2 == null) {
        db.save("-");
      }
      Object p3 = m.get("p3");
      if (p3 == null) {
        db.save("-");
      }
      Object p4 = m.get("p4");
      if (p4 == null) {
        db.save("-");
      }
      Object p5 = m.get("p5");
      if (p5 == null) {
        db.save("-");
      }
      Object p6 = m.get("p6");
      if (p6 == null) {
        db.save("-");
      }
      Object p7 = m.get("p7");
      if (p7 == null) {
        db.save("-");
      }
      Object p8 = m.get("p8");
      if (p8 == null) {
        db.save("-");
      }
      Object p9 = m.get("p9");
      if (p9 == null) {
        db.save("-");
      }
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  void failureFlagFromCatchIsClean(EntityTransaction tx, Store db) {
    RuntimeException failure = null;
    tx.begin();
    try {
      db.save("a");
      tx.commit();
    } catch (RuntimeException e) {
      failure = e;
    }
    if (failure != null) {
      tx.rollback();
      throw failure;
    }
  }

  void failureFlagTestedWrongWayLeaks(EntityTransaction tx, Store db) {
    RuntimeException failure = null;
    tx.begin();
    try {
      db.save("a");
      tx.commit();
    } catch (RuntimeException e) {
      failure = e;
    }
    if (failure == null) {
      tx.rollback();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }
}
