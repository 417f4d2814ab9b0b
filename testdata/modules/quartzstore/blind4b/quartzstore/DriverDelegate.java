package blind4b.quartzstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The SQL of the job store (Quartz's DriverDelegate, implemented by StdJDBCDelegate). */
public interface DriverDelegate {
    int countMisfiredTriggersInState(Connection conn, String state, long ts) throws SQLException;

    int updateTriggerStatesFromOtherStates(Connection conn, String newState, String oldState1,
            String oldState2) throws SQLException;

    List<String> selectTriggersInState(Connection conn, String state) throws SQLException;

    boolean deleteTrigger(Connection conn, String triggerKey) throws SQLException;

    int deleteFiredTriggers(Connection conn) throws SQLException;

    int deleteFiredTriggers(Connection conn, String instanceId) throws SQLException;

    List<String> selectSchedulerStateRecords(Connection conn, String instanceId) throws SQLException;

    int updateSchedulerState(Connection conn, String instanceId, long checkInTime) throws SQLException;

    int insertSchedulerState(Connection conn, String instanceId, long checkInTime, long interval)
            throws SQLException;

    int insertJobDetail(Connection conn, String jobName) throws SQLException;
}
