package blind4b.keycloaktx;

import java.util.ArrayList;
import java.util.List;

/**
 * Batched export in the manner of Keycloak's MultipleStepsExportProvider: one transaction per
 * batch, either through runJobInTransaction or by hand on one session.
 */
public class RealmExporter {

    protected final List<String> written = new ArrayList<>();

    protected void write(RealmModel realm) {
        written.add(realm.getId() + ":" + realm.getName());
    }

    /** The real shape: each batch a task of runJobInTransaction. */
    public int exportRealmsIsClean(KeycloakSessionFactory factory, int batchSize) {
        final int[] exported = new int[1];
        final boolean[] more = {true};
        while (more[0]) {
            final int first = exported[0];
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                List<RealmModel> realms = session.realms().getRealms(first, batchSize);
                for (RealmModel realm : realms) {
                    write(realm);
                    exported[0]++;
                }
                more[0] = realms.size() == batchSize;
            });
        }
        return exported[0];
    }

    /** By hand on one session: the empty batch commits before it stops. */
    public int exportRealmsByHandIsClean(KeycloakSessionFactory factory, int batchSize) {
        KeycloakSession session = factory.create();
        KeycloakTransaction tx = session.getTransactionManager();
        int first = 0;
        int exported = 0;
        try {
            while (true) {
                tx.begin();
                List<RealmModel> realms = session.realms().getRealms(first, batchSize);
                if (realms.isEmpty()) {
                    tx.commit();
                    break;
                }
                for (RealmModel realm : realms) {
                    write(realm);
                    exported++;
                }
                tx.commit();
                first += batchSize;
            }
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            session.close();
        }
        return exported;
    }

    /** The empty batch stops the loop with that batch's transaction still open. */
    public int exportRealmsByHandLeaks(KeycloakSessionFactory factory, int batchSize) {
        KeycloakSession session = factory.create();
        KeycloakTransaction tx = session.getTransactionManager();
        int first = 0;
        int exported = 0;
        try {
            while (true) {
                tx.begin();
                List<RealmModel> realms = session.realms().getRealms(first, batchSize);
                if (realms.isEmpty()) {
                    // BUG: Diagnostic contains: [UncommittedTransaction]
                    break;
                }
                for (RealmModel realm : realms) {
                    write(realm);
                    exported++;
                }
                tx.commit();
                first += batchSize;
            }
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            session.close();
        }
        return exported;
    }
}
