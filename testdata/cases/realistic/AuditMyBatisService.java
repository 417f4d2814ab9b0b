// Realistic MyBatis audit-log service. Leaks: openSession() with commit/close but no finally,
// continue in a loop that skips the per-event session's try/finally, close only in the catch
// with an early return on the normal path.
// Clean: try-with-resources on a BATCH session, openSession(true) (auto-commit, not a begin),
// openSession(autoCommit) with a non-constant argument (not a begin), rollback in catch + close
// in finally, storing the session into a map (hand-off).
package cases.realistic;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class AuditMyBatisService {

  private static final Logger log = LoggerFactory.getLogger(AuditMyBatisService.class);

  static class AuditEvent {
    long id;
    String user;
    String payload;
  }

  interface AuditMapper {
    void insert(AuditEvent event);

    int deleteOlderThan(LocalDate before);

    List<AuditEvent> findByUser(String user);

    void copyToArchive(long fromId, long toId);

    void deleteRange(long fromId, long toId);

    int anonymize(String user);
  }

  private final SqlSessionFactory factory;
  private final Map<String, SqlSession> openSessions = new ConcurrentHashMap<>();

  public AuditMyBatisService(SqlSessionFactory factory) {
    this.factory = factory;
  }

  public int insertEventsIsClean(List<AuditEvent> events) {
    try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
      AuditMapper mapper = session.getMapper(AuditMapper.class);
      for (AuditEvent event : events) {
        mapper.insert(event);
      }
      session.flushStatements();
      session.commit();
      return events.size();
    }
  }

  public void purgeLeaks(LocalDate before) {
    SqlSession session = factory.openSession();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    AuditMapper mapper = session.getMapper(AuditMapper.class);
    int deleted = mapper.deleteOlderThan(before);
    log.info("purged {} audit events older than {}", deleted, before);
    session.commit();
    session.close();
  }

  public List<AuditEvent> findRecentIsClean(String user) {
    SqlSession session = factory.openSession(true);
    AuditMapper mapper = session.getMapper(AuditMapper.class);
    List<AuditEvent> events = mapper.findByUser(user);
    session.close();
    return events;
  }

  public void recordIsClean(AuditEvent event, boolean autoCommit) {
    SqlSession session = factory.openSession(autoCommit);
    try {
      session.insert("audit.insert", event);
      if (!autoCommit) {
        session.commit();
      }
    } finally {
      session.close();
    }
  }

  public int replayLeaks(List<AuditEvent> events) {
    int replayed = 0;
    for (AuditEvent event : events) {
      SqlSession session = factory.openSession();
      if (event.payload == null) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        continue;
      }
      try {
        session.insert("audit.replay", event);
        session.commit();
        replayed++;
      } finally {
        session.close();
      }
    }
    return replayed;
  }

  public void archiveIsClean(long fromId, long toId) {
    SqlSession session = factory.openSession(ExecutorType.REUSE);
    try {
      AuditMapper mapper = session.getMapper(AuditMapper.class);
      mapper.copyToArchive(fromId, toId);
      mapper.deleteRange(fromId, toId);
      session.commit();
    } catch (RuntimeException e) {
      session.rollback();
      log.error("archiving {}..{} failed", fromId, toId, e);
      throw e;
    } finally {
      session.close();
    }
  }

  public boolean anonymizeUserLeaks(String user) {
    SqlSession session = factory.openSession();
    try {
      AuditMapper mapper = session.getMapper(AuditMapper.class);
      int changed = mapper.anonymize(user);
      if (changed == 0) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return false;
      }
      session.commit();
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
    session.close();
    return true;
  }

  public void beginRequestIsClean(String requestId) {
    SqlSession session = factory.openSession();
    log.debug("opening audit session for request {}", requestId);
    openSessions.put(requestId, session);
  }
}
