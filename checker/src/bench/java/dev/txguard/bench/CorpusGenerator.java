package dev.txguard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a deterministic corpus of ordinary-looking Java classes for the compile-overhead benchmark
 * ({@code checker/bench/compile-overhead.sh}).
 *
 * <p>The corpus is made of modules of 20 classes each (package {@code com.acme.shop.modNNN}): 3 JPA entities, 3 DTOs,
 * 5 transactional classes (25%: a JPA DAO, a JDBC repository, a home-grown {@code Orm} store, a JPA service and an
 * importer mixing the {@code Orm} and JDBC), 6 services and 3 utility classes with no transactions. Transactional
 * methods use their API correctly or leak it on purpose (early return, exception path, conditional commit, switch
 * case), about half of them leaking. Method bodies mix ifs, loops, try/catch/finally, lambdas, streams and switches. A few
 * shared types ({@code Orm}, {@code Audit}, {@code Mode}, {@code Money}) live in {@code com.acme.infra}.
 *
 * <p>Usage: {@code CorpusGenerator <outDir> [classes=3000] [seed=42]}. Writes the sources under {@code outDir/src},
 * the list of files to {@code outDir/sources.txt} (a javac @argfile) and a summary to {@code outDir/corpus.txt}.
 */
public final class CorpusGenerator {
  private static final String[] NOUNS = {
    "Customer", "Order", "Invoice", "Product", "Shipment", "Payment", "Account", "Supplier", "Warehouse", "Ticket",
    "Subscription", "Coupon", "Review", "Employee", "Contract", "Refund", "Parcel", "Booking", "Vendor", "Quote"
  };
  private static final String[] SERVICE_ROLES = {
    "Pricing", "Reporting", "Validation", "Notification", "Scheduling", "Routing", "Scoring", "Export"
  };

  private final Path src;
  private final Random rnd;
  private final List<Path> files = new ArrayList<>();
  private int txMethods;
  private int leakyMethods;
  private int lines;
  private final int[] kindCounts = new int[5];

  private CorpusGenerator(Path outDir, long seed) {
    this.src = outDir.resolve("src");
    this.rnd = new Random(seed);
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: CorpusGenerator <outDir> [classes=3000] [seed=42]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int classes = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    CorpusGenerator g = new CorpusGenerator(out, seed);
    g.generate(classes);
    List<String> names = new ArrayList<>();
    for (Path p : g.files) {
      names.add(p.toAbsolutePath().toString());
    }
    Files.write(out.resolve("sources.txt"), names, StandardCharsets.UTF_8);
    String summary = String.format(Locale.ROOT,
        "files=%d lines=%d entities=%d dtos=%d transactional=%d plain_services=%d utils=%d"
            + " tx_methods=%d leaky_tx_methods=%d%n",
        g.files.size(), g.lines, g.kindCounts[0], g.kindCounts[1], g.kindCounts[2], g.kindCounts[3],
        g.kindCounts[4], g.txMethods, g.leakyMethods);
    Files.writeString(out.resolve("corpus.txt"), summary, StandardCharsets.UTF_8);
    System.out.print(summary);
  }

  // ---------------------------------------------------------------- layout

  private void generate(int classes) {
    writeInfra();
    int modules = (classes + 19) / 20;
    int emitted = 0;
    for (int m = 0; m < modules && emitted < classes; m++) {
      for (int slot = 0; slot < 20 && emitted < classes; slot++, emitted++) {
        emit(m, slot);
      }
    }
  }

  private void emit(int m, int slot) {
    String pkg = String.format(Locale.ROOT, "com.acme.shop.mod%03d", m);
    String e0 = noun(m, 0) + m;
    if (slot < 3) {
      kindCounts[0]++;
      String name = noun(m, slot) + m;
      write(pkg, name, entity(pkg, name, m));
    } else if (slot < 6) {
      kindCounts[1]++;
      String entity = noun(m, slot - 3) + m;
      String name = entity + (slot == 4 ? "Form" : "Dto");
      write(pkg, name, slot == 4 ? dtoClass(pkg, name, entity) : dtoRecord(pkg, name, entity));
    } else if (slot < 11) {
      kindCounts[2]++;
      String entity = noun(m, (slot - 6) % 3) + m;
      switch (slot) {
        case 6 -> write(pkg, entity + "Dao", jpaClass(pkg, entity + "Dao", entity));
        case 7 -> write(pkg, entity + "Repository", jdbcClass(pkg, entity + "Repository", entity));
        case 8 -> write(pkg, entity + "Store", ormClass(pkg, entity + "Store", entity));
        case 9 -> write(pkg, e0 + "TxService", jpaClass(pkg, e0 + "TxService", e0));
        default -> write(pkg, e0 + "Importer", importerClass(pkg, e0 + "Importer", e0));
      }
    } else if (slot < 17) {
      kindCounts[3]++;
      String role = SERVICE_ROLES[(m + slot) % SERVICE_ROLES.length];
      String name = noun(m, slot % 3) + m + role + "Service" + (slot - 11);
      write(pkg, name, serviceClass(pkg, name, noun(m, slot % 3) + m, noun(m, 0) + m + "Dto"));
    } else {
      kindCounts[4]++;
      String name = "Text" + m + "Util" + (slot - 17);
      write(pkg, name, utilClass(pkg, name));
    }
  }

  private static String noun(int m, int i) {
    return NOUNS[(m * 3 + i) % NOUNS.length];
  }

