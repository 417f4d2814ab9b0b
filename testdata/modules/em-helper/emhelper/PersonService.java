package emhelper;

import jakarta.persistence.PersistenceException;
import java.util.List;

/** Callers in another file: the helper's begin, end and query wrappers decide every verdict. */
public class PersonService {
  private final PersonDAO dao = new PersonDAO();

  /** Correct: commit in the try, roll back and rethrow on any failure. */
  public void register(Person person) {
    EntityManagerHelper.beginTransaction();
    try {
      dao.save(person);
      EntityManagerHelper.commit();
    } catch (RuntimeException e) {
      EntityManagerHelper.rollback();
      throw e;
    }
  }

  /** Correct: the finally rolls back whatever is still active, then closes. */
  public void importAll(List<Person> people) {
    EntityManagerHelper.beginTransaction();
    try {
      for (Person p : people) {
        dao.save(p);
      }
      EntityManagerHelper.commit();
    } finally {
      if (EntityManagerHelper.isTransactionActive()) {
        EntityManagerHelper.rollback();
      }
      EntityManagerHelper.closeEntityManager();
    }
  }

  /** Correct, through the second-level wrappers. */
  public void enable(Long id) {
    UnitOfWork.start("enable");
    try {
      Person p = dao.findById(id);
      p.setEnabled(true);
      UnitOfWork.finish();
    } catch (RuntimeException e) {
      UnitOfWork.abort();
      throw e;
    }
  }

  /** Correct: the helper owns the transaction, the lambda begins nothing. */
  public Person registerInline(Person person) {
    return EntityManagerHelper.inTransaction(em -> {
      em.persist(person);
      return person;
    });
  }

  /** Correct: the filter's halves, failure remembered in a flag. */
  public void handle(Runnable action) {
    RequestCycle.onBegin();
    boolean failed = true;
    try {
      action.run();
      failed = false;
    } finally {
      RequestCycle.onEnd(failed);
    }
  }

  /** The generated code's usual leak: nothing ends the transaction when the DAO throws. */
  public void rename(Long id, String name) {
    EntityManagerHelper.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Person p = dao.findById(id);
    p.setName(name);
    dao.update(p);
    EntityManagerHelper.commit();
  }

  /** Leaks on exception: closing the EntityManager does not end a resource-local transaction. */
  public void remove(Long id) {
    EntityManagerHelper.beginTransaction();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      Person p = dao.findById(id);
      dao.delete(p);
      EntityManagerHelper.commit();
    } finally {
      EntityManagerHelper.closeEntityManager();
    }
  }

  /** Leaks: the early return skips the commit, and the finally only closes. */
  public boolean changeEmail(Long id, String email) {
    EntityManagerHelper.beginTransaction();
    try {
      Person p = dao.findById(id);
      if (p == null) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return false;
      }
      p.setEmail(email);
      EntityManagerHelper.commit();
      return true;
    } catch (RuntimeException e) {
      EntityManagerHelper.rollback();
      throw e;
    } finally {
      EntityManagerHelper.closeEntityManager();
    }
  }

  /** Leaks on exception: an unchecked exception other than PersistenceException passes the catch. */
  public void promote(Long id) {
    EntityManagerHelper.beginTransaction();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      Person p = dao.findById(id);
      p.setRole("admin");
      EntityManagerHelper.commit();
    } catch (PersistenceException e) {
      EntityManagerHelper.rollback();
      throw new ServiceException("promote failed", e);
    }
  }

  /** Leaks through the second-level wrappers: no rollback, and no commit when already disabled. */
  public void disable(Long id) {
    UnitOfWork.start("disable");
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Person p = dao.findById(id);
    if (p.isEnabled()) {
      p.setEnabled(false);
      UnitOfWork.finish();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }
}
