// Version 2, rule 2 with settled detail 9: a new object whose module constructor stores one of its arguments holds
// that argument, and it is still an object the method acquired (`new`). A transaction begun on it is the method's
// own, as on any other new object, also when a factory method of the module created and returned it. (The recall
// benchmark's activemq mutant: `TransactionContext c = getTransactionContext(); c.begin();` over
// `return new TransactionContext(this, ...)`, whose constructor stores `this`.)
package cases.ownership;

public class HolderBeginCases {
  static final class Ctx {
    private final HolderBeginCases owner;
    private boolean inTx;

    Ctx(HolderBeginCases owner) {
      this.owner = owner;
    }

    void begin() {
      inTx = true;
    }

    void commit() {
      inTx = false;
    }

    void rollback() {
      inTx = false;
    }
  }

  private Ctx kept;

  void work() {}

  Ctx newCtx() {
    return new Ctx(this);
  }

  void newHolderLeaks() {
    Ctx c = new Ctx(this);
    c.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    work();
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void factoryHolderLeaks() {
    Ctx c = newCtx();
    c.begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      work();
    } finally {
      kept = null;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void newHolderEnded() {
    Ctx c = new Ctx(this);
    c.begin();
    try {
      work();
      c.commit();
    } catch (RuntimeException e) {
      c.rollback();
      throw e;
    }
  }

  void factoryHolderEndedInFinally() {
    Ctx c = newCtx();
    c.begin();
    try {
      work();
    } finally {
      c.commit();
    }
  }

  Ctx returnedBegunHolderIsABeginWrapper() {
    Ctx c = new Ctx(this);
    c.begin();
    return c;
  }

  void storedBegunHolderIsHandedOff() {
    Ctx c = new Ctx(this);
    c.begin();
    this.kept = c;
  }

  void heldFieldHolderIsBorrowed() {
    kept.begin();
    work();
  }
}
