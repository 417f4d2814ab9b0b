// Realistic MongoDB event store. Leaks: narrow MongoWriteException catch on a parameter session,
// early return without abort on a session that is never closed, yield out of a switch-expression
// arm with the transaction still open.
// Clean: ClientSession in try-with-resources (close ends), finally close() after a narrow catch
// (close ends), withTransaction lambda, hasActiveTransaction() guard in finally.
package cases.realistic;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

public class EventStoreMongo {

  private final MongoClient client;
  private final MongoCollection<Document> events;
  private final MongoCollection<Document> streams;
  private final MongoCollection<Document> snapshots;

  public EventStoreMongo(
      MongoClient client,
      MongoCollection<Document> events,
      MongoCollection<Document> streams,
      MongoCollection<Document> snapshots) {
    this.client = client;
    this.events = events;
    this.streams = streams;
    this.snapshots = snapshots;
  }

  private static long cutoff() {
    return System.currentTimeMillis() - 30L * 24 * 3600 * 1000;
  }

  private static Document merge(List<Document> all) {
    Document merged = new Document();
    for (Document d : all) {
      merged.putAll(d);
    }
    return merged;
  }

  public void appendEventsIsClean(String streamId, List<Document> batch) {
    try (ClientSession session = client.startSession()) {
      session.startTransaction();
      batch.forEach(e -> e.append("stream", streamId));
      events.insertMany(session, batch);
      streams.updateOne(session, Filters.eq("_id", streamId), Updates.inc("version", batch.size()));
      session.commitTransaction();
    }
  }

  public void snapshotIsClean(String streamId, Document state) {
    ClientSession session = client.startSession();
    session.startTransaction();
    try {
      snapshots.replaceOne(session, Filters.eq("_id", streamId), state, new ReplaceOptions().upsert(true));
      events.deleteMany(session, Filters.eq("stream", streamId));
      session.commitTransaction();
    } catch (MongoCommandException e) {
      session.abortTransaction();
      throw e;
    } finally {
      session.close();
    }
  }

  public void moveEventLeaks(ClientSession session, ObjectId id, String toStream) {
    session.startTransaction();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      Document event = events.findOneAndDelete(session, Filters.eq("_id", id));
      if (event == null) {
        session.abortTransaction();
        return;
      }
      event.put("stream", toStream);
      events.insertOne(session, event);
      session.commitTransaction();
    } catch (MongoWriteException e) {
      session.abortTransaction();
      throw new IllegalStateException("moving event " + id + " failed", e);
    }
  }

  public String renameStreamIsClean(String from, String to) {
    try (ClientSession session = client.startSession()) {
      return session.withTransaction(
          () -> {
            Document old = streams.findOneAndDelete(session, Filters.eq("_id", from));
            if (old != null) {
              old.put("_id", to);
              streams.insertOne(session, old);
            }
            return to;
          });
    }
  }

  public boolean truncateStreamLeaks(String streamId, long keepFromVersion) {
    ClientSession session = client.startSession();
    session.startTransaction();
    try {
      long count = events.countDocuments(session, Filters.eq("stream", streamId));
      if (count <= keepFromVersion) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return false;
      }
      events.deleteMany(session, Filters.and(Filters.eq("stream", streamId), Filters.lt("version", keepFromVersion)));
      session.commitTransaction();
      return true;
    } catch (RuntimeException e) {
      session.abortTransaction();
      throw e;
    }
  }

  public void compactIsClean(String streamId) {
    ClientSession session = client.startSession();
    try {
      session.startTransaction();
      List<Document> all = events.find(session, Filters.eq("stream", streamId)).into(new ArrayList<>());
      events.deleteMany(session, Filters.eq("stream", streamId));
      if (!all.isEmpty()) {
        events.insertOne(session, merge(all));
      }
      session.commitTransaction();
    } finally {
      if (session.hasActiveTransaction()) {
        session.abortTransaction();
      }
    }
  }

  public long applyRetentionLeaks(String policy) {
    ClientSession session = client.startSession();
    long removed =
        switch (policy) {
          case "none" -> 0L;
          case "days" -> {
            session.startTransaction();
            try {
              long n = events.deleteMany(session, Filters.lt("ts", cutoff())).getDeletedCount();
              if (n == 0) {
                // BUG: Diagnostic contains: [UncommittedTransaction]
                yield 0L;
              }
              session.commitTransaction();
              yield n;
            } catch (RuntimeException e) {
              session.abortTransaction();
              throw e;
            }
          }
          default -> throw new IllegalArgumentException("unknown policy " + policy);
        };
    return removed;
  }
}
