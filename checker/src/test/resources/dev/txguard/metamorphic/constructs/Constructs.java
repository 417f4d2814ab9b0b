package constructs;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Every control-flow form a rewrite of real code meets, in Java 17 so that the Error Prone front end can compile it
 * too. Not run: only rewritten and analysed (MetamorphicConstructsTest, MetamorphicJavacTest).
 */
public class Constructs {
  enum Color { RED, GREEN, BLUE }

  private final int size;
  private final List<String> names = new ArrayList<>();
  private final Object lock = new Object();
  private static int counter;

  static {
    counter = 1;
    if (counter > 2) {
      counter = 0;
    }
  }

  {
    names.add("init");
  }

  public Constructs() {
    this(3);
  }

  public Constructs(int size) {
    super();
    if (size < 0) {
      throw new IllegalArgumentException("size");
    }
    this.size = size;
  }

  Constructs(String s) {
    this(s.length());
    if (s.isEmpty()) {
      return;
    }
    names.add(s);
  }

  int earlyReturns(int x) {
    if (x < 0) return -1;
    if (x == 0)
      return 0;
    else if (x == 1) return 1;
    else return x * 2;
  }

  void voidEarlyReturn(List<String> in) {
    if (in.isEmpty()) {
      return;
    }
    names.addAll(in);
  }

  void fallsOffEnd() {
    names.clear();
  }

  void empty() {}

  int loops(int[] xs) {
    for (int x : xs) {
      if (x == 42) return x;
    }
    int i = 0;
    while (i < xs.length) {
      if (xs[i] < 0) return i;
      i++;
    }
    do {
      i--;
      if (i == 7) return 7;
    } while (i > 0);
    for (int j = 0; j < 10; j++) {
      if (j == xs.length) continue;
      if (j > xs.length) break;
    }
    return -1;
  }

  int infinite(Iterator<Integer> it) {
    while (true) {
      int v = it.next();
      if (v > 10) return v;
    }
  }

  int infiniteFor(Iterator<Integer> it) {
    for (;;) {
      if (it.hasNext()) {
        return it.next();
      }
    }
  }

  void infiniteWithBreak(Iterator<Integer> it) {
    while (true) {
      if (!it.hasNext()) break;
      it.next();
    }
  }

  int labeled(int[][] grid) {
    int found = -1;
    outer:
    for (int[] row : grid) {
      for (int v : row) {
        if (v < 0) {
          break outer;
        }
        if (v == 0) continue outer;
        if (v == 99) return v;
      }
    }
    block:
    {
      if (found < 0) break block;
      found++;
    }
    return found;
  }

  String switches(int k, Color c, String s) {
    switch (k) {
      case 1:
        return "one";
      case 2:
      case 3:
        names.add("two or three");
        break;
      case 4:
        names.add("four");
        // falls through
      default:
        if (k > 100) return "big";
    }
    switch (c) {
      case RED -> {
        return "red";
      }
      case GREEN -> names.add("green");
      case BLUE -> throw new IllegalStateException();
    }
    switch (s) {
      case "a":
        return "A";
      case "b":
        break;
    }
    switch (c) {
      case RED:
      case GREEN:
        return "warm";
    }
    return "other";
  }

  int switchExpressions(Color c, int k) {
    int v = switch (c) {
      case RED -> 1;
      case GREEN -> {
        if (k > 0) {
          yield k;
        }
        yield 2;
      }
      case BLUE -> throw new IllegalArgumentException();
    };
    return switch (k) {
      case 0 -> v;
      case 1 -> {
        int w = v * 2;
        yield w;
      }
      default -> {
        for (int i = 0; i < k; i++) {
          if (i == v) {
            yield i;
          }
        }
        yield -1;
      }
    };
  }

  int tryCatchFinally(String s) {
    try {
      if (s == null) {
        return 0;
      }
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      names.add(e.getMessage());
      return -1;
    } finally {
      names.add("done");
    }
  }

  int tryCatchReturnsInCatch(Callable<Integer> c) {
    try {
      names.add("calling");
      c.call();
    } catch (RuntimeException e) {
      return -1;
    } catch (Exception e) {
      return -2;
    }
    return 1;
  }

  @SuppressWarnings("finally")
  int returnInFinally(String s) {
    try {
      return s.length();
    } finally {
      if (s.isEmpty()) {
        return 0;
      }
    }
  }

  int nestedTry(String s) throws IOException {
    try {
      try (StringReader r = new StringReader(s)) {
        int c = r.read();
        if (c < 0) {
          return -1;
        }
        return c;
      } finally {
        names.add("inner");
      }
    } catch (IOException e) {
      if (s.isEmpty()) {
        throw e;
      }
      return -2;
    }
  }

