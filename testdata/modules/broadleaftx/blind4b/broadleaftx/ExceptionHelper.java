package blind4b.broadleaftx;

/** Broadleaf's ExceptionHelper: rethrow as the caller's declared type, or wrap. */
public class ExceptionHelper {

    @SuppressWarnings("unchecked")
    public static <G extends Throwable, J extends RuntimeException> void processException(
            Class<G> refineType, Class<J> wrapType, Throwable e) throws G {
        if (refineType.isAssignableFrom(e.getClass())) {
            throw (G) e;
        }
        if (e.getCause() != null && refineType.isAssignableFrom(e.getCause().getClass())) {
            throw (G) e.getCause();
        }
        if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        }
        throw new RuntimeException(e.getMessage(), e);
    }

    public static <G extends Throwable> boolean causedBy(Class<G> type, Throwable e) {
        Throwable cause = e;
        while (cause != null) {
            if (type.isInstance(cause)) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }
}
