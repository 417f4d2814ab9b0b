package app;

import jakarta.persistence.EntityManager;
import java.util.List;

/** Callers of the helpers declared in Jpa.java and Work.java. */
public class CustomerService {

  public void renameIsClean(long id, String name) {
    Jpa.beginTransaction();
    try {
      Customer c = Jpa.em().find(Customer.class, id);
      c.name = name;
      Jpa.commitTransaction();
    } catch (RuntimeException e) {
      Jpa.rollbackTransaction();
      throw e;
    }
  }

  public void renameCommitOnlyLeaks(long id, String name) {
    Jpa.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Customer c = Jpa.em().find(Customer.class, id);
    c.name = name;
    Jpa.commitTransaction();
  }

  public boolean deactivateLeaks(long id) {
    Jpa.beginTransaction();
    try {
      Customer c = Jpa.em().find(Customer.class, id);
      if (c == null) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return false;
      }
      c.active = false;
      Jpa.commitTransaction();
      return true;
    } catch (RuntimeException e) {
      Jpa.rollbackTransaction();
      throw e;
    }
  }

  public void touchBeginOnlyIsClean() {
    // Borrowed (the accessor keeps it in a ThreadLocal) and never ended here: a begin wrapper.
    Jpa.beginTransaction();
    Jpa.em().flush();
  }

  public void importIsClean(List<Customer> customers, boolean atomic) {
    Jpa.beginIf(atomic);
    try {
      for (Customer c : customers) {
        Jpa.em().persist(c);
      }
      if (atomic) {
        Jpa.commitTransaction();
      }
    } catch (RuntimeException e) {
      if (atomic) {
        Jpa.rollbackTransaction();
      }
      throw e;
    }
  }

  public void importLeaks(List<Customer> customers, boolean atomic) {
    Jpa.beginIf(atomic);
    for (Customer c : customers) {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      Jpa.em().persist(c);
    }
    if (atomic) {
      Jpa.commitTransaction();
    }
  }

  public Customer lookupReadModeIsClean(long id) {
    // join(READ) begins nothing and completeIf(READ) ends nothing.
    Jpa.join(Jpa.Mode.READ);
    Customer c = Jpa.em().find(Customer.class, id);
    Jpa.completeIf(Jpa.Mode.READ);
    return c;
  }

  public void createWriteModeLeaks(Customer c) {
    Jpa.join(Jpa.Mode.WRITE);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Jpa.em().persist(c);
    Jpa.completeIf(Jpa.Mode.WRITE);
  }

  public void auditIsClean(Customer c) {
    Work.start();
    try {
      Jpa.em().merge(c);
      Work.finish();
    } catch (RuntimeException e) {
      Work.abort();
      throw e;
    }
  }

  public void auditLeaks(Customer c) {
    Work.start();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Jpa.em().merge(c);
    Work.finish();
  }

  public void keptBeginNeverEndedIsClean(Customer c) {
    EntityManager em = Jpa.beginOnCurrent();
    em.persist(c);
  }

  public void freshBeginClosedOnlyLeaks(List<Customer> customers) {
    EntityManager em = Jpa.newTransactionalEm();
    try {
      for (Customer c : customers) {
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        em.persist(c);
      }
    } finally {
      em.close();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void freshBeginIsClean(List<Customer> customers) {
    EntityManager em = Jpa.newTransactionalEm();
    try {
      for (Customer c : customers) {
        em.persist(c);
      }
      em.getTransaction().commit();
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }
}
