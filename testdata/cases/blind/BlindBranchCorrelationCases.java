package cases.blind;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Path sensitivity: correlated boolean locals and parameters, protocol queries (including the
 * home-grown query names inTransaction() and getTransaction().isActive()), unrelated null tests
 * that must not cost states, and many independent boolean flags.
 *
 * <p>Readings: {@code em}, {@code journal} and {@code graph} are fields (borrowed): every method
 * here ends the transaction on some path (rule 1). {@code Repository.beginTransaction()} returns
 * a home-grown handle that declares commit() and rollback(): a fresh handle (rule 3).
 */
public class BlindBranchCorrelationCases {
  private static final Logger LOG = Logger.getLogger("paths");

  /** Home-grown: startTransaction()/commit()/rollback(), query inTransaction(). */
  static final class Journal {
    private boolean open;

    void startTransaction() {
      open = true;
    }

    void commit() {
      open = false;
    }

    void rollback() {
      open = false;
    }

    boolean inTransaction() {
      return open;
    }

    void append(String line) {
      if (line.isEmpty()) {
        throw new IllegalArgumentException("empty line");
      }
    }
  }

  static final class TxState {
    private boolean active;

    boolean isActive() {
      return active;
    }
  }

  /** Home-grown: begin()/commit()/rollback(), query through getTransaction().isActive(). */
  static final class Graph {
    private final TxState state = new TxState();

    void begin() {
      state.active = true;
    }

    void commit() {
      state.active = false;
    }

    void rollback() {
      state.active = false;
    }

    TxState getTransaction() {
      return state;
    }

    void addEdge(String from, String to) {
      if (from.equals(to)) {
        throw new IllegalArgumentException("self loop");
      }
    }
  }

  /** Home-grown handle returned by Repository.beginTransaction(). */
  static final class UnitOfWork {
    private int pending;

    void register(Object o) {
      pending++;
    }

    void commit() {
      pending = 0;
    }

    void rollback() {
      pending = 0;
    }
  }

  static final class Repository {
    UnitOfWork beginTransaction() {
      return new UnitOfWork();
    }
  }

  record Options(
      boolean byName, boolean byEmail, boolean byCity, boolean byZip, boolean active,
      boolean verified, boolean admin, boolean locked, boolean sorted, boolean paged,
      boolean distinct, boolean audited) {}

  private final EntityManager em;
  private final Journal journal;
  private final Graph graph;
  private final Repository repository;

  public BlindBranchCorrelationCases(EntityManager em, Journal journal, Graph graph, Repository repo) {
    this.em = em;
    this.journal = journal;
    this.graph = graph;
    this.repository = repo;
  }

  void writeCorrelatedIsClean(Object entity, boolean useTx) {
    EntityTransaction tx = em.getTransaction();
    if (useTx) {
      tx.begin();
    }
    try {
      em.persist(entity);
      if (useTx) {
        tx.commit();
      }
    } catch (RuntimeException e) {
      if (useTx) {
        tx.rollback();
      }
      throw e;
    }
  }

  void writeDifferentFlagsLeaks(Object entity, boolean useTx, boolean autoFlush) {
    EntityTransaction tx = em.getTransaction();
    if (useTx) {
      tx.begin();
    }
    try {
      em.persist(entity);
      if (autoFlush) {
        tx.commit();
      }
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      throw e;
    }
    // useTx && !autoFlush
    // BUG: Diagnostic contains: [UncommittedTransaction]
  }

