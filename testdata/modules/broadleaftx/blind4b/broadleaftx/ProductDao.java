package blind4b.broadleaftx;

import java.util.List;

/** Reads the products to index. */
public interface ProductDao {
    List<Long> readProductIds(int page, int pageSize);

    String buildDocument(Long productId);
}
