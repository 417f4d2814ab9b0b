// Covers: the bodies of records, found by the metamorphic tests over the JDK's sources: a compact
// constructor is a unit of its own (javac sees a constructor there), so a transaction it begins and
// leaves open at its closing brace is a leak; a canonical constructor and a record method are units
// as in a class. Home-grown handle Tx returned by a static begin().
package cases.controlflow;

public class RecordCases {

  static final class Tx {
    static Tx begin() {
      return new Tx();
    }

    void commit() {}

    void rollback() {}
  }

  record CompactLeaks(int x) {
    CompactLeaks {
      Tx tx = Tx.begin();
      if (x < 0) {
        tx.rollback();
        throw new IllegalArgumentException("x");
      }
      // BUG: Diagnostic contains: [UncommittedTransaction]
    }
  }

  record CompactIsClean(int x) {
    CompactIsClean {
      Tx tx = Tx.begin();
      if (x < 0) {
        tx.rollback();
        throw new IllegalArgumentException("x");
      }
      tx.commit();
    }
  }

  record CanonicalLeaks(int lo, int hi) {
    CanonicalLeaks(int lo, int hi) {
      Tx tx = Tx.begin();
      this.lo = lo;
      this.hi = hi;
      if (lo > hi) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      tx.commit();
    }
  }

  record Point(int x, int y) {
    int sumLeaks() {
      Tx tx = Tx.begin();
      if (x == 0) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return y;
      }
      tx.commit();
      return x + y;
    }
  }
}