  void saveProfileManyNullTestsIsClean(Map<String, Object> form) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      // the nullness of these locals is not part of the state
      Object name = form.get("name");
      if (name == null) {
        name = "";
      }
      Object email = form.get("email");
      if (email == null) {
        email = "";
      }
      Object phone = form.get("phone");
      if (phone == null) {
        phone = "";
      }
      Object street = form.get("street");
      if (street == null) {
        street = "";
      }
      Object city = form.get("city");
      if (city == null) {
        city = "";
      }
      Object zip = form.get("zip");
      if (zip == null) {
        zip = "";
      }
      Object country = form.get("country");
      if (country == null) {
        country = "";
      }
      Object company = form.get("company");
      if (company == null) {
        company = "";
      }
      Object title = form.get("title");
      if (title == null) {
        title = "";
      }
      Object locale = form.get("locale");
      if (locale == null) {
        locale = "en";
      }
      Object timezone = form.get("timezone");
      if (timezone == null) {
        timezone = "UTC";
      }
      Object avatar = form.get("avatar");
      Object website = form.get("website");
      Object bio = form.get("bio");
      em.persist(
          new Object[] {
            name, email, phone, street, city, zip, country, company, title, locale, timezone,
            avatar == null ? "none" : avatar,
            website == null ? "none" : website,
            bio == null ? "" : bio
          });
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  void saveProfileManyNullTestsLeaks(Map<String, Object> form) {
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      Object name = form.get("name");
      if (name == null) {
        name = "";
      }
      Object email = form.get("email");
      if (email == null) {
        email = "";
      }
      Object phone = form.get("phone");
      if (phone == null) {
        phone = "";
      }
      Object city = form.get("city");
      if (city == null) {
        city = "";
      }
      Object pk = form.get("pk");
      if (pk == null) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      Object zip = form.get("zip");
      if (zip == null) {
        zip = "";
      }
      Object country = form.get("country");
      if (country == null) {
        country = "";
      }
      em.persist(new Object[] {pk, name, email, phone, city, zip, country});
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  void journalInTransactionGuardIsClean(List<String> lines) {
    journal.startTransaction();
    try {
      for (String line : lines) {
        journal.append(line);
      }
      journal.commit();
    } finally {
      if (journal.inTransaction()) {
        journal.rollback();
      }
    }
  }

  void graphGetTransactionIsActiveIsClean(String from, String to) {
    graph.begin();
    try {
      graph.addEdge(from, to);
      graph.addEdge(to, from);
      graph.commit();
    } catch (RuntimeException e) {
      LOG.warning("edge failed: " + e);
      // the query reached through getTransaction() of the same object
      if (graph.getTransaction().isActive()) {
        graph.rollback();
      }
      throw e;
    }
  }

  void registerAllLeaks(List<Object> items) {
    UnitOfWork uow = repository.beginTransaction();
    try {
      for (Object o : items) {
        if (o == null) {
          // BUG: Diagnostic contains: [UncommittedTransaction]
          return;
        }
        uow.register(o);
      }
      uow.commit();
    } catch (RuntimeException e) {
      uow.rollback();
      throw e;
    }
  }

  String searchManyFlagsIsClean(Options opts) {
    boolean byName = opts.byName();
    boolean byEmail = opts.byEmail();
    boolean byCity = opts.byCity();
    boolean byZip = opts.byZip();
    boolean active = opts.active();
    boolean verified = opts.verified();
    boolean admin = opts.admin();
    boolean locked = opts.locked();
    boolean sorted = opts.sorted();
    boolean paged = opts.paged();
    boolean distinct = opts.distinct();
    boolean audited = opts.audited();
    EntityTransaction tx = em.getTransaction();
    tx.begin();
    try {
      StringBuilder jpql = new StringBuilder("select u from User u where 1 = 1");
      if (byName) {
        jpql.append(" and u.name = :name");
      }
      if (byEmail) {
        jpql.append(" and u.email = :email");
      }
      if (byCity) {
        jpql.append(" and u.city = :city");
      }
      if (byZip) {
        jpql.append(" and u.zip = :zip");
      }
      if (active) {
        jpql.append(" and u.active = true");
      }
      if (verified) {
        jpql.append(" and u.verified = true");
      }
      if (admin) {
        jpql.append(" and u.admin = true");
      }
      if (locked) {
        jpql.append(" and u.locked = true");
      }
      if (distinct) {
        jpql.insert(6, " distinct");
      }
      if (sorted) {
        jpql.append(" order by u.name");
      }
      if (paged) {
        jpql.append(" /* paged */");
      }
      if (audited) {
        em.persist(new Object[] {"search", jpql.toString()});
      }
      String result = jpql.toString();
      tx.commit();
      return result;
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }
}
