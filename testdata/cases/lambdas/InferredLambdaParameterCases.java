// Covers: a lambda parameter whose type is inferred (issue 12) has the type the functional interface gives it, so
// `session.onInsert(em -> { em.beginTransaction(); em.persist(x); em.commit(); return x; })` gets the same verdict
// as `(Em em) -> ...`: the parameter is borrowed, the lambda commits it (responsible by rule 1), and an exception
// from persist leaves it open. The interfaces are declared in this file, one of them generic in the parameter type.
package cases.lambdas;

public class InferredLambdaParameterCases {
  static class Em {
    void beginTransaction() {}

    void persist(Object o) {}

    void commit() {}

    void rollback() {}
  }

  interface InsertCallback<T> {
    T apply(Em em);
  }

  interface Work<E, R> {
    R run(E e);
  }

  static class Session {
    <T> T onInsert(InsertCallback<T> callback) {
      return callback.apply(new Em());
    }

    <R> R withWork(Work<Em, R> work) {
      return work.run(new Em());
    }
  }

  private final Session session = new Session();

  /** The code. */
  Object inferredParameterLeaks(Object x) {
    return session.onInsert(em -> {
      em.beginTransaction();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(x);
      em.commit();
      return x;
    });
  }

  Object declaredParameterLeaks(Object x) {
    return session.onInsert((Em em) -> {
      em.beginTransaction();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      em.persist(x);
      em.commit();
      return x;
    });
  }

  Object inferredParameterRollbackIsClean(Object x) {
    return session.onInsert(em -> {
      em.beginTransaction();
      try {
        em.persist(x);
        em.commit();
      } catch (RuntimeException e) {
        em.rollback();
        throw e;
      }
      return x;
    });
  }

  Object genericInterfaceParameterLeaks(Object x) {
    return session.withWork(em -> {
      em.beginTransaction();
      if (x == null) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return null;
      }
      em.commit();
      return x;
    });
  }

  Object genericInterfaceParameterIsClean(Object x) {
    return session.withWork(em -> {
      em.beginTransaction();
      if (x == null) {
        em.rollback();
        return null;
      }
      em.commit();
      return x;
    });
  }

  /** Begins on the borrowed parameter and ends nothing: a begin wrapper. */
  Object beginOnlyIsSilent(Object x) {
    return session.onInsert(em -> {
      em.beginTransaction();
      return x;
    });
  }
}
