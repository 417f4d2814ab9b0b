package blind4b.broadleaftx;

/** A minimal sandbox (Broadleaf's SandBoxImpl). */
public class SandBox {
    private String name;
    private Long author;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getAuthor() {
        return author;
    }

    public void setAuthor(Long author) {
        this.author = author;
    }
}