  private void write(String pkg, String name, String text) {
    Path dir = src.resolve(pkg.replace('.', '/'));
    Path file = dir.resolve(name + ".java");
    try {
      Files.createDirectories(dir);
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.add(file);
    lines += (int) text.chars().filter(c -> c == '\n').count();
  }

  /** Replaces {@code ${K}} placeholders; {@code kv} alternates keys and values. */
  private static String t(String template, String... kv) {
    String s = template;
    for (int i = 0; i < kv.length; i += 2) {
      s = s.replace("${" + kv[i] + "}", kv[i + 1]);
    }
    return s;
  }

  /** Picks {@code n} distinct indexes out of {@code size}. */
  private List<Integer> pick(int size, int n) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      all.add(i);
    }
    Collections.shuffle(all, rnd);
    List<Integer> out = new ArrayList<>(all.subList(0, Math.min(n, size)));
    Collections.sort(out);
    return out;
  }

  // ---------------------------------------------------------------- shared infrastructure

  private void writeInfra() {
    String pkg = "com.acme.infra";
    write(pkg, "Orm", """
        package com.acme.infra;

        import java.util.ArrayList;
        import java.util.List;

        /** A home-grown persistence session: begin/commit/rollback, no framework. */
        public class Orm {
          private final List<Object> pending = new ArrayList<>();
          private boolean active;

          public void begin() {
            if (active) {
              throw new IllegalStateException("already active");
            }
            active = true;
          }

          public void commit() {
            pending.clear();
            active = false;
          }

          public void rollback() {
            pending.clear();
            active = false;
          }

          public boolean isActive() {
            return active;
          }

          public void save(Object o) {
            pending.add(o);
          }

          public void delete(Object o) {
            pending.remove(o);
          }

          public <T> T find(Class<T> type, long id) {
            return null;
          }

          public List<Object> query(String q) {
            return new ArrayList<>(pending);
          }

          public int execute(String statement, Object... args) {
            return args.length;
          }
        }
        """);
    write(pkg, "Audit", """
        package com.acme.infra;

        import java.util.ArrayList;
        import java.util.Collections;
        import java.util.List;

        /** Collects audit lines. */
        public final class Audit {
          private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

          public void record(String what, Object... args) {
            lines.add(what + ":" + args.length);
          }

          public int size() {
            return lines.size();
          }
        }
        """);
    write(pkg, "Mode", """
        package com.acme.infra;

        /** How an operation runs. */
        public enum Mode {
          FAST,
          SAFE,
          DRY_RUN,
          AUDITED
        }
        """);
    write(pkg, "Money", """
        package com.acme.infra;

        import java.math.BigDecimal;
        import java.math.RoundingMode;

        /** An amount in a currency. */
        public record Money(BigDecimal amount, String currency) {
          public Money {
            if (amount == null || currency == null) {
              throw new IllegalArgumentException("amount and currency are required");
            }
            amount = amount.setScale(2, RoundingMode.HALF_EVEN);
          }

          public static Money of(long cents, String currency) {
            return new Money(BigDecimal.valueOf(cents, 2), currency);
          }

          public Money plus(Money other) {
            if (!currency.equals(other.currency)) {
              throw new IllegalArgumentException("currency mismatch");
            }
            return new Money(amount.add(other.amount), currency);
          }

          public Money times(int n) {
            return new Money(amount.multiply(BigDecimal.valueOf(n)), currency);
          }
        }
        """);
    write(pkg, "NotFoundException", """
        package com.acme.infra;

        /** Something looked up does not exist. */
        public class NotFoundException extends Exception {
          private static final long serialVersionUID = 1L;

          public NotFoundException(String message) {
            super(message);
          }
        }
        """);
  }

  // ---------------------------------------------------------------- entities and DTOs

  private String entity(String pkg, String name, int m) {
    return t("""
        package ${PKG};

        import jakarta.persistence.Column;
        import jakarta.persistence.Entity;
        import jakarta.persistence.GeneratedValue;
        import jakarta.persistence.Id;
        import jakarta.persistence.Table;
        import jakarta.persistence.Version;
        import java.math.BigDecimal;
        import java.time.Instant;
        import java.util.Objects;

        @Entity
        @Table(name = "${TABLE}")
        public class ${N} {
          @Id @GeneratedValue private Long id;

          @Column(nullable = false, length = ${LEN})
          private String name;

          private String status = "NEW";
          private BigDecimal amount = BigDecimal.ZERO;
          private Instant updatedAt;
          private String category;

          @Version private int version;

          public ${N}() {}

          public ${N}(String name, BigDecimal amount) {
            this.name = Objects.requireNonNull(name, "name");
            this.amount = amount == null ? BigDecimal.ZERO : amount;
            this.updatedAt = Instant.now();
          }

          public Long getId() {
            return id;
          }

          public void setId(Long id) {
            this.id = id;
          }

          public String getName() {
            return name;
          }

          public void setName(String name) {
            this.name = name;
            touch();
          }

          public String getStatus() {
            return status;
          }

          public void setStatus(String status) {
            this.status = status;
            touch();
          }

          public BigDecimal getAmount() {
            return amount;
          }

          public void setAmount(BigDecimal amount) {
            if (amount != null && amount.signum() < 0) {
              throw new IllegalArgumentException("negative amount for " + name);
            }
            this.amount = amount;
            touch();
          }

          public String getCategory() {
            return category;
          }

          public void setCategory(String category) {
            this.category = category;
          }

          public int getVersion() {
            return version;
          }

          public void setVersion(int version) {
            this.version = version;
          }

          public Instant getUpdatedAt() {
            return updatedAt;
          }

          public boolean isActive() {
            return "ACTIVE".equals(status);
          }

          private void touch() {
            updatedAt = Instant.now();
          }

          @Override
          public boolean equals(Object o) {
            if (this == o) {
              return true;
            }
            if (!(o instanceof ${N} other)) {
              return false;
            }
            return id != null && id.equals(other.id);
          }

          @Override
          public int hashCode() {
            return Objects.hashCode(id);
          }

          @Override
          public String toString() {
            return "${N}{id=" + id + ", name=" + name + ", status=" + status + "}";
          }
        }
        """, "PKG", pkg, "N", name, "TABLE", name.toLowerCase(Locale.ROOT) + "_" + m,
        "LEN", String.valueOf(64 + rnd.nextInt(4) * 32));
  }

  private String dtoRecord(String pkg, String name, String entity) {
    return t("""
        package ${PKG};

        import java.math.BigDecimal;
        import java.util.Locale;

        public record ${N}(Long id, String name, String status, BigDecimal amount) {
          public ${N} {
            if (name == null || name.isBlank()) {
              throw new IllegalArgumentException("name is required");
            }
            status = status == null ? "NEW" : status.toUpperCase(Locale.ROOT);
          }

          public static ${N} from(${E} e) {
            return new ${N}(e.getId(), e.getName(), e.getStatus(), e.getAmount());
          }

          public ${N} withStatus(String newStatus) {
            return new ${N}(id, name, newStatus, amount);
          }

          public boolean isExpensive(BigDecimal threshold) {
            return amount != null && amount.compareTo(threshold) > 0;
          }

          public String label() {
            StringBuilder sb = new StringBuilder(name);
            if (id != null) {
              sb.append(" #").append(id);
            }
            switch (status) {
              case "ACTIVE":
                sb.append(" (active)");
                break;
              case "CLOSED":
                sb.append(" (closed)");
                break;
              default:
                break;
            }
            return sb.toString();
          }
        }
        """, "PKG", pkg, "N", name, "E", entity);
  }

  private String dtoClass(String pkg, String name, String entity) {
    return t("""
        package ${PKG};

        import java.math.BigDecimal;
        import java.util.ArrayList;
        import java.util.List;

        public final class ${N} {
          private final String name;
          private final BigDecimal amount;
          private final List<String> tags;

          private ${N}(Builder b) {
            this.name = b.name;
            this.amount = b.amount;
            this.tags = List.copyOf(b.tags);
          }

          public static Builder builder() {
            return new Builder();
          }

          public String name() {
            return name;
          }

          public BigDecimal amount() {
            return amount;
          }

          public List<String> tags() {
            return tags;
          }

          public List<String> validate() {
            List<String> problems = new ArrayList<>();
            if (name == null || name.isBlank()) {
              problems.add("name is required");
            } else if (name.length() > 128) {
              problems.add("name is too long");
            }
            if (amount == null) {
              problems.add("amount is required");
            } else if (amount.signum() < 0) {
              problems.add("amount must not be negative");
            }
            for (String tag : tags) {
              if (tag.indexOf(' ') >= 0) {
                problems.add("tag '" + tag + "' has a space");
              }
            }
            return problems;
          }

          public ${E} toEntity() {
            ${E} e = new ${E}(name, amount);
            if (!tags.isEmpty()) {
              e.setCategory(tags.get(0));
            }
            return e;
          }

          public static final class Builder {
            private String name;
            private BigDecimal amount = BigDecimal.ZERO;
            private final List<String> tags = new ArrayList<>();

            public Builder name(String name) {
              this.name = name;
              return this;
            }

            public Builder amount(BigDecimal amount) {
              this.amount = amount;
              return this;
            }

            public Builder tag(String tag) {
              tags.add(tag);
              return this;
            }

            public ${N} build() {
              return new ${N}(this);
            }
          }
        }
        """, "PKG", pkg, "N", name, "E", entity);
  }

  // ---------------------------------------------------------------- transactional classes

  /** A transactional method template: its text, whether it leaks, whether it uses a transaction at all. */
  private record Tpl(String text, boolean tx, boolean leaky) {}

  private String assemble(String header, String fields, List<Tpl> pool, int min, int max, String... kv) {
    int n = min + rnd.nextInt(max - min + 1);
    StringBuilder body = new StringBuilder();
    List<Integer> chosen = pick(pool.size(), n);
    // Make sure every transactional class has at least one transaction and a mix of outcomes.
    boolean anyTx = chosen.stream().anyMatch(i -> pool.get(i).tx());
    if (!anyTx) {
      for (int i = 0; i < pool.size(); i++) {
        if (pool.get(i).tx()) {
          chosen.set(0, i);
          break;
        }
      }
    }
    for (int i : chosen) {
      Tpl tpl = pool.get(i);
      if (tpl.tx()) {
        txMethods++;
        if (tpl.leaky()) {
          leakyMethods++;
        }
      }
      body.append('\n').append(tpl.text());
    }
    return t(header + fields + body + "}\n", kv);
  }

  private String jpaClass(String pkg, String name, String entity) {
    String header = """
        package ${PKG};

        import com.acme.infra.Audit;
        import com.acme.infra.Mode;
        import com.acme.infra.NotFoundException;
        import jakarta.persistence.EntityManager;
        import jakarta.persistence.EntityTransaction;
        import jakarta.persistence.PersistenceException;
        import java.math.BigDecimal;
        import java.util.ArrayList;
        import java.util.Comparator;
        import java.util.List;
        import java.util.Map;
        import java.util.Optional;
        import java.util.stream.Collectors;

        public class ${N} {
        """;
    String fields = """
          private final EntityManager em;
          private final Audit audit;

          public ${N}(EntityManager em, Audit audit) {
            this.em = em;
            this.audit = audit;
          }
        """;
    List<Tpl> pool = List.of(
        new Tpl("""
              public ${E} save(${E} entity) {
                EntityTransaction tx = em.getTransaction();
                tx.begin();
                try {
                  ${E} result = entity;
                  if (entity.getId() == null) {
                    em.persist(entity);
                  } else {
                    result = em.merge(entity);
                  }
                  tx.commit();
                  audit.record("save", result.getId());
                  return result;
                } catch (RuntimeException ex) {
                  if (tx.isActive()) {
                    tx.rollback();
                  }
                  throw ex;
                }
              }
            """, true, false),
        new Tpl("""
              public boolean rename(long id, String name) {
                EntityTransaction tx = em.getTransaction();
                tx.begin();
                ${E} found = em.find(${E}.class, id);
                if (found == null) {
                  audit.record("rename-missing", id);
                  return false;
                }
                found.setName(name.trim());
                tx.commit();
                return true;
              }
            """, true, true),
        new Tpl("""
              public int markAll(List<Long> ids, String status) {
                EntityTransaction tx = em.getTransaction();
                int changed = 0;
                try {
                  tx.begin();
                  for (Long id : ids) {
                    ${E} found = em.find(${E}.class, id);
                    if (found == null || status.equals(found.getStatus())) {
                      continue;
                    }
                    found.setStatus(status);
                    changed++;
                  }
                  tx.commit();
                } finally {
                  if (tx.isActive()) {
                    tx.rollback();
                  }
                }
                return changed;
              }
            """, true, false),
        new Tpl("""
              public void delete(long id) {
                EntityTransaction tx = em.getTransaction();
                tx.begin();
                ${E} found = em.find(${E}.class, id);
                if (found != null) {
                  em.remove(found);
                  audit.record("delete", id);
                }
                tx.commit();
              }
            """, true, true),
        new Tpl("""
              public void apply(long id, Mode mode) {
                EntityTransaction tx = em.getTransaction();
                boolean committed = false;
                tx.begin();
                try {
                  ${E} found = em.find(${E}.class, id);
                  if (found != null) {
                    switch (mode) {
                      case FAST:
                        found.setStatus("FAST");
                        break;
                      case SAFE:
                        found.setVersion(found.getVersion() + 1);
                        break;
                      case DRY_RUN:
                        em.detach(found);
                        break;
                      default:
                        found.setStatus("DEFAULT");
                    }
                  }
                  tx.commit();
                  committed = true;
                } finally {
                  if (!committed) {
                    tx.rollback();
                  }
                }
              }
            """, true, false),
        new Tpl("""
              public List<${E}> findActive(int limit) {
                List<${E}> all = em.createQuery("select x from ${E} x", ${E}.class).getResultList();
                return all.stream()
                    .filter(${E}::isActive)
                    .sorted(Comparator.comparing(${E}::getName))
                    .limit(limit)
                    .collect(Collectors.toList());
              }
            """, false, false),
        new Tpl("""
              public void importBatch(List<${E}> batch, int chunk) {
                EntityTransaction tx = em.getTransaction();
                int n = 0;
                tx.begin();
                for (${E} item : batch) {
                  em.persist(item);
                  if (++n % chunk == 0) {
                    tx.commit();
                    em.clear();
                    tx.begin();
                  }
                }
                if (n > 0) {
                  tx.commit();
                }
              }
            """, true, true),
        new Tpl("""
              public ${E} require(long id) throws NotFoundException {
                ${E} found = em.find(${E}.class, id);
                if (found == null) {
                  throw new NotFoundException("${E} " + id);
                }
                return found;
              }
            """, false, false),
        new Tpl("""
              public Map<String, BigDecimal> totalsByStatus() {
                return em.createQuery("select x from ${E} x", ${E}.class).getResultList().stream()
                    .collect(Collectors.groupingBy(${E}::getStatus,
                        Collectors.reducing(BigDecimal.ZERO, ${E}::getAmount, BigDecimal::add)));
              }
            """, false, false),
        new Tpl("""
              public Optional<${E}> transferAmount(long fromId, long toId, BigDecimal amount) {
                EntityTransaction tx = em.getTransaction();
                try {
                  tx.begin();
                  ${E} from = em.find(${E}.class, fromId);
                  ${E} to = em.find(${E}.class, toId);
                  if (from == null || to == null) {
                    tx.rollback();
                    return Optional.empty();
                  }
                  from.setAmount(from.getAmount().subtract(amount));
                  to.setAmount(to.getAmount().add(amount));
                  tx.commit();
                  return Optional.of(to);
                } catch (PersistenceException | IllegalArgumentException ex) {
                  tx.rollback();
                  audit.record("transfer-failed", fromId, toId);
                  throw ex;
                }
              }
            """, true, false),
        new Tpl("""
              public List<Long> archiveOld(List<${E}> candidates, Mode mode) {
                List<Long> archived = new ArrayList<>();
                EntityTransaction tx = em.getTransaction();
                tx.begin();
                try {
                  for (${E} c : candidates) {
                    switch (mode) {
                      case DRY_RUN -> audit.record("would-archive", c.getId());
                      case AUDITED -> {
                        audit.record("archive", c.getId());
                        c.setStatus("ARCHIVED");
                        archived.add(c.getId());
                      }
                      default -> {
                        c.setStatus("ARCHIVED");
                        archived.add(c.getId());
                      }
                    }
                  }
                  if (mode == Mode.DRY_RUN) {
                    return archived;
                  }
                  tx.commit();
                } catch (RuntimeException ex) {
                  tx.rollback();
                  throw ex;
                }
                return archived;
              }
            """, true, true));
    return assemble(header, fields, pool, 5, 8, "PKG", pkg, "N", name, "E", entity);
  }

  private String jdbcClass(String pkg, String name, String entity) {
    String header = """
        package ${PKG};

        import com.acme.infra.Audit;
        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import java.sql.SQLException;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.Locale;
        import javax.sql.DataSource;

        public class ${N} {
        """;
    String fields = """
          private static final String TABLE = "${T}";
          private final DataSource dataSource;
          private final Audit audit;

          public ${N}(DataSource dataSource, Audit audit) {
            this.dataSource = dataSource;
            this.audit = audit;
          }

          private int debit(Connection conn, long id, long cents) throws SQLException {
            try (PreparedStatement ps =
                conn.prepareStatement("UPDATE " + TABLE + " SET bal = bal - ? WHERE id = ? AND bal >= ?")) {
              ps.setLong(1, cents);
              ps.setLong(2, id);
              ps.setLong(3, cents);
              return ps.executeUpdate();
            }
          }

          private void credit(Connection conn, long id, long cents) throws SQLException {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE " + TABLE + " SET bal = bal + ? WHERE id = ?")) {
              ps.setLong(1, cents);
              ps.setLong(2, id);
              if (ps.executeUpdate() != 1) {
                throw new SQLException("no row " + id);
              }
            }
          }
        """;
    List<Tpl> pool = List.of(
        new Tpl("""
              public void insert(long id, String name) throws SQLException {
                try (Connection conn = dataSource.getConnection()) {
                  conn.setAutoCommit(false);
                  try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + TABLE + " (id, name) VALUES (?, ?)")) {
                    ps.setLong(1, id);
                    ps.setString(2, name);
                    ps.executeUpdate();
                    conn.commit();
                  } catch (SQLException ex) {
                    conn.rollback();
                    throw ex;
                  }
                }
              }
            """, true, false),
        new Tpl("""
              public int transfer(long from, long to, long cents) throws SQLException {
                Connection conn = dataSource.getConnection();
                try {
                  conn.setAutoCommit(false);
                  int moved = debit(conn, from, cents);
                  if (moved == 0) {
                    audit.record("insufficient", from);
                    return 0;
                  }
                  credit(conn, to, cents);
                  conn.commit();
                  return moved;
                } finally {
                  conn.close();
                }
              }
            """, true, true),
        new Tpl("""
              public int[] rename(List<String> names) throws SQLException {
                try (Connection conn = dataSource.getConnection();
                    PreparedStatement ps = conn.prepareStatement("UPDATE " + TABLE + " SET name = ? WHERE name = ?")) {
                  conn.setAutoCommit(false);
                  try {
                    for (String n : names) {
                      if (n == null || n.isBlank()) {
                        continue;
                      }
                      ps.setString(1, n.toUpperCase(Locale.ROOT));
                      ps.setString(2, n);
                      ps.addBatch();
                    }
                    int[] counts = ps.executeBatch();
                    conn.commit();
                    return counts;
                  } catch (SQLException | RuntimeException ex) {
                    conn.rollback();
                    throw ex;
                  } finally {
                    conn.setAutoCommit(true);
                  }
                }
              }
            """, true, false),
        new Tpl("""
              public void purge(long olderThanDays) throws SQLException {
                Connection conn = dataSource.getConnection();
                conn.setAutoCommit(false);
                try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + TABLE + " WHERE age > ?")) {
                  ps.setLong(1, olderThanDays);
                  int n = ps.executeUpdate();
                  audit.record("purge", n);
                }
                conn.commit();
                conn.close();
              }
            """, true, true),
        new Tpl("""
              public List<String> names(String prefix) throws SQLException {
                List<String> out = new ArrayList<>();
                try (Connection conn = dataSource.getConnection();
                    PreparedStatement ps = conn.prepareStatement("SELECT name FROM " + TABLE + " WHERE name LIKE ?")) {
                  ps.setString(1, prefix + "%");
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      String n = rs.getString(1);
                      if (n != null && !n.isEmpty()) {
                        out.add(n);
                      }
                    }
                  }
                }
                return out;
              }
            """, false, false),
        new Tpl("""
              public boolean moveAll(List<long[]> moves) throws SQLException {
                try (Connection conn = dataSource.getConnection()) {
                  conn.setAutoCommit(false);
                  boolean ok = true;
                  try {
                    for (long[] mv : moves) {
                      if (debit(conn, mv[0], mv[2]) == 0) {
                        ok = false;
                        break;
                      }
                      credit(conn, mv[1], mv[2]);
                    }
                    if (ok) {
                      conn.commit();
                    } else {
                      conn.rollback();
                    }
                  } catch (SQLException ex) {
                    conn.rollback();
                    throw ex;
                  }
                  return ok;
                }
              }
            """, true, false),
        new Tpl("""
              public long count() throws SQLException {
                try (Connection conn = dataSource.getConnection();
                    PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM " + TABLE);
                    ResultSet rs = ps.executeQuery()) {
                  return rs.next() ? rs.getLong(1) : 0L;
                }
              }
            """, false, false),
        new Tpl("""
              public void upsert(long id, String name, boolean strict) throws SQLException {
                try (Connection conn = dataSource.getConnection()) {
                  conn.setAutoCommit(false);
                  try (PreparedStatement ps = conn.prepareStatement("UPDATE " + TABLE + " SET name = ? WHERE id = ?")) {
                    ps.setString(1, name);
                    ps.setLong(2, id);
                    if (ps.executeUpdate() == 0) {
                      if (strict) {
                        throw new SQLException("missing " + id);
                      }
                      return;
                    }
                  }
                  conn.commit();
                }
              }
            """, true, true));
    return assemble(header, fields, pool, 4, 7, "PKG", pkg, "N", name, "E", entity,
        "T", entity.toLowerCase(Locale.ROOT));
  }

  private String ormClass(String pkg, String name, String entity) {
    String header = """
        package ${PKG};

        import com.acme.infra.Audit;
        import com.acme.infra.Mode;
        import com.acme.infra.Orm;
        import java.math.BigDecimal;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.function.Predicate;

        public class ${N} {
        """;
    String fields = """
          private final Orm orm;
          private final Audit audit;
          private int retries = 3;

          public ${N}(Orm orm, Audit audit) {
            this.orm = orm;
            this.audit = audit;
          }

          public void setRetries(int retries) {
            this.retries = retries;
          }
        """;
    List<Tpl> pool = List.of(
        new Tpl("""
              public void store(${E} e) {
                orm.begin();
                try {
                  orm.save(e);
                  orm.commit();
                } catch (RuntimeException ex) {
                  orm.rollback();
                  throw ex;
                }
              }
            """, true, false),
        new Tpl("""
              public void storeIfValid(${E} e, boolean force) {
                orm.begin();
                orm.save(e);
                if (force || e.getAmount().signum() >= 0) {
                  orm.commit();
                }
              }
            """, true, true),
        new Tpl("""
              public void storeAll(List<${E}> items) {
                orm.begin();
                try {
                  items.forEach(i -> orm.save(i));
                  items.stream().filter(${E}::isActive).forEach(i -> audit.record("active", i.getId()));
                  orm.commit();
                } finally {
                  if (orm.isActive()) {
                    orm.rollback();
                  }
                }
              }
            """, true, false),
        new Tpl("""
              public void adjust(long id, int delta) {
                orm.begin();
                ${E} e = orm.find(${E}.class, id);
                if (delta < 0 && e.getAmount().intValue() + delta < 0) {
                  throw new IllegalArgumentException("would go negative: " + id);
                }
                e.setAmount(e.getAmount().add(BigDecimal.valueOf(delta)));
                orm.commit();
              }
            """, true, true),
        new Tpl("""
              public boolean storeWithRetry(${E} e) {
                int attempt = 0;
                while (attempt < retries) {
                  attempt++;
                  orm.begin();
                  try {
                    orm.save(e);
                    orm.commit();
                    return true;
                  } catch (IllegalStateException ex) {
                    orm.rollback();
                    audit.record("retry", attempt);
                  }
                }
                return false;
              }
            """, true, false),
        new Tpl("""
              public int apply(List<${E}> items, Mode mode) {
                orm.begin();
                int n = 0;
                for (${E} i : items) {
                  switch (mode) {
                    case DRY_RUN:
                      audit.record("dry", i.getId());
                      break;
                    case FAST:
                      orm.save(i);
                      n++;
                      break;
                    case SAFE:
                      if (i.getId() == null) {
                        return n;
                      }
                      orm.save(i);
                      n++;
                      break;
                    default:
                      orm.delete(i);
                  }
                }
                orm.commit();
                return n;
              }
            """, true, true),
        new Tpl("""
              public List<${E}> select(List<${E}> items, Predicate<${E}> filter) {
                List<${E}> out = new ArrayList<>();
                for (${E} i : items) {
                  if (filter.test(i)) {
                    out.add(i);
                  } else if (i.getCategory() != null && i.getCategory().startsWith("x")) {
                    audit.record("skip", i.getId());
                  }
                }
                out.sort((a, b) -> a.getName().compareTo(b.getName()));
                return out;
              }
            """, false, false),
        new Tpl("""
              public void replace(${E} oldOne, ${E} newOne) {
                boolean done = false;
                orm.begin();
                try {
                  orm.delete(oldOne);
                  orm.save(newOne);
                  done = true;
                } finally {
                  if (done) {
                    orm.commit();
                  } else {
                    orm.rollback();
                  }
                }
              }
            """, true, false));
    return assemble(header, fields, pool, 4, 7, "PKG", pkg, "N", name, "E", entity);
  }

  private String importerClass(String pkg, String name, String entity) {
    String header = """
        package ${PKG};

        import com.acme.infra.Audit;
        import com.acme.infra.Orm;
        import java.io.BufferedReader;
        import java.io.IOException;
        import java.io.Reader;
        import java.math.BigDecimal;
        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.SQLException;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.Locale;

        public class ${N} {
        """;
    String fields = """
          private final Orm orm;
          private final Audit audit;

          public ${N}(Orm orm, Audit audit) {
            this.orm = orm;
            this.audit = audit;
          }

          static ${E} parse(String line) {
            String[] parts = line.split(";", -1);
            if (parts.length < 2) {
              throw new IllegalArgumentException("bad line: " + line);
            }
            BigDecimal amount;
            try {
              amount = new BigDecimal(parts[1].trim());
            } catch (NumberFormatException ex) {
              amount = BigDecimal.ZERO;
            }
            ${E} e = new ${E}(parts[0].trim(), amount);
            if (parts.length > 2) {
              e.setCategory(parts[2].toLowerCase(Locale.ROOT));
            }
            return e;
          }
        """;
    List<Tpl> pool = List.of(
        new Tpl("""
              public int importAll(Reader in) throws IOException {
                BufferedReader reader = new BufferedReader(in);
                List<${E}> batch = new ArrayList<>();
                String line;
                while ((line = reader.readLine()) != null) {
                  if (line.isBlank() || line.startsWith("#")) {
                    continue;
                  }
                  batch.add(parse(line));
                }
                orm.begin();
                try {
                  for (${E} e : batch) {
                    orm.save(e);
                  }
                  orm.commit();
                } catch (RuntimeException ex) {
                  orm.rollback();
                  throw ex;
                }
                return batch.size();
              }
            """, true, false),
        new Tpl("""
              public int importLines(List<String> lines, boolean stopOnError) {
                int ok = 0;
                orm.begin();
                for (String line : lines) {
                  try {
                    orm.save(parse(line));
                    ok++;
                  } catch (IllegalArgumentException ex) {
                    audit.record("bad", line);
                    if (stopOnError) {
                      return ok;
                    }
                  }
                }
                orm.commit();
                return ok;
              }
            """, true, true),
        new Tpl("""
              public void copyTo(Connection conn, List<${E}> items) throws SQLException {
                boolean auto = conn.getAutoCommit();
                conn.setAutoCommit(false);
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t (name, amount) VALUES (?, ?)")) {
                  for (${E} e : items) {
                    ps.setString(1, e.getName());
                    ps.setBigDecimal(2, e.getAmount());
                    ps.addBatch();
                  }
                  ps.executeBatch();
                  conn.commit();
                } catch (SQLException ex) {
                  conn.rollback();
                  throw ex;
                } finally {
                  conn.setAutoCommit(auto);
                }
              }
            """, true, false),
        new Tpl("""
              public void copyQuick(Connection conn, List<${E}> items) throws SQLException {
                conn.setAutoCommit(false);
                for (${E} e : items) {
                  try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t (name) VALUES (?)")) {
                    ps.setString(1, e.getName());
                    ps.executeUpdate();
                  }
                }
                conn.commit();
              }
            """, true, true),
        new Tpl("""
              public List<String> preview(List<String> lines, int max) {
                List<String> out = new ArrayList<>();
                int i = 0;
                do {
                  if (i >= lines.size()) {
                    break;
                  }
                  String l = lines.get(i);
                  try {
                    ${E} e = parse(l);
                    out.add(e.getName() + "=" + e.getAmount());
                  } catch (IllegalArgumentException ex) {
                    out.add("!" + l);
                  }
                  i++;
                } while (out.size() < max);
                return out;
              }
            """, false, false));
    return assemble(header, fields, pool, 3, 5, "PKG", pkg, "N", name, "E", entity);
  }

  // ---------------------------------------------------------------- ordinary code

  private String serviceClass(String pkg, String name, String entity, String dto) {
    String header = """
        package ${PKG};

        import com.acme.infra.Audit;
        import com.acme.infra.Mode;
        import com.acme.infra.Money;
        import java.math.BigDecimal;
        import java.math.RoundingMode;
        import java.util.ArrayList;
        import java.util.EnumMap;
        import java.util.HashMap;
        import java.util.List;
        import java.util.Locale;
        import java.util.Map;
        import java.util.Objects;
        import java.util.Optional;
        import java.util.function.Function;
        import java.util.stream.Collectors;

        public class ${N} {
        """;
    String fields = """
          private static final BigDecimal VAT = new BigDecimal("0.${V}");
          private final Audit audit;
          private final Map<String, Integer> weights = new HashMap<>();
          private final Map<Mode, Integer> usage = new EnumMap<>(Mode.class);

          public ${N}(Audit audit) {
            this.audit = Objects.requireNonNull(audit);
            weights.put("gold", 3);
            weights.put("silver", 2);
          }
        """;
    List<Tpl> pool = List.of(
        new Tpl("""
              public BigDecimal discount(${E} e, Mode mode) {
                BigDecimal base = e.getAmount();
                BigDecimal rate;
                switch (mode) {
                  case FAST -> rate = new BigDecimal("0.05");
                  case SAFE -> rate = BigDecimal.ZERO;
                  case AUDITED -> {
                    audit.record("discount", e.getId());
                    rate = new BigDecimal("0.02");
                  }
                  default -> rate = new BigDecimal("0.01");
                }
                usage.merge(mode, 1, Integer::sum);
                return base.multiply(rate).setScale(2, RoundingMode.HALF_UP);
              }
            """, false, false),
        new Tpl("""
              public Map<String, List<${D}>> byStatus(List<${D}> items) {
                return items.stream()
                    .filter(Objects::nonNull)
                    .collect(Collectors.groupingBy(${D}::status));
              }
            """, false, false),
        new Tpl("""
              public Optional<${D}> mostExpensive(List<${D}> items) {
                ${D} best = null;
                for (${D} d : items) {
                  if (d.amount() == null) {
                    continue;
                  }
                  if (best == null || d.amount().compareTo(best.amount()) > 0) {
                    best = d;
                  }
                }
                return Optional.ofNullable(best);
              }
            """, false, false),
        new Tpl("""
              public int parseQuantity(String raw, int fallback) {
                if (raw == null) {
                  return fallback;
                }
                try {
                  int q = Integer.parseInt(raw.trim());
                  return q < 0 ? fallback : q;
                } catch (NumberFormatException ex) {
                  audit.record("bad-quantity", raw);
                  return fallback;
                } finally {
                  usage.merge(Mode.SAFE, 1, Integer::sum);
                }
              }
            """, false, false),
        new Tpl("""
              public Money total(List<${E}> items, String currency) {
                Money sum = Money.of(0, currency);
                for (${E} e : items) {
                  BigDecimal gross = e.getAmount().add(e.getAmount().multiply(VAT));
                  sum = sum.plus(new Money(gross, currency));
                }
                return sum;
              }
            """, false, false),
        new Tpl("""
              public String describe(${E} e) {
                StringBuilder sb = new StringBuilder();
                sb.append(e.getName());
                String cat = e.getCategory();
                if (cat != null) {
                  int w = weights.getOrDefault(cat.toLowerCase(Locale.ROOT), 1);
                  for (int i = 0; i < w; i++) {
                    sb.append('*');
                  }
                }
                if (e.isActive()) {
                  sb.append(" [active]");
                } else if ("CLOSED".equals(e.getStatus())) {
                  sb.append(" [closed]");
                }
                return sb.toString();
              }
            """, false, false),
        new Tpl("""
              public List<String> labels(List<${D}> items, Function<${D}, String> suffix) {
                List<String> out = new ArrayList<>(items.size());
                items.forEach(d -> out.add(d.label() + suffix.apply(d)));
                out.removeIf(String::isBlank);
                return out;
              }
            """, false, false),
        new Tpl("""
              public int score(int[] values, int threshold) {
                int score = 0;
                int streak = 0;
                for (int v : values) {
                  if (v > threshold) {
                    streak++;
                    score += streak * 2;
                  } else if (v == threshold) {
                    score++;
                  } else {
                    streak = 0;
                    if (score > 100) {
                      break;
                    }
                  }
                }
                return score;
              }
            """, false, false),
        new Tpl("""
              public String grade(int points) {
                return switch (points / 10) {
                  case 10, 9 -> "A";
                  case 8 -> "B";
                  case 7 -> "C";
                  case 6 -> {
                    audit.record("borderline", points);
                    yield "D";
                  }
                  default -> "F";
                };
              }
            """, false, false),
        new Tpl("""
              public Map<String, Long> histogram(List<String> words) {
                Map<String, Long> counts = new HashMap<>();
                for (String w : words) {
                  String k = w.toLowerCase(Locale.ROOT).strip();
                  if (k.isEmpty()) {
                    continue;
                  }
                  counts.merge(k, 1L, Long::sum);
                }
                return counts;
              }
            """, false, false));
    return assemble(header, fields, pool, 5, 8, "PKG", pkg, "N", name, "E", entity, "D", dto,
        "V", String.valueOf(10 + rnd.nextInt(15)));
  }

  private String utilClass(String pkg, String name) {
    String header = """
        package ${PKG};

        import java.nio.charset.StandardCharsets;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.Locale;
        import java.util.Optional;

        public final class ${N} {
          private ${N}() {}
        """;
    List<Tpl> pool = List.of(
        new Tpl("""
              public static String slug(String s) {
                StringBuilder sb = new StringBuilder();
                boolean dash = false;
                for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
                  if (Character.isLetterOrDigit(c)) {
                    sb.append(c);
                    dash = false;
                  } else if (!dash && sb.length() > 0) {
                    sb.append('-');
                    dash = true;
                  }
                }
                return sb.toString();
              }
            """, false, false),
        new Tpl("""
              public static int checksum(String s) {
                int sum = 0;
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < bytes.length; i++) {
                  sum = 31 * sum + (bytes[i] & 0xff);
                  if (i % 7 == 6) {
                    sum ^= sum >>> 11;
                  }
                }
                return sum;
              }
            """, false, false),
        new Tpl("""
              public static List<String> chunks(String s, int size) {
                if (size <= 0) {
                  throw new IllegalArgumentException("size must be positive");
                }
                List<String> out = new ArrayList<>();
                for (int i = 0; i < s.length(); i += size) {
                  out.add(s.substring(i, Math.min(s.length(), i + size)));
                }
                return out;
              }
            """, false, false),
        new Tpl("""
              public static Optional<Integer> tryParse(String s) {
                try {
                  return Optional.of(Integer.valueOf(s.trim()));
                } catch (NumberFormatException | NullPointerException ex) {
                  return Optional.empty();
                }
              }
            """, false, false),
        new Tpl("""
              public static String mask(String s, int visible) {
                if (s == null || s.length() <= visible) {
                  return s;
                }
                char[] chars = s.toCharArray();
                int i = 0;
                while (i < chars.length - visible) {
                  chars[i] = '*';
                  i++;
                }
                return new String(chars);
              }
            """, false, false),
        new Tpl("""
              public static String kind(Object o) {
                if (o instanceof String str) {
                  return str.isEmpty() ? "empty" : "text";
                } else if (o instanceof Number n) {
                  return n.doubleValue() < 0 ? "negative" : "number";
                } else if (o instanceof List<?> l) {
                  return "list of " + l.size();
                }
                return o == null ? "null" : o.getClass().getSimpleName();
              }
            """, false, false));
    return assemble(header, "", pool, 4, 6, "PKG", pkg, "N", name);
  }
}
