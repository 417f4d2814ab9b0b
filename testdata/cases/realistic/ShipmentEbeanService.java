// Realistic Ebean shipment service. Leaks: setBatchMode() (an ordinary call) between begin and
// the try/finally, early return from a per-item loop, a second (archive) transaction not ended
// by the finally that only ends the main one.
// Clean: try/finally end(), try-with-resources with batch mode, isActive() guard in finally,
// same-file endQuietly end wrapper in a catch.
package cases.realistic;

import io.ebean.DB;
import io.ebean.Database;
import io.ebean.Transaction;
import java.util.List;

public class ShipmentEbeanService {

  static class Shipment {
    Long id;
    String status;
    String carrier;
  }

  static class TrackingEvent {
    final Long shipmentId;
    final String what;

    TrackingEvent(Long shipmentId, String what) {
      this.shipmentId = shipmentId;
      this.what = what;
    }
  }

  private final Database database;
  private final Database archive;

  public ShipmentEbeanService(Database database, Database archive) {
    this.database = database;
    this.archive = archive;
  }

  private static Shipment copy(Shipment s) {
    Shipment c = new Shipment();
    c.id = s.id;
    c.status = s.status;
    c.carrier = s.carrier;
    return c;
  }

  private static void endQuietly(Transaction txn) {
    if (txn.isActive()) {
      txn.rollback();
    }
  }

  public void dispatchIsClean(Shipment s) {
    Transaction txn = DB.beginTransaction();
    try {
      s.status = "DISPATCHED";
      DB.save(s);
      DB.save(new TrackingEvent(s.id, "dispatched"));
      txn.commit();
    } finally {
      txn.end();
    }
  }

  public void bulkCreateIsClean(List<Shipment> shipments) {
    try (Transaction txn = database.beginTransaction()) {
      txn.setBatchMode(true);
      txn.setBatchSize(200);
      database.saveAll(shipments);
      txn.commit();
    }
  }

  public void bulkCancelLeaks(List<Shipment> shipments) {
    Transaction txn = database.beginTransaction();
    // BUG: Diagnostic contains: [UncommittedTransactionOnException]
    txn.setBatchMode(true);
    try {
      for (Shipment s : shipments) {
        s.status = "CANCELLED";
        database.save(s);
      }
      txn.commit();
    } finally {
      txn.end();
    }
  }

  public int deliverAllLeaks(List<Long> ids) {
    int delivered = 0;
    for (Long id : ids) {
      Transaction txn = DB.beginTransaction();
      try {
        Shipment s = DB.find(Shipment.class, id);
        if (s == null) {
          // BUG: Diagnostic contains: [UncommittedTransaction]
          return delivered;
        }
        s.status = "DELIVERED";
        DB.save(s);
        txn.commit();
        delivered++;
      } catch (RuntimeException e) {
        txn.rollback();
        throw e;
      }
    }
    return delivered;
  }

  public void reassignCarrierIsClean(long id, String carrier) {
    Transaction txn = database.beginTransaction();
    try {
      Shipment s = database.find(Shipment.class, id);
      s.carrier = carrier;
      database.save(s);
      txn.commit();
    } finally {
      if (txn.isActive()) {
        txn.rollback();
      }
    }
  }

  public void archiveDeliveredLeaks(long id) {
    Transaction mainTx = database.beginTransaction();
    Transaction archiveTx = archive.beginTransaction();
    try {
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      Shipment s = database.find(Shipment.class, id);
      archive.save(copy(s));
      database.delete(s);
      archiveTx.commit();
      mainTx.commit();
    } finally {
      mainTx.end();
    }
  }

  public void returnToSenderIsClean(long id) {
    Transaction txn = DB.beginTransaction();
    try {
      Shipment s = DB.find(Shipment.class, id);
      s.status = "RETURNED";
      DB.save(s);
      txn.commit();
    } catch (RuntimeException e) {
      endQuietly(txn);
      throw e;
    }
  }
}
