package blind4b.keycloaktx;

/**
 * Realm removal in a session of its own, called from an admin request that has its own session
 * and transaction (the admin session is borrowed here).
 */
public class RealmAdminService {

    protected final KeycloakSessionFactory factory;

    public RealmAdminService(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    public void removeRealmIsClean(KeycloakSession adminSession, String realmId) {
        KeycloakSession session = factory.create();
        KeycloakTransaction tx = session.getTransactionManager();
        try {
            tx.begin();
            RealmManager manager = new RealmManager(session);
            RealmModel realm = manager.getRealm(realmId);
            if (realm != null) {
                manager.removeRealm(realm);
            }
            tx.commit();
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            adminSession.getTransactionManager().setRollbackOnly();
            throw e;
        } finally {
            session.close();
        }
    }

    /** The rollback is guarded by the admin request's transaction instead of this one. */
    public void removeRealmLeaks(KeycloakSession adminSession, String realmId) {
        KeycloakSession session = factory.create();
        KeycloakTransaction tx = session.getTransactionManager();
        KeycloakTransaction adminTx = adminSession.getTransactionManager();
        try {
            tx.begin();
            RealmManager manager = new RealmManager(session);
            RealmModel realm = manager.getRealm(realmId);
            if (realm != null) {
                manager.removeRealm(realm);
            }
            tx.commit();
        } catch (RuntimeException e) {
            if (adminTx.isActive()) {
                tx.rollback();
            }
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            throw e;
        } finally {
            session.close();
        }
    }
}
