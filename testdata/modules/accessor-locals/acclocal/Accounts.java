package acclocal;

import jakarta.persistence.EntityManager;
import java.util.List;

class Accounts {
  private final List<String> names;

  Accounts(List<String> names) {
    this.names = names;
  }

  void rename(String from, String to) {
    Jpa.begin();
    try {
      names.remove(from);
      names.add(to);
      Jpa.commit();
    } catch (RuntimeException e) {
      Jpa.rollbackIfActive();
      throw e;
    }
  }

  /** The local copy here names the same EntityManager as the helpers' copies. */
  void renameInline(String from, String to) {
    Jpa.begin();
    EntityManager em = Jpa.em();
    try {
      names.remove(from);
      em.getTransaction().commit();
    } catch (RuntimeException e) {
      em.getTransaction().rollback();
      throw e;
    }
  }

  boolean add(String name) {
    Jpa.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    if (names.contains(name)) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
    names.add(name);
    Jpa.commit();
    return true;
  }

  void transfer(String name) throws Exception {
    Jta.begin();
    try {
      names.add(name);
      Jta.commit();
    } catch (Exception e) {
      Jta.rollback();
      throw e;
    }
  }

  void transferLeaky(String name) throws Exception {
    Jta.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    names.add(name);
    Jta.commit();
  }
}
