// Adversarial: the owner (session, em) escaping is not a hand-off of the handle ("Passing the owner
// (conn, em, session, jedis) to another method does not"); for JDBC the connection is the handle
// itself, so storing it is a hand-off.
package cases.adversarial;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

public class OwnerEscapeCases {

  private Session current;

  public void ownerStoredInFieldLeaks(SessionFactory sf, boolean ok) {
    Session s = sf.openSession();
    Transaction tx = s.beginTransaction();
    if (ok) {
      tx.commit();
      return;
    }
    current = s;
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void ownerPassedToOutsideMethodLeaks(SessionFactory sf, boolean ok) {
    Session s = sf.openSession();
    Transaction tx = s.beginTransaction();
    if (ok) {
      tx.commit();
      return;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    System.identityHashCode(s);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void entityManagerPutIntoMapLeaks(
      EntityManagerFactory emf, Map<String, EntityManager> ems, boolean ok) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    if (ok) {
      tx.commit();
      return;
    }
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    ems.put("k", em);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void entityManagerOwnerNeverEndedStoredLeaks(
      EntityManagerFactory emf, List<EntityManager> ems) {
    EntityManager em = emf.createEntityManager();
    em.getTransaction().begin();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    ems.add(em);
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  public void jdbcConnectionIsHandleStoredIsSilent(DataSource ds, List<Connection> out)
      throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    out.add(c);
  }

  public void jdbcConnectionStoredOnOnePathLeaksOnOther(
      DataSource ds, List<Connection> out, boolean keep, boolean ok) throws SQLException {
    Connection c = ds.getConnection();
    c.setAutoCommit(false);
    if (keep) {
      out.add(c);
      return;
    }
    if (ok) {
      c.commit();
    }
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }
}
