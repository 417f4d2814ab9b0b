// Covers: precision of the zero-config home-grown rule. None of these is a transaction protocol,
// so nothing may be reported: a begin() whose type lacks rollback(), a begin(String) with an
// argument, a type whose commit takes an argument, an open() that is not a begin name, and a
// begin() whose returned type lacks the ends while the receiver lacks them too.
package cases.homegrown;

public class NotATransactionCases {

  /** Has begin() and commit() but no rollback(): not a transaction. */
  static class Stopwatch {
    void begin() {}

    void commit() {}
  }

  /** Its begin takes an argument: not a no-arg begin. */
  static class Batch {
    void begin(String name) {}

    void commit() {}

    void rollback() {}
  }

  /** commit takes an argument: no no-arg commit(). */
  static class Journal {
    void begin() {}

    void commit(boolean flush) {}

    void rollback() {}
  }

  /** open() is not one of the begin names. */
  static class Conn {
    void open() {}

    void commit() {}

    void rollback() {}
  }

  static class Span {
    void finish() {}
  }

  static class Tracer {
    Span begin() {
      return new Span();
    }
  }

  interface Dao {
    void save(Object o);
  }

  private final Dao dao;

  public NotATransactionCases(Dao dao) {
    this.dao = dao;
  }

  public void beginWithoutRollbackIsClean(boolean skip, Object o) {
    Stopwatch watch = new Stopwatch();
    watch.begin();
    dao.save(o);
    if (skip) {
      return;
    }
    watch.commit();
  }

  public void beginWithArgumentIsClean(boolean skip, Object o) {
    Batch batch = new Batch();
    batch.begin("import");
    dao.save(o);
    if (skip) {
      return;
    }
    batch.commit();
  }

  public void commitWithArgumentIsClean(boolean skip, Object o) {
    Journal journal = new Journal();
    journal.begin();
    dao.save(o);
    if (skip) {
      return;
    }
    journal.commit(true);
  }

  public void openIsNotABeginIsClean(boolean skip, Object o) {
    Conn conn = new Conn();
    conn.open();
    dao.save(o);
    if (skip) {
      return;
    }
    conn.commit();
  }

  public void returnedTypeWithoutEndsIsClean(Object o) {
    Span span = new Tracer().begin();
    dao.save(o);
    span.finish();
  }
}
