package hibtmpl;

import org.hibernate.Session;

/** The unit of work a template runs inside its transaction. */
@FunctionalInterface
public interface TxCallback<T> {
  T doInTransaction(Session session);
}
