package blind4b.keycloaktx;

import java.util.logging.Logger;

/** Startup migration with retries, on the bootstrap session it is given. */
public class MigrationRunner {

    private static final Logger LOGGER = Logger.getLogger(MigrationRunner.class.getName());

    public boolean migrateModelIsClean(KeycloakSession session, int maxAttempts) {
        KeycloakTransaction tx = session.getTransactionManager();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            tx.begin();
            try {
                MigrationModelManager.migrate(session);
                tx.commit();
                return true;
            } catch (RuntimeException e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                LOGGER.warning("Migration attempt " + attempt + " failed: " + e);
            }
        }
        return false;
    }

    /** The failure is logged and swallowed: the next attempt begins again on the open one. */
    public boolean migrateModelLeaks(KeycloakSession session, int maxAttempts) {
        KeycloakTransaction tx = session.getTransactionManager();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            // BUG: Diagnostic contains: [UncommittedTransaction]
            tx.begin();
            try {
                MigrationModelManager.migrate(session);
                tx.commit();
                return true;
            } catch (RuntimeException e) {
                LOGGER.warning("Migration attempt " + attempt + " failed: " + e);
            }
        }
        // BUG: Diagnostic contains: [UncommittedTransaction]
        return false;
    }
}
