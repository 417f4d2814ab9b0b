package blind4b.broadleaftx;

/** The search server's checked exception (SolrServerException). */
public class SearchServerException extends Exception {
    private static final long serialVersionUID = 1L;

    public SearchServerException(String message) {
        super(message);
    }
}
