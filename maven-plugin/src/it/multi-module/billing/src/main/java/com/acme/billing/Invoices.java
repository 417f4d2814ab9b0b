package com.acme.billing;

import com.acme.orm.Orm;
import java.util.List;

public class Invoices {
  public int issue(Orm orm, List<String> customers) {
    int issued = 0;
    for (String customer : customers) {
      // BUG: Diagnostic contains: [UncommittedTransaction]
      orm.begin();
      // BUG: Diagnostic contains: [UncommittedTransactionOnException]
      if (customer.isEmpty()) {
        // BUG: Diagnostic contains: [UncommittedTransaction]
        continue;
      }
      issued++;
      orm.commit();
    }
    return issued;
  }
}