  void tryWithResources(Closeable c) throws IOException {
    try (c) {
      names.add("using");
      if (names.size() > 3) {
        return;
      }
    }
    names.add("after");
  }

  int synchronizedBlock() {
    synchronized (lock) {
      if (size > 2) {
        return size;
      }
      counter++;
    }
    return 0;
  }

  synchronized void synchronizedMethod() {
    counter++;
  }

  Supplier<String> lambdas(int k) {
    Runnable r = () -> {
      if (k > 0) {
        return;
      }
      names.add("r");
    };
    r.run();
    Function<Integer, Integer> f = x -> {
      if (x > k) {
        return x;
      }
      return k;
    };
    IntSupplier s = () -> k * 2;
    names.add("" + f.apply(s.getAsInt()));
    return () -> {
      Supplier<String> inner = () -> {
        return "inner" + k;
      };
      return inner.get();
    };
  }

  Runnable returnsLambdaWithReturns(boolean b) {
    return () -> {
      if (b) {
        return;
      }
      names.add("x");
    };
  }

  Comparable<String> anonymous(int k) {
    Comparable<String> c = new Comparable<String>() {
      private int calls;

      @Override
      public int compareTo(String o) {
        calls++;
        if (o == null) {
          return -1;
        }
        return o.length() - k;
      }
    };
    if (k > 3) {
      return new Comparable<String>() {
        @Override
        public int compareTo(String o) {
          return 0;
        }
      };
    }
    return c;
  }

  int localClass(int k) {
    class Counter {
      int n;

      Counter(int start) {
        n = start;
      }

      int next() {
        if (n > 100) {
          return -1;
        }
        return n++;
      }
    }
    Counter c = new Counter(k);
    return c.next();
  }

  <T extends Comparable<T>> T generic(List<T> xs) {
    T best = null;
    for (T x : xs) {
      if (best == null || x.compareTo(best) > 0) {
        best = x;
      }
    }
    if (best == null) {
      throw new IllegalStateException("empty");
    }
    return best;
  }

  int endsWithThrow(int k) {
    if (k > 0) {
      return k;
    }
    throw new IllegalArgumentException("k");
  }

  boolean conditionalReturn(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  int returnCallsMethods(Map<String, Integer> m, String k) {
    if (m.containsKey(k)) {
      return m.get(k) + earlyReturns(m.size());
    }
    return Objects.hash(k, m.size());
  }

  int flags(boolean verbose, int k) {
    boolean seen = false;
    for (int i = 0; i < k; i++) {
      if (i == 3) {
        seen = true;
      }
    }
    if (seen) {
      return 1;
    }
    if (verbose) {
      names.add("verbose");
    }
    return 0;
  }

  int nullChecks(String s) {
    String t = null;
    if (s != null) {
      t = s.trim();
    }
    if (t == null) {
      return 0;
    }
    return t.length();
  }

  String doubleCatch(List<String> xs) {
    try {
      return xs.get(0);
    } catch (IndexOutOfBoundsException | NullPointerException e) {
      return "";
    }
  }

  int assertsAndEmpty(int k) {
    assert k >= 0 : "negative";
    ;
    return k;
  }

  record Point(int x, int y) {
    Point {
      if (x < 0) {
        throw new IllegalArgumentException("x");
      }
    }

    Point(int both) {
      this(both, both);
    }

    int sum() {
      return x + y;
    }
  }

  record Range(int lo, int hi) {
    Range(int lo, int hi) {
      if (lo > hi) {
        int t = lo;
        lo = hi;
        hi = t;
      }
      this.lo = lo;
      this.hi = hi;
    }
  }

  enum Op {
    ADD {
      @Override
      int apply(int a, int b) {
        return a + b;
      }
    },
    NEG {
      @Override
      int apply(int a, int b) {
        if (b != 0) {
          throw new IllegalArgumentException();
        }
        return -a;
      }
    };

    abstract int apply(int a, int b);

    static Op parse(String s) {
      for (Op o : values()) {
        if (o.name().equalsIgnoreCase(s)) {
          return o;
        }
      }
      return null;
    }
  }

  interface Shape {
    double area();

    default String describe() {
      if (area() > 10) {
        return "large";
      }
      return "small";
    }

    static Shape unit() {
      return () -> 1.0;
    }
  }

  static class Base {
    final int v;

    Base(int v) {
      this.v = v;
    }
  }

  static class Derived extends Base {
    Derived() {
      super(counter > 0 ? 1 : 2);
      if (v > 1) {
        return;
      }
      counter++;
    }
  }
}
