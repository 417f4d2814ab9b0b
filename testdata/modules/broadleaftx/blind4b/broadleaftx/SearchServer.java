package blind4b.broadleaftx;

import java.io.IOException;
import java.util.List;

/** The search index client (SolrServer in Broadleaf 3). */
public interface SearchServer {
    void add(List<String> documents) throws SearchServerException, IOException;

    void optimize() throws SearchServerException, IOException;
}
