package blind4b.broadleaftx;

/** A minimal order (Broadleaf's OrderImpl). */
public class Order {
    private Long id;
    private String status = "IN_PROCESS";
    private boolean locked;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public boolean isSubmitted() {
        return "SUBMITTED".equals(status);
    }

    public boolean isLocked() {
        return locked;
    }

    public void setLocked(boolean locked) {
        this.locked = locked;
    }
}
