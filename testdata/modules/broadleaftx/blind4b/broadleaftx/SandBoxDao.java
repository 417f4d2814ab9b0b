package blind4b.broadleaftx;

/** Broadleaf's SandBoxDao. */
public interface SandBoxDao {
    SandBox retrieveNamedSandBox(String sandBoxName);

    SandBox persist(SandBox sandBox);

    void recordAudit(String action, String sandBoxName);
}
