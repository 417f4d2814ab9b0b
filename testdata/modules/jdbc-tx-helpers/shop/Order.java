package shop;

public final class Order {
  final long id;
  final String customer;
  final long amountCents;

  public Order(long id, String customer, long amountCents) {
    this.id = id;
    this.customer = customer;
    this.amountCents = amountCents;
  }
}
