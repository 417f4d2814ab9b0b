package hibtmpl;

import jakarta.persistence.PersistenceException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.Session;
import org.hibernate.Transaction;

/** Callers of the template and of the static helpers. */
public class InventoryService {
  private static final Logger LOG = Logger.getLogger(InventoryService.class.getName());

  private final TxTemplate template;

  public InventoryService(TxTemplate template) {
    this.template = template;
  }

  /** Through the template: nothing to end by hand. */
  public long addItem(String name, int quantity) {
    return template.execute(s -> {
      Item item = new Item();
      item.name = name;
      item.quantity = quantity;
      s.persist(item);
      return item.sku;
    });
  }

  /** The helpers' idiom: commit in the try, roll back quietly in the catch, close in finally. */
  public void renameItem(long sku, String name) {
    Session s = template.openSession();
    Transaction tx = TxSupport.begin(s);
    try {
      Item item = s.find(Item.class, sku);
      item.name = name;
      TxSupport.commit(tx);
    } catch (RuntimeException e) {
      TxSupport.rollbackQuietly(tx);
      throw e;
    } finally {
      TxSupport.closeQuietly(s);
    }
  }

  /** Rolls back only persistence failures: any other failure is ended by the close alone. */
  public void archiveEmpty() {
    Session s = template.openSession();
    Transaction tx = TxSupport.begin(s);
    try {
      s.createMutationQuery("update Item set name = concat('archived:', name) where quantity = 0").executeUpdate();
      TxSupport.commit(tx);
    } catch (PersistenceException e) {
      TxSupport.rollbackQuietly(tx);
      throw new DataAccessException("archive failed", e);
    } finally {
      // BUG: Diagnostic contains: [TransactionEndedByClose]
      TxSupport.closeQuietly(s);
    }
  }

  /** Validates after the begin and returns without ending it. */
  public boolean restock(long sku, int quantity) {
    Session s = template.openSession();
    Transaction tx = TxSupport.begin(s);
    if (quantity <= 0) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
    try {
      Item item = s.find(Item.class, sku);
      item.quantity += quantity;
      TxSupport.commit(tx);
    } catch (RuntimeException e) {
      TxSupport.rollbackQuietly(tx);
      throw e;
    } finally {
      s.close();
    }
    return true;
  }

  /** The session's own transaction, ended through the accessor: correct. */
  public void setName(long sku, String name) {
    try (Session s = template.openSession()) {
      s.beginTransaction();
      try {
        Item item = s.find(Item.class, sku);
        item.name = name;
        TxSupport.commit(s.getTransaction());
      } catch (RuntimeException e) {
        TxSupport.rollbackQuietly(s.getTransaction());
        throw e;
      }
    }
  }

  /** No try: a failing lookup leaves the transaction open. */
  public void transfer(long fromSku, long toSku, int quantity) {
    Session s = template.openSession();
    Transaction tx = TxSupport.begin(s);
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Item from = s.find(Item.class, fromSku);
    Item to = s.find(Item.class, toSku);
    from.quantity -= quantity;
    to.quantity += quantity;
    TxSupport.commit(tx);
    s.close();
  }

  /** Logs the failure and returns a code, leaving the failed transaction open. */
  public int purgeEmpty() {
    Session s = template.openSession();
    Transaction tx = TxSupport.begin(s);
    try {
      int n = s.createMutationQuery("delete from Item where quantity = 0").executeUpdate();
      TxSupport.commit(tx);
      return n;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "purge failed", e);
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return -1;
    }
  }
}
