package jamesmbox;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;

/** Callers in a subclass, calling the inherited begin(), commit() and rollback() unqualified. */
public class JPAMailboxMapper extends JPATransactionalMapper {

  public JPAMailboxMapper(EntityManagerFactory entityManagerFactory) {
    super(entityManagerFactory);
  }

  /** James' save(): begins and leaves the commit to its caller. A begin wrapper: no finding. */
  public long save(String name) throws MailboxException {
    try {
      begin();
      JPAMailbox persisted = new JPAMailbox(name);
      getEntityManager().persist(persisted);
      return persisted.getMailboxId();
    } catch (PersistenceException e) {
      throw new MailboxException("Save of mailbox " + name + " failed", e);
    }
  }

  /** No transaction of its own: run inside execute(). */
  public long insert(String name) {
    JPAMailbox persisted = new JPAMailbox(name);
    getEntityManager().persist(persisted);
    return persisted.getMailboxId();
  }

  public JPAMailbox findMailboxById(long id) {
    return getEntityManager().find(JPAMailbox.class, id);
  }

  /** Rolls back on both the checked and the unchecked failure: correct. */
  public void rename(long id, String newName) throws MailboxException {
    begin();
    try {
      JPAMailbox mailbox = getEntityManager().find(JPAMailbox.class, id);
      mailbox.setName(newName);
      commit();
    } catch (MailboxException | RuntimeException e) {
      rollback();
      throw e;
    }
  }

  /** The early return for a missing mailbox neither commits nor rolls back. */
  public boolean renameIfPresent(long id, String newName) throws MailboxException {
    begin();
    try {
      JPAMailbox mailbox = getEntityManager().find(JPAMailbox.class, id);
      if (mailbox == null) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return false;
      }
      mailbox.setName(newName);
      commit();
      return true;
    } catch (RuntimeException e) {
      rollback();
      throw new MailboxException("Rename of mailbox " + id + " failed", e);
    }
  }

  /** endRequest() in the finally closes the EntityManager, which ends no JPA transaction. */
  public void delete(long id) throws MailboxException {
    begin();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      getEntityManager().createNamedQuery("deleteMessages").setParameter("idParam", id).executeUpdate();
      JPAMailbox mailbox = getEntityManager().find(JPAMailbox.class, id);
      getEntityManager().remove(mailbox);
      commit();
    } finally {
      endRequest();
    }
  }
}
