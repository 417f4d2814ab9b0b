// Realistic legacy invoice DAO on javax.persistence. Leaks: validation throw after begin, catch of
// PersistenceException only (other unchecked exceptions escape), committed flag set before the
// flush, early return on an empty result, a log call between begin and the protected try.
// Clean: batch commit with isActive() guard in finally, nested per-row try/catch inside a
// protected transaction, same-file rollbackQuietly end wrapper.
package cases.realistic;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.PersistenceException;

public class LegacyInvoiceDaoJavax {

  private static final Logger LOG = Logger.getLogger(LegacyInvoiceDaoJavax.class.getName());

  static class Invoice {
    Long id;
    String customer;
    long amountCents;
    int dueDays;
    int month;
    boolean paid;
    boolean closed;
  }

  static class InvoiceDto {
    String customer;
    long amountCents;
    int dueDays;
  }

  static class InvoiceException extends RuntimeException {
    InvoiceException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final EntityManagerFactory emf;
  private final EntityManager em;

  public LegacyInvoiceDaoJavax(EntityManagerFactory emf, EntityManager em) {
    this.emf = emf;
    this.em = em;
  }

  private static Invoice map(InvoiceDto dto) {
    Invoice invoice = new Invoice();
    invoice.customer = dto.customer;
    invoice.amountCents = dto.amountCents;
    invoice.dueDays = dto.dueDays;
    return invoice;
  }

  private void rollbackQuietly(EntityTransaction tx) {
    try {
      if (tx.isActive()) {
        tx.rollback();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "rollback failed", e);
    }
  }

  public Long createInvoiceLeaks(InvoiceDto dto) {
    EntityManager local = emf.createEntityManager();
    EntityTransaction tx = local.getTransaction();
    tx.begin();
    if (dto.amountCents <= 0) {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw new IllegalArgumentException("amount must be positive");
    }
    try {
      Invoice invoice = map(dto);
      local.persist(invoice);
      tx.commit();
      return invoice.id;
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    } finally {
      local.close();
    }
  }

  public void payInvoicesIsClean(List<Long> ids) {
    EntityManager local = emf.createEntityManager();
    EntityTransaction tx = local.getTransaction();
    int count = 0;
    try {
      tx.begin();
      for (Long id : ids) {
        Invoice invoice = local.find(Invoice.class, id);
        if (invoice == null) {
          LOG.warning("invoice " + id + " vanished");
          continue;
        }
        invoice.paid = true;
        if (++count % 50 == 0) {
          local.flush();
          local.clear();
          tx.commit();
          tx.begin();
        }
      }
      tx.commit();
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
      local.close();
    }
  }

  public void reopenInvoiceLeaks(long id) {
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      Invoice invoice = em.find(Invoice.class, id);
      invoice.paid = false;
      em.merge(invoice);
      tx.commit();
    } catch (PersistenceException e) {
      tx.rollback();
      throw new InvoiceException("could not reopen invoice " + id, e);
    }
  }

  public void importLegacyInvoicesLeaks(List<InvoiceDto> rows) {
    EntityManager local = emf.createEntityManager();
    EntityTransaction tx = local.getTransaction();
    boolean committed = false;
    tx.begin();
    try {
      for (InvoiceDto row : rows) {
        local.persist(map(row));
      }
      committed = true;
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      local.flush();
      tx.commit();
    } finally {
      if (!committed) {
        tx.rollback();
      }
      local.close();
    }
  }

  public int updateDueDatesIsClean(List<Long> ids, int days) {
    EntityManager local = emf.createEntityManager();
    EntityTransaction tx = local.getTransaction();
    int updated = 0;
    try {
      tx.begin();
      for (Long id : ids) {
        try {
          Invoice invoice = local.find(Invoice.class, id);
          invoice.dueDays += days;
          updated++;
        } catch (IllegalArgumentException e) {
          LOG.warning("bad invoice id " + id);
        }
      }
      tx.commit();
      return updated;
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      throw e;
    } finally {
      local.close();
    }
  }

  public int mergeCustomerInvoicesLeaks(String from, String to) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      List<Invoice> invoices = em.createQuery("select i from Invoice i where i.customer = :c", Invoice.class).setParameter("c", from).getResultList();
      if (invoices.isEmpty()) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return 0;
      }
      for (Invoice invoice : invoices) {
        invoice.customer = to;
      }
      tx.commit();
      return invoices.size();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  public void closeMonthIsClean(int month) {
    EntityManager local = emf.createEntityManager();
    EntityTransaction tx = local.getTransaction();
    try {
      tx.begin();
      int changed = local.createQuery("update Invoice i set i.closed = true where i.month = :m").setParameter("m", month).executeUpdate();
      LOG.info("closed " + changed + " invoices for month " + month);
      tx.commit();
    } catch (RuntimeException e) {
      rollbackQuietly(tx);
      throw e;
    } finally {
      local.close();
    }
  }

  public void recordPaymentLeaks(long invoiceId, long cents) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    LOG.info("recording payment of " + cents + " for invoice " + invoiceId);
    try {
      Invoice invoice = em.find(Invoice.class, invoiceId);
      invoice.amountCents -= cents;
      invoice.paid = invoice.amountCents <= 0;
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }
}
