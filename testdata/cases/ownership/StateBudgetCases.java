// Settled detail 17 and "What the state tracks" (from Hive's ObjectStore.grantPrivileges and revokePrivileges, 4 M
// lines of real code): a loop over items that fills ten lists, each left null, read from a store or created new, and
// tested for null afterwards. None of them can decide the transaction, so none is part of the state: the method is
// analysed (1,024 combinations of the ten lists once exceeded the 512 states per node and the method was dropped as
// "not fully analysed", with its leak).
package cases.ownership;

import jakarta.persistence.EntityTransaction;
import java.util.ArrayList;
import java.util.List;

public class StateBudgetCases {
  interface Item {
    boolean has(int i);

    boolean isNew(int i);
  }

  interface Store {
    List<String> list(int i);

    void persistAll(List<Object> objects);
  }

  void tenListsInALoopIsClean(EntityTransaction tx, List<Item> items, Store store) {
    boolean committed = false;
    try {
      tx.begin();
      List<Object> persistent = new ArrayList<>();
      for (Item item : items) {
        List<String> found0 = null;
        List<String> found1 = null;
        List<String> found2 = null;
        List<String> found3 = null;
        List<String> found4 = null;
        List<String> found5 = null;
        List<String> found6 = null;
        List<String> found7 = null;
        List<String> found8 = null;
        List<String> found9 = null;
        if (item.has(0)) {
          found0 = store.list(0);
        } else if (item.isNew(0)) {
          found0 = new ArrayList<>();
        }
        if (item.has(1)) {
          found1 = store.list(1);
        } else if (item.isNew(1)) {
          found1 = new ArrayList<>();
        }
        if (item.has(2)) {
          found2 = store.list(2);
        } else if (item.isNew(2)) {
          found2 = new ArrayList<>();
        }
        if (item.has(3)) {
          found3 = store.list(3);
        } else if (item.isNew(3)) {
          found3 = new ArrayList<>();
        }
        if (item.has(4)) {
          found4 = store.list(4);
        } else if (item.isNew(4)) {
          found4 = new ArrayList<>();
        }
        if (item.has(5)) {
          found5 = store.list(5);
        } else if (item.isNew(5)) {
          found5 = new ArrayList<>();
        }
        if (item.has(6)) {
          found6 = store.list(6);
        } else if (item.isNew(6)) {
          found6 = new ArrayList<>();
        }
        if (item.has(7)) {
          found7 = store.list(7);
        } else if (item.isNew(7)) {
          found7 = new ArrayList<>();
        }
        if (item.has(8)) {
          found8 = store.list(8);
        } else if (item.isNew(8)) {
          found8 = new ArrayList<>();
        }
        if (item.has(9)) {
          found9 = store.list(9);
        } else if (item.isNew(9)) {
          found9 = new ArrayList<>();
        }
        if (found0 != null) {
          persistent.addAll(found0);
        }
        if (found1 != null) {
          persistent.addAll(found1);
        }
        if (found2 != null) {
          persistent.addAll(found2);
        }
        if (found3 != null) {
          persistent.addAll(found3);
        }
        if (found4 != null) {
          persistent.addAll(found4);
        }
        if (found5 != null) {
          persistent.addAll(found5);
        }
        if (found6 != null) {
          persistent.addAll(found6);
        }
        if (found7 != null) {
          persistent.addAll(found7);
        }
        if (found8 != null) {
          persistent.addAll(found8);
        }
        if (found9 != null) {
          persistent.addAll(found9);
        }
      }
      store.persistAll(persistent);
      tx.commit();
      committed = true;
    } finally {
      if (!committed) {
        tx.rollback();
      }
    }
  }

  void tenListsInALoopThenEarlyReturnLeaks(EntityTransaction tx, List<Item> items, Store store) {
    try {
      tx.begin();
      List<Object> persistent = new ArrayList<>();
      for (Item item : items) {
        List<String> found0 = null;
        List<String> found1 = null;
        List<String> found2 = null;
        List<String> found3 = null;
        List<String> found4 = null;
        List<String> found5 = null;
        List<String> found6 = null;
        List<String> found7 = null;
        List<String> found8 = null;
        List<String> found9 = null;
        if (item.has(0)) {
          found0 = store.list(0);
        } else if (item.isNew(0)) {
          found0 = new ArrayList<>();
        }
        if (item.has(1)) {
          found1 = store.list(1);
        } else if (item.isNew(1)) {
          found1 = new ArrayList<>();
        }
        if (item.has(2)) {
          found2 = store.list(2);
        } else if (item.isNew(2)) {
          found2 = new ArrayList<>();
        }
        if (item.has(3)) {
          found3 = store.list(3);
        } else if (item.isNew(3)) {
          found3 = new ArrayList<>();
        }
        if (item.has(4)) {
          found4 = store.list(4);
        } else if (item.isNew(4)) {
          found4 = new ArrayList<>();
        }
        if (item.has(5)) {
          found5 = store.list(5);
        } else if (item.isNew(5)) {
          found5 = new ArrayList<>();
        }
        if (item.has(6)) {
          found6 = store.list(6);
        } else if (item.isNew(6)) {
          found6 = new ArrayList<>();
        }
        if (item.has(7)) {
          found7 = store.list(7);
        } else if (item.isNew(7)) {
          found7 = new ArrayList<>();
        }
        if (item.has(8)) {
          found8 = store.list(8);
        } else if (item.isNew(8)) {
          found8 = new ArrayList<>();
        }
        if (item.has(9)) {
          found9 = store.list(9);
        } else if (item.isNew(9)) {
          found9 = new ArrayList<>();
        }
        if (found0 != null) {
          persistent.addAll(found0);
        }
        if (found1 != null) {
          persistent.addAll(found1);
        }
        if (found2 != null) {
          persistent.addAll(found2);
        }
        if (found3 != null) {
          persistent.addAll(found3);
        }
        if (found4 != null) {
          persistent.addAll(found4);
        }
        if (found5 != null) {
          persistent.addAll(found5);
        }
        if (found6 != null) {
          persistent.addAll(found6);
        }
        if (found7 != null) {
          persistent.addAll(found7);
        }
        if (found8 != null) {
          persistent.addAll(found8);
        }
        if (found9 != null) {
          persistent.addAll(found9);
        }
      }
      store.persistAll(persistent);
      if (persistent.isEmpty()) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return;
      }
      tx.commit();
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }
}
