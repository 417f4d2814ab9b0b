package blind4b.broadleaftx;

/** Broadleaf's OrderDao (JPA behind it). */
public interface OrderDao {
    Order readOrderById(Long orderId);

    Order save(Order order);

    void delete(Order order);
}
