package blind3a.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Base DAO: protected helpers forwarding to TxSupport. */
public abstract class ErpDao {

    protected final DataSource dataSource;

    protected ErpDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns the other file's fresh begin wrapper's result directly. */
    protected Connection openTransaction() throws SQLException {
        return TxSupport.openTransactional(dataSource);
    }

    /** End wrapper and closer: commit, then close. */
    protected static void finish(Connection c) throws SQLException {
        c.commit();
        c.close();
    }

    /** End wrapper and closer: guarded rollback, then close. */
    protected static void abort(Connection c) {
        TxSupport.rollbackQuietly(c);
        TxSupport.closeQuietly(c);
    }
}
