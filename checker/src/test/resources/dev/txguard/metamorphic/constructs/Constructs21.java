package constructs;

import java.util.List;

/** Java 21 forms (patterns in switch, record patterns, case null): rewritten and audited only. */
public class Constructs21 {
  sealed interface Shape permits Circle, Square, Group {}

  record Circle(double r) implements Shape {}

  record Square(double side) implements Shape {}

  record Group(List<Shape> members) implements Shape {}

  /** An exhaustive pattern switch statement without default cannot complete normally when every arm returns. */
  double area(Shape s) {
    switch (s) {
      case Circle c -> {
        return Math.PI * c.r() * c.r();
      }
      case Square q -> {
        return q.side() * q.side();
      }
      case Group g -> {
        double sum = 0;
        for (Shape m : g.members()) {
          sum += area(m);
        }
        return sum;
      }
    }
  }

  String describe(Object o) {
    return switch (o) {
      case null -> "null";
      case Integer i when i > 10 -> "big " + i;
      case Integer i -> "int " + i;
      case Circle(double r) when r == 0 -> "point";
      case Circle(double r) -> {
        if (r > 100) {
          yield "huge circle";
        }
        yield "circle";
      }
      default -> o.toString();
    };
  }

  int patternStatement(Object o) {
    switch (o) {
      case String s when s.isEmpty():
        return 0;
      case String s:
        return s.length();
      default:
        break;
    }
    if (o instanceof Square(double side) && side > 1) {
      return (int) side;
    }
    return -1;
  }

  void nullCase(String s) {
    switch (s) {
      case null -> {
        return;
      }
      case "a" -> System.out.println("a");
      default -> {}
    }
    System.out.println(s);
  }
}
