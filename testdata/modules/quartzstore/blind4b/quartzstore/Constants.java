package blind4b.quartzstore;

/** Trigger states and lock names, as in Quartz's jdbcjobstore Constants. */
public interface Constants {
    String STATE_WAITING = "WAITING";
    String STATE_ACQUIRED = "ACQUIRED";
    String STATE_BLOCKED = "BLOCKED";
    String STATE_COMPLETE = "COMPLETE";
    String LOCK_TRIGGER_ACCESS = "TRIGGER_ACCESS";
    String LOCK_STATE_ACCESS = "STATE_ACCESS";
}
