package ofbutil;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Services that demarcate by hand with TransactionUtil, the flag from begin() passed back. */
public class InventoryServices {
  private static final Logger LOG = Logger.getLogger(InventoryServices.class.getName());

  private final Delegator delegator;

  public InventoryServices(Delegator delegator) {
    this.delegator = delegator;
  }

  /** The idiom: begin in the try, roll back in the catch, commit in the finally. */
  public Map<String, Object> updateInventory(String inventoryItemId, long quantity) {
    boolean beganTransaction = false;
    try {
      beganTransaction = TransactionUtil.begin();
      GenericValue item = delegator.findOne("InventoryItem", inventoryItemId);
      if (item == null) {
        return ServiceUtil.returnError("No inventory item " + inventoryItemId);
      }
      item.set("quantityOnHandTotal", quantity);
      delegator.store(item);
    } catch (GenericEntityException e) {
      try {
        TransactionUtil.rollback(beganTransaction, "Could not update inventory", e);
      } catch (GenericTransactionException e2) {
        LOG.log(Level.SEVERE, "Could not roll back", e2);
      }
      return ServiceUtil.returnError(e.getMessage());
    } finally {
      try {
        TransactionUtil.commit(beganTransaction);
      } catch (GenericTransactionException e) {
        LOG.log(Level.SEVERE, "Could not commit", e);
      }
    }
    return ServiceUtil.returnSuccess();
  }

  /** An iterator read inside the transaction, rethrowing after the rollback. */
  public int countItems(String entityName) throws GenericEntityException {
    boolean beganTransaction = false;
    int count = 0;
    try {
      beganTransaction = TransactionUtil.begin();
      try (EntityListIterator it = delegator.find(entityName)) {
        while (it.next() != null) {
          count++;
        }
      }
    } catch (GenericEntityException e) {
      TransactionUtil.rollback(beganTransaction, "Error counting " + entityName, e);
      throw e;
    } finally {
      TransactionUtil.commit(beganTransaction);
    }
    return count;
  }

  /** Commit and return in the try; every failure rolls back. */
  public Map<String, Object> createReservation(String orderId, String inventoryItemId, long quantity) {
    boolean beganTransaction = false;
    try {
      beganTransaction = TransactionUtil.begin();
      delegator.create("InventoryReservation",
          Map.of("orderId", orderId, "inventoryItemId", inventoryItemId, "quantity", quantity));
      TransactionUtil.commit(beganTransaction);
      return ServiceUtil.returnSuccess();
    } catch (Exception e) {
      try {
        TransactionUtil.rollback(beganTransaction, "Error creating reservation", e);
      } catch (GenericTransactionException e2) {
        LOG.log(Level.SEVERE, "Could not roll back", e2);
      }
      return ServiceUtil.returnError(e.getMessage());
    }
  }

  /**
   * Leaks: the commit is in the try, so the early return skips it, and the catch is for the
   * checked entity exception only.
   */
  public Map<String, Object> reserveStock(String inventoryItemId, long quantity) {
    boolean beganTransaction = false;
    try {
      beganTransaction = TransactionUtil.begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      GenericValue item = delegator.findOne("InventoryItem", inventoryItemId);
      if (item == null) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return ServiceUtil.returnError("No inventory item " + inventoryItemId);
      }
      item.set("reserved", quantity);
      delegator.store(item);
      TransactionUtil.commit(beganTransaction);
    } catch (GenericEntityException e) {
      try {
        TransactionUtil.rollback(beganTransaction, "Could not reserve stock", e);
      } catch (GenericTransactionException e2) {
        LOG.log(Level.SEVERE, "Could not roll back", e2);
      }
      return ServiceUtil.returnError(e.getMessage());
    }
    return ServiceUtil.returnSuccess();
  }

  /** Leaks: the catch passes false, which only marks the transaction this call began. */
  public Map<String, Object> cancelReservation(String reservationId) {
    boolean beganTransaction = false;
    try {
      beganTransaction = TransactionUtil.begin();
      delegator.removeByAnd("InventoryReservation", Map.of("reservationId", reservationId));
      TransactionUtil.commit(beganTransaction);
    } catch (GenericEntityException | RuntimeException e) {
      try {
        TransactionUtil.rollback(false, "Could not cancel reservation " + reservationId, e);
      } catch (GenericTransactionException e2) {
        LOG.log(Level.SEVERE, "Could not mark the transaction", e2);
      }
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return ServiceUtil.returnError(e.getMessage());
    }
    return ServiceUtil.returnSuccess();
  }

  /** Leaks on exception: no try at all between begin and commit. */
  public void adjustPrices(List<String> productPriceIds, BigDecimal factor) throws GenericEntityException {
    boolean beganTransaction = TransactionUtil.begin();
    for (String id : productPriceIds) {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      GenericValue price = delegator.findOne("ProductPrice", id);
      BigDecimal old = (BigDecimal) price.get("price");
      price.set("price", old.multiply(factor));
      delegator.store(price);
    }
    TransactionUtil.commit(beganTransaction);
  }
}
