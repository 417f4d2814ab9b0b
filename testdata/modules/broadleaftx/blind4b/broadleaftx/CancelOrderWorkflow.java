package blind4b.broadleaftx;

/** The cancel-order workflow's activities. */
public interface CancelOrderWorkflow {
    Order doActivities(Order order);
}
