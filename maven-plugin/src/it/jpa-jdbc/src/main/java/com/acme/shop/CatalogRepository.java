package com.acme.shop;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;

/** JPA: EntityManager.getTransaction() begin/commit/rollback. */
public class CatalogRepository {
  private final EntityManager em;

  public CatalogRepository(EntityManager em) {
    this.em = em;
  }

  public boolean rename(Object id, String name) {
    em.getTransaction().begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    Object item = em.find(Object.class, id);
    if (item == null) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      return false;
    }
    em.getTransaction().commit();
    return true;
  }

  public void delete(Object id) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      em.remove(em.find(Object.class, id));
      tx.commit();
    } finally {
      if (tx.isActive()) {
        tx.rollback();
      }
    }
  }
}
