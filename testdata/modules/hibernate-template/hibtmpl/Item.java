package hibtmpl;

/** A plain entity (mapping left to XML). */
public class Item {
  public long sku;
  public String name;
  public int quantity;
}
