// Covers: a class whose own begin()/commit()/rollback() have no body here (abstract: the zero-config rule on
// `this`), called unqualified by its subclass-facing template methods, as Apache James' transactional mappers do.
// Leak: an early return (its fix is `this.rollback();`: once an internal error in Error Prone, whose fix builder
// looked for rollback() on the type begin() returns, void). Clean: commit, and catch-rollback-rethrow.
package cases.homegrown;

import java.util.Map;

public class HomegrownThisCases {

  abstract static class Mapper {
    protected abstract void begin();

    protected abstract void commit();

    protected abstract void rollback();

    private final Map<Long, String> names;

    Mapper(Map<Long, String> names) {
      this.names = names;
    }

    boolean renameIfPresentLeaks(long id, String name) {
      begin();
      try {
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        if (!names.containsKey(id)) {
          // BUG: Diagnostic contains: [UncommittedTransaction]
          return false;
        }
        names.put(id, name);
        commit();
        return true;
      } catch (IllegalStateException e) {
        rollback();
        throw e;
      }
    }

    boolean renameIsClean(long id, String name) {
      begin();
      try {
        boolean present = names.containsKey(id);
        if (present) {
          names.put(id, name);
        }
        commit();
        return present;
      } catch (RuntimeException e) {
        rollback();
        throw e;
      }
    }
  }
}
