package example;

import java.util.HashMap;
import java.util.Map;

public class AccountService {
    private final Orm orm = new Orm();

    boolean update() {
        orm.begin();
        Map<Integer, Integer> m = lookup();
        if (m == null) {
            return false;                      // leaves with the transaction open
        }
        int rows = apply(m);
        if (rows > 0) { orm.commit(); return true; }
        orm.rollback();
        return false;
    }

    private Map<Integer, Integer> lookup() {
        Map<Integer, Integer> m = new HashMap<>();
        m.put(1, 100);
        return m;
    }

    private int apply(Map<Integer, Integer> m) {
        return m.size();
    }
}
