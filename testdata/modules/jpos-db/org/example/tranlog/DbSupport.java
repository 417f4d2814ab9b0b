package org.example.tranlog;

import org.hibernate.SessionFactory;

/** jPOS-style DB facade and a HibernateUtil-style thread-bound session (all clean). */
public final class DbSupport {

    static SessionFactory factory;

    private DbSupport() {
    }

    // Opens and closes a DB around the action; no transaction here.
    static <T> T exec(DBAction<T> action) {
        try (DB db = new DB()) {
            db.open();
            return action.exec(db);
        }
    }
}

interface DBAction<T> {
    T exec(DB db);
}
