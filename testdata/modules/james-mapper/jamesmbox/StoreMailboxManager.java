package jamesmbox;

/** Callers in another file: through execute() and through the mapper's own wrappers. */
public class StoreMailboxManager {
  private final JPAMailboxMapper mapper;

  public StoreMailboxManager(JPAMailboxMapper mapper) {
    this.mapper = mapper;
  }

  /** The work runs inside execute(): nothing is begun here. */
  public long createMailbox(String name) throws MailboxException {
    return mapper.execute(() -> mapper.insert(name));
  }

  /** rename() owns its transaction: nothing is begun here. */
  public void renameMailbox(long id, String newName) throws MailboxException {
    mapper.rename(id, newName);
  }

  /** begin/commit/rollback of another mapper, called from outside it: correct. */
  public void copyName(JPAMailboxMapper from, JPAMailboxMapper to, long id)
      throws MailboxException {
    JPAMailbox source = from.findMailboxById(id);
    to.begin();
    try {
      to.insert(source.getName());
      to.commit();
    } catch (MailboxException | RuntimeException e) {
      to.rollback();
      throw e;
    }
  }
}
