package app;

public class Customer {
  Long id;
  String name;
  boolean active = true;
}
