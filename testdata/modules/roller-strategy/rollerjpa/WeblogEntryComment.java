package rollerjpa;

/** A comment on an entry. */
public class WeblogEntryComment {
  public static final String PENDING = "PENDING";
  public static final String APPROVED = "APPROVED";

  private String id;
  private String status = PENDING;
  private String content;
  private String email;

  public String getId() {
    return id;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getStatus() {
    return status;
  }

  public String getContent() {
    return content;
  }

  public String getEmail() {
    return email;
  }

  public boolean isSpam() {
    return content != null && content.contains("http://");
  }
}
