package repo;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/** A jPOS-style handle: begin/commit/rollback of its own, and a close() that closes the Hibernate session. */
public class DB implements AutoCloseable {
  private final SessionFactory factory;
  private Session session;

  public DB(SessionFactory factory) {
    this.factory = factory;
  }

  public DB open() {
    session = factory.openSession();
    return this;
  }

  public Transaction beginTransaction() {
    return session.beginTransaction();
  }

  public void commit() {
    session.getTransaction().commit();
  }

  public void rollback() {
    session.getTransaction().rollback();
  }

  public Session session() {
    return session;
  }

  /** A closer: callers in other files end their transaction by this close. */
  @Override
  public void close() {
    if (session != null) {
      session.close();
    }
  }
}
