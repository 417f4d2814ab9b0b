// Covers: the zero-config rule needs ends that END something. A SQL DSL (jOOQ's DSLContext declares
// Query startTransaction(), Query commit() and Query rollback()) only builds statements: its no-arg
// commit()/rollback() return another object, so none of its calls is a begin or an end. A fluent
// home-grown type whose ends return the type itself, and one whose ends return boolean, still are.
package cases.homegrown;

public class SqlBuilderCases {

  /** A statement object built by the DSL; nothing runs until it is executed. */
  interface Query {
    int execute();
  }

  /** jOOQ-style DSL: the "transaction" methods build SQL text. */
  interface Dsl {
    Query startTransaction();

    Query commit();

    Query rollback();

    Query select(String what);
  }

  /** A fluent home-grown transaction: each call returns the object itself. */
  interface Fluent {
    Fluent begin();

    Fluent commit();

    Fluent rollback();
  }

  /** A home-grown transaction whose ends report success. */
  interface Reporting {
    void begin();

    boolean commit();

    boolean rollback();
  }

  private final Dsl dsl;

  public SqlBuilderCases(Dsl dsl) {
    this.dsl = dsl;
  }

  /** Builds the statements of a script; nothing is begun here. */
  Query parseStatementIsClean(String keyword) {
    switch (keyword) {
      case "START":
        return dsl.startTransaction();
      case "COMMIT":
        return dsl.commit();
      case "ROLLBACK":
        return dsl.rollback();
      default:
        return dsl.select(keyword);
    }
  }

  /** Starting and not committing a built statement is not a leak either: it is SQL text. */
  int buildOnlyStartIsClean(boolean skip) {
    Query q = dsl.startTransaction();
    if (skip) {
      return 0;
    }
    return q.execute();
  }

  int fluentEarlyReturnLeaks(Fluent db, boolean skip) {
    Fluent tx = db.begin();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return 0;
    }
    tx.commit();
    return 1;
  }

  int reportingEarlyReturnLeaks(Reporting db, boolean skip) {
    db.begin();
    if (skip) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return 0;
    }
    return db.commit() ? 1 : 0;
  }

  int reportingCommittedIsClean(Reporting db, boolean skip) {
    db.begin();
    if (skip) {
      db.rollback();
      return 0;
    }
    return db.commit() ? 1 : 0;
  }
}
