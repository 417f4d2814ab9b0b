package dev.txguard.audit;

import java.util.Locale;

/**
 * Replaces, while audits run, a default locale whose case mapping changes ASCII letters (Turkish and Azerbaijani:
 * {@code "INT".toLowerCase()} is {@code "ınt"}) with {@link Locale#ROOT}. JavaParser lower-cases type names with the
 * default locale ({@code ResolvedPrimitiveType.byName}, {@code PrimitiveType.Primitive}), so under such a locale no
 * {@code int} resolved, calls with an {@code int} argument lost their overloads and an audit's findings differed from
 * the same audit under any other locale. Any other default locale is left alone. Audits running side by side in one
 * JVM share one replacement, restored when the last ends.
 */
final class LocaleGuard implements AutoCloseable {
  private static int active;
  private static Locale[] saved;

  private LocaleGuard() {}

  static LocaleGuard enter() {
    synchronized (LocaleGuard.class) {
      if (active++ == 0 && changesAsciiCase(Locale.getDefault())) {
        saved = new Locale[] {Locale.getDefault(), Locale.getDefault(Locale.Category.DISPLAY),
            Locale.getDefault(Locale.Category.FORMAT)};
        Locale.setDefault(Locale.ROOT);
      }
    }
    return new LocaleGuard();
  }

  @Override
  public void close() {
    synchronized (LocaleGuard.class) {
      if (--active == 0 && saved != null) {
        Locale.setDefault(saved[0]);
        Locale.setDefault(Locale.Category.DISPLAY, saved[1]);
        Locale.setDefault(Locale.Category.FORMAT, saved[2]);
        saved = null;
      }
    }
  }

  static boolean changesAsciiCase(Locale locale) {
    String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    return !letters.toLowerCase(locale).equals(letters.toLowerCase(Locale.ROOT))
        || !letters.toLowerCase(Locale.ROOT).toUpperCase(locale).equals(letters);
  }
}
