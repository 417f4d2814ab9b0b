package hibtmpl;

import java.util.List;
import org.hibernate.Session;
import org.hibernate.Transaction;

/** A batch job that decides commit or rollback in finally by a flag. */
public class ImportJob {
  private final TxTemplate template;

  public ImportJob(TxTemplate template) {
    this.template = template;
  }

  /** Correct: the flag is set on failure, the finally ends the transaction either way. */
  public void importAll(List<Item> items) {
    Session s = template.openSession();
    Transaction tx = null;
    boolean rollback = false;
    try {
      tx = TxSupport.begin(s);
      for (Item item : items) {
        s.persist(item);
      }
      s.flush();
    } catch (RuntimeException e) {
      rollback = true;
      throw e;
    } finally {
      if (tx != null) {
        if (rollback) {
          TxSupport.rollbackQuietly(tx);
        } else {
          TxSupport.commit(tx);
        }
      }
      s.close();
    }
  }

  /** Commits when the flag is clear but never rolls back: a failure is ended only by the close. */
  public void importNew(List<Item> items) {
    Session s = template.openSession();
    Transaction tx = null;
    boolean rollback = false;
    try {
      tx = TxSupport.begin(s);
      for (Item item : items) {
        s.persist(item);
      }
    } catch (RuntimeException e) {
      rollback = true;
      throw e;
    } finally {
      if (!rollback) {
        TxSupport.commit(tx);
      }
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      s.close();
    }
  }
}
