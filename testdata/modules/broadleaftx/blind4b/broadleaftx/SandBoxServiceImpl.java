package blind4b.broadleaftx;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/** Broadleaf's SandBoxDaoImpl.createSandBox / createUserSandBox: REQUIRES_NEW transactions. */
public class SandBoxServiceImpl {

    protected PlatformTransactionManager transactionManager;

    protected SandBoxDao sandBoxDao;

    public SandBoxServiceImpl(PlatformTransactionManager transactionManager, SandBoxDao sandBoxDao) {
        this.transactionManager = transactionManager;
        this.sandBoxDao = sandBoxDao;
    }

    public SandBox createApprovalSandBoxIsClean(String sandBoxName) {
        TransactionStatus status = TransactionUtils.createTransaction("createSandBox",
                TransactionDefinition.PROPAGATION_REQUIRES_NEW, transactionManager);
        try {
            SandBox approvalSandbox = sandBoxDao.retrieveNamedSandBox(sandBoxName);
            if (approvalSandbox == null) {
                approvalSandbox = new SandBox();
                approvalSandbox.setName(sandBoxName);
                approvalSandbox = sandBoxDao.persist(approvalSandbox);
            }
            TransactionUtils.finalizeTransaction(status, transactionManager, false);
            return approvalSandbox;
        } catch (Exception ex) {
            TransactionUtils.finalizeTransaction(status, transactionManager, true);
            throw new RuntimeException(ex);
        }
    }

    /**
     * The audit record gets its own REQUIRES_NEW transaction inside the try; the catch finalizes
     * only the outer status, so a failing audit leaves the inner one open.
     */
    public SandBox createUserSandBoxLeaks(Long authorId, SandBox approvalSandBox) {
        TransactionStatus status = TransactionUtils.createTransaction("createSandBox",
                TransactionDefinition.PROPAGATION_REQUIRES_NEW, transactionManager);
        try {
            SandBox userSandBox = new SandBox();
            userSandBox.setName(approvalSandBox.getName());
            userSandBox.setAuthor(authorId);
            userSandBox = sandBoxDao.persist(userSandBox);

            TransactionStatus auditStatus = TransactionUtils.createTransaction("auditSandBox",
                    TransactionDefinition.PROPAGATION_REQUIRES_NEW, transactionManager);
            sandBoxDao.recordAudit("create", userSandBox.getName());
            TransactionUtils.finalizeTransaction(auditStatus, transactionManager, false);

            TransactionUtils.finalizeTransaction(status, transactionManager, false);
            return userSandBox;
        } catch (Exception ex) {
            TransactionUtils.finalizeTransaction(status, transactionManager, true);
            // BUG: Diagnostic contains: [UncommittedTransactionOnException]
            throw new RuntimeException(ex);
        }
    }
}
