package rollerjpa;

/** A plain entity; its persistence goes through the strategy. */
public class WeblogEntry {
  public static final String DRAFT = "DRAFT";
  public static final String PUBLISHED = "PUBLISHED";

  private String id;
  private String status = DRAFT;
  private long updateTime;

  public String getId() {
    return id;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public void setUpdateTime(long updateTime) {
    this.updateTime = updateTime;
  }

  public long getUpdateTime() {
    return updateTime;
  }
}
