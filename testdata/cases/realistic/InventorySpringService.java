// Realistic Spring PlatformTransactionManager inventory service. Leaks: catch of
// DataAccessException only, early return on insufficient reservation, break out of a batch loop,
// checked IOException escaping a RuntimeException catch, inner REQUIRES_NEW status not rolled back
// when the catch rethrows, same-file begin helper followed by an unprotected call.
// Clean: catch RuntimeException with rollback, finally with !isCompleted() guard,
// TransactionTemplate, same-file helper returning the status with a protected caller.
package cases.realistic;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

public class InventorySpringService {

  private static final Logger log = LoggerFactory.getLogger(InventorySpringService.class);

  static class Adjustment {
    String sku;
    int delta;
  }

  static class InventoryException extends RuntimeException {
    InventoryException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static class OutOfStockException extends RuntimeException {
    OutOfStockException(String sku) {
      super("out of stock: " + sku);
    }
  }

  interface StockDao {
    int available(String sku);

    int reserved(String sku);

    void reserve(String sku, int qty);

    void release(String sku, int qty);

    void add(String sku, int qty);

    void move(String sku, String from, String to, int qty);

    void recount(String sku);

    void delete(String sku);

    void markExported(String sku);
  }

  interface AuditDao {
    void record(String message);
  }

  interface EventPublisher {
    void stockChanged(String sku);
  }

  private final PlatformTransactionManager txManager;
  private final StockDao stockDao;
  private final AuditDao auditDao;
  private final EventPublisher eventPublisher;
  private final int maxPerRun;
  private final DefaultTransactionDefinition requiresNew;

  public InventorySpringService(
      PlatformTransactionManager txManager,
      StockDao stockDao,
      AuditDao auditDao,
      EventPublisher eventPublisher,
      int maxPerRun) {
    this.txManager = txManager;
    this.stockDao = stockDao;
    this.auditDao = auditDao;
    this.eventPublisher = eventPublisher;
    this.maxPerRun = maxPerRun;
    this.requiresNew = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  private TransactionStatus begin(String name) {
    DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
    definition.setName(name);
    return txManager.getTransaction(definition);
  }

  public void reserveIsClean(String sku, int qty) {
    DefaultTransactionDefinition def = new DefaultTransactionDefinition();
    def.setName("reserve-" + sku);
    def.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    TransactionStatus status = txManager.getTransaction(def);
    try {
      int available = stockDao.available(sku);
      if (available < qty) {
        throw new OutOfStockException(sku);
      }
      stockDao.reserve(sku, qty);
      txManager.commit(status);
    } catch (RuntimeException e) {
      txManager.rollback(status);
      throw e;
    }
  }

  public void restockLeaks(String sku, int qty) {
    TransactionStatus status = txManager.getTransaction(new DefaultTransactionDefinition());
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      stockDao.add(sku, qty);
      eventPublisher.stockChanged(sku);
      txManager.commit(status);
    } catch (DataAccessException e) {
      txManager.rollback(status);
      throw new InventoryException("restock failed for " + sku, e);
    }
  }

  public boolean releaseLeaks(String sku, int qty) {
    TransactionStatus status = txManager.getTransaction(TransactionDefinition.withDefaults());
    try {
      int reserved = stockDao.reserved(sku);
      if (reserved < qty) {
        log.warn("cannot release {} of {}, only {} reserved", qty, sku, reserved);
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return false;
      }
      stockDao.release(sku, qty);
      txManager.commit(status);
      return true;
    } catch (RuntimeException e) {
      txManager.rollback(status);
      throw e;
    }
  }

  public void transferStockIsClean(String sku, String fromWarehouse, String toWarehouse, int qty) {
    TransactionStatus status = txManager.getTransaction(requiresNew);
    try {
      stockDao.move(sku, fromWarehouse, toWarehouse, qty);
      txManager.commit(status);
    } finally {
      if (!status.isCompleted()) {
        txManager.rollback(status);
      }
    }
  }

  public int recountIsClean(List<String> skus) {
    TransactionTemplate template = new TransactionTemplate(txManager);
    template.setTimeout(30);
    Integer counted =
        template.execute(
            status -> {
              int count = 0;
              for (String sku : skus) {
                stockDao.recount(sku);
                count++;
              }
              return count;
            });
    return counted == null ? 0 : counted;
  }

  public int applyAdjustmentsLeaks(List<List<Adjustment>> batches) {
    int applied = 0;
    for (List<Adjustment> batch : batches) {
      TransactionStatus status = txManager.getTransaction(requiresNew);
      try {
        for (Adjustment adjustment : batch) {
          stockDao.add(adjustment.sku, adjustment.delta);
          applied++;
        }
        if (applied > maxPerRun) {
          log.info("adjustment limit of {} reached", maxPerRun);
          // BUG: Diagnostic contains: [UncommittedTransaction]
          break;
        }
        txManager.commit(status);
      } catch (RuntimeException e) {
        txManager.rollback(status);
        throw e;
      }
    }
    return applied;
  }

  public void exportAndMarkLeaks(String sku, Writer out) throws IOException {
    TransactionStatus status = txManager.getTransaction(requiresNew);
    try {
      int qty = stockDao.available(sku);
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      out.write(sku + ";" + qty + "\n");
      stockDao.markExported(sku);
      txManager.commit(status);
    } catch (RuntimeException e) {
      txManager.rollback(status);
      throw e;
    }
  }

  public void adjustWithAuditLeaks(String sku, int delta) {
    TransactionStatus main = txManager.getTransaction(TransactionDefinition.withDefaults());
    try {
      stockDao.add(sku, delta);
      TransactionStatus audit = txManager.getTransaction(requiresNew);
      auditDao.record("adjust " + sku + " by " + delta);
      txManager.commit(audit);
      txManager.commit(main);
    } catch (RuntimeException e) {
      txManager.rollback(main);
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw e;
    }
  }

  public void bulkDeleteIsClean(List<String> skus) {
    TransactionStatus status = begin("bulk-delete");
    try {
      skus.forEach(stockDao::delete);
      txManager.commit(status);
    } catch (RuntimeException e) {
      txManager.rollback(status);
      throw e;
    }
  }

  public void discontinueLeaks(String sku) {
    TransactionStatus status = begin("discontinue");
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    stockDao.delete(sku);
    txManager.commit(status);
  }
}
