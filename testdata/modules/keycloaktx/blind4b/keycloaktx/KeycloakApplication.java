package blind4b.keycloaktx;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Keycloak's KeycloakApplication.importRealm (the version that commits and rolls back by hand). */
public class KeycloakApplication {

    private static final Logger LOGGER = Logger.getLogger(KeycloakApplication.class.getName());

    protected static KeycloakSessionFactory sessionFactory;

    public static KeycloakSessionFactory getSessionFactory() {
        return sessionFactory;
    }

    public static void setSessionFactory(KeycloakSessionFactory factory) {
        sessionFactory = factory;
    }

    public void importRealmIsClean(RealmRepresentation rep, String from) {
        KeycloakSession session = sessionFactory.create();
        boolean exists = false;
        try {
            session.getTransactionManager().begin();

            try {
                RealmManager manager = new RealmManager(session);

                if (rep.getId() != null && manager.getRealm(rep.getId()) != null) {
                    LOGGER.info("Not importing realm " + rep.getRealm() + " from " + from + ". It already exists.");
                    exists = true;
                }

                if (manager.getRealmByName(rep.getRealm()) != null) {
                    LOGGER.info("Not importing realm " + rep.getRealm() + " from " + from + ". It already exists.");
                    exists = true;
                }
                if (!exists) {
                    RealmModel realm = manager.importRealm(rep);
                    LOGGER.info("Imported realm " + realm.getName() + " from " + from + ".");
                }
                session.getTransactionManager().commit();
            } catch (Throwable t) {
                session.getTransactionManager().rollback();
                if (!exists) {
                    LOGGER.log(Level.SEVERE, "Unable to import realm " + rep.getRealm() + " from " + from + ".", t);
                }
            }
        } finally {
            session.close();
        }
    }

    /** The "already exists" check was turned into an early return inside the transaction. */
    public void importRealmLeaks(RealmRepresentation rep, String from) {
        KeycloakSession session = sessionFactory.create();
        try {
            KeycloakTransaction tx = session.getTransactionManager();
            tx.begin();

            try {
                RealmManager manager = new RealmManager(session);

                if (manager.getRealmByName(rep.getRealm()) != null) {
                    LOGGER.info("Not importing realm " + rep.getRealm() + " from " + from + ". It already exists.");
                    // BUG: Diagnostic contains: [UncommittedTransaction]
                    return;
                }
                RealmModel realm = manager.importRealm(rep);
                LOGGER.info("Imported realm " + realm.getName() + " from " + from + ".");
                tx.commit();
            } catch (Throwable t) {
                tx.rollback();
                LOGGER.log(Level.SEVERE, "Unable to import realm " + rep.getRealm() + " from " + from + ".", t);
            }
        } finally {
            session.close();
        }
    }
}
