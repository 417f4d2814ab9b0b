// Realistic JPA (jakarta.persistence) order service. Leaks: early return on a not-found order,
// retry loop that only catches OptimisticLockException, break out of a paging loop, rollback of
// only one of two transactions, same-file begin wrapper followed by an unprotected find, query
// and stream mapping between begin and commit, switch on an enum without default, continue in a
// per-item loop (begun again while active + continue leaving the loop).
package cases.realistic;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class OrderServiceJpa {

  private static final Logger log = LoggerFactory.getLogger(OrderServiceJpa.class);

  enum OrderStatus {
    NEW,
    PAID,
    SHIPPED,
    CANCELLED
  }

  static class OrderEntity {
    Long id;
    String customer;
    OrderStatus status;
    long totalCents;
    List<String> lines = new ArrayList<>();
  }

  record OrderDto(Long id, String customer, long totalCents) {}

  record OrderRequest(String customer, List<String> lines, long totalCents) {}

  static class ValidationException extends RuntimeException {
    ValidationException(String message) {
      super(message);
    }
  }

  private final EntityManagerFactory emf;
  private final EntityManager em;
  private final int maxRetries;

  public OrderServiceJpa(EntityManagerFactory emf, EntityManager em, int maxRetries) {
    this.emf = emf;
    this.em = em;
    this.maxRetries = maxRetries;
  }

  private OrderDto toDto(OrderEntity order) {
    return new OrderDto(order.id, order.customer, order.totalCents);
  }

  private OrderEntity copyOf(OrderEntity order) {
    OrderEntity copy = new OrderEntity();
    copy.customer = order.customer;
    copy.status = order.status;
    copy.totalCents = order.totalCents;
    copy.lines.addAll(order.lines);
    return copy;
  }

  private List<OrderEntity> fetchShipped(EntityManager manager, int pageSize) {
    return manager
        .createQuery("select o from OrderEntity o where o.status = :s", OrderEntity.class)
        .setParameter("s", OrderStatus.SHIPPED)
        .setMaxResults(pageSize)
        .getResultList();
  }

  public OrderDto createOrderIsClean(OrderRequest req) {
    if (req == null || req.customer() == null) {
      throw new ValidationException("customer required");
    }
    EntityManager local = emf.createEntityManager();
    EntityTransaction tx = local.getTransaction();
    try {
      tx.begin();
      OrderEntity order = new OrderEntity();
      order.customer = req.customer();
      order.status = OrderStatus.NEW;
      order.totalCents = req.totalCents();
      order.lines.addAll(req.lines());
      local.persist(order);
      local.flush();
      tx.commit();
      log.info("created order {} for {}", order.id, order.customer);
      return toDto(order);
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      log.error("could not create order for {}", req.customer(), e);
      throw e;
    } finally {
      local.close();
    }
  }

  public boolean cancelOrderLeaks(long orderId, String reason) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      OrderEntity order = em.find(OrderEntity.class, orderId);
      if (order == null) {
        log.warn("order {} not found, cannot cancel ({})", orderId, reason);
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return false;
      }
      if (order.status == OrderStatus.SHIPPED) {
        tx.rollback();
        return false;
      }
      order.status = OrderStatus.CANCELLED;
      em.merge(order);
      tx.commit();
      return true;
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  public void applyDiscountWithRetryLeaks(long orderId, int percent) {
    for (int attempt = 1; attempt <= maxRetries; attempt++) {
      EntityTransaction tx = em.getTransaction();
      tx.begin();
      try {
        // BUG: Diagnostic contains: [UncommittedTransactionOnException]
        OrderEntity order = em.find(OrderEntity.class, orderId, LockModeType.OPTIMISTIC);
        order.totalCents = order.totalCents * (100 - percent) / 100;
        tx.commit();
        return;
      } catch (OptimisticLockException e) {
        tx.rollback();
        log.warn("optimistic lock on order {}, attempt {}", orderId, attempt);
        if (attempt == maxRetries) {
          throw e;
        }
      }
    }
  }

  public void applyDiscountWithRetryIsClean(long orderId, int percent) {
    int attempt = 0;
    while (true) {
      attempt++;
      EntityTransaction tx = em.getTransaction();
      tx.begin();
      try {
        OrderEntity order = em.find(OrderEntity.class, orderId, LockModeType.OPTIMISTIC);
        order.totalCents = order.totalCents * (100 - percent) / 100;
        em.flush();
        tx.commit();
        return;
      } catch (RuntimeException e) {
        if (tx.isActive()) {
          tx.rollback();
        }
        if (!(e instanceof OptimisticLockException) || attempt >= maxRetries) {
          throw e;
        }
        log.warn("retrying discount on order {} (attempt {})", orderId, attempt);
      }
    }
  }

  public int archiveShippedOrdersLeaks(int pageSize) {
    EntityManager local = emf.createEntityManager();
    int archived = 0;
    try {
      while (true) {
        local.getTransaction().begin();
        List<OrderEntity> page = fetchShipped(local, pageSize);
        if (page.isEmpty()) {
          log.info("archived {} orders", archived);
          // BUG: Diagnostic contains: [UncommittedTransaction]
          break;
        }
        for (OrderEntity order : page) {
          local.remove(order);
          archived++;
        }
        local.getTransaction().commit();
      }
    } catch (RuntimeException e) {
      if (local.getTransaction().isActive()) {
        local.getTransaction().rollback();
      }
      throw e;
    } finally {
      local.close();
    }
    return archived;
  }

  public void transferOrderLeaks(long orderId, String newCustomer, EntityManager archiveEm) {
    EntityTransaction main = em.getTransaction();
    EntityTransaction archive = archiveEm.getTransaction();
    main.begin();
    archive.begin();
    try {
      OrderEntity order = em.find(OrderEntity.class, orderId);
      archiveEm.persist(copyOf(order));
      order.customer = newCustomer;
      archive.commit();
      main.commit();
    } catch (RuntimeException e) {
      main.rollback();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      throw e;
    }
  }

  private void beginUnitOfWork() {
    log.debug("begin unit of work");
    em.getTransaction().begin();
  }

  private void rollbackIfActive() {
    if (em.getTransaction().isActive()) {
      em.getTransaction().rollback();
    }
  }

  public void markPaidIsClean(long orderId) {
    beginUnitOfWork();
    try {
      OrderEntity order = em.find(OrderEntity.class, orderId);
      order.status = OrderStatus.PAID;
      em.getTransaction().commit();
    } finally {
      rollbackIfActive();
    }
  }

  public void markShippedLeaks(long orderId) {
    beginUnitOfWork();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    OrderEntity order = em.find(OrderEntity.class, orderId);
    if (order.status != OrderStatus.PAID) {
      rollbackIfActive();
      return;
    }
    order.status = OrderStatus.SHIPPED;
    em.getTransaction().commit();
  }

  public List<OrderDto> reassignOrdersLeaks(String from, String to) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    List<OrderEntity> orders = em.createQuery("select o from OrderEntity o where o.customer = :c", OrderEntity.class).setParameter("c", from).getResultList();
    orders.forEach(o -> o.customer = to);
    List<OrderDto> result = orders.stream().map(this::toDto).collect(Collectors.toList());
    tx.commit();
    return result;
  }

  public void transitionLeaks(long orderId, OrderStatus target) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    OrderEntity order;
    try {
      order = em.find(OrderEntity.class, orderId);
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
    switch (target) {
      case PAID:
        order.status = OrderStatus.PAID;
        tx.commit();
        break;
      case SHIPPED:
        order.status = OrderStatus.SHIPPED;
        tx.commit();
        break;
      case CANCELLED:
      case NEW:
        tx.rollback();
        break;
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public String applyCommandIsClean(long orderId, String command) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      OrderEntity order = em.find(OrderEntity.class, orderId);
      switch (command) {
        case "pay":
          order.status = OrderStatus.PAID;
          break;
        case "cancel":
          order.status = OrderStatus.CANCELLED;
          break;
        default:
          tx.rollback();
          return "unknown command " + command;
      }
      tx.commit();
      return "ok";
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      throw e;
    }
  }

  public void bulkUpdateTotalsIsClean(Map<Long, Long> newTotals) {
    if (newTotals.isEmpty()) {
      return;
    }
    EntityManager local = emf.createEntityManager();
    EntityTransaction tx = local.getTransaction();
    boolean success = false;
    tx.begin();
    try {
      for (Map.Entry<Long, Long> entry : newTotals.entrySet()) {
        OrderEntity order = local.find(OrderEntity.class, entry.getKey());
        if (order == null) {
          continue;
        }
        order.totalCents = entry.getValue();
      }
      tx.commit();
      success = true;
    } finally {
      if (!success) {
        log.warn("bulk update of {} totals failed, rolling back", newTotals.size());
        tx.rollback();
      }
      local.close();
    }
  }

  public void recalculateTotalsLeaks(List<Long> ids) {
    EntityTransaction tx = em.getTransaction();
    for (Long id : ids) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      tx.begin();
      try {
        OrderEntity order = em.find(OrderEntity.class, id);
        if (order == null || order.lines.isEmpty()) {
          log.debug("nothing to recalculate for {}", id);
          // BUG: Diagnostic contains: [UncommittedTransaction]
          continue;
        }
        order.totalCents = order.lines.size() * 100L;
        tx.commit();
      } catch (RuntimeException e) {
        tx.rollback();
        throw e;
      }
    }
  }
}
