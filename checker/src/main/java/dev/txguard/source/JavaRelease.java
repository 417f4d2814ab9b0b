package dev.txguard.source;

import com.github.javaparser.ParserConfiguration.LanguageLevel;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java language level the audit parses at. By default the newest ({@value #NEWEST_FEATURE}), with a retry at an
 * older level for a file that fails only because it uses a later keyword as a name ({@link SourceParser}); pinned by
 * {@code --release N}, exactly that level and no retry, as javac's {@code --release N} would read the file.
 *
 * @param level JavaParser's level
 * @param pinned whether the user chose it (no retry at other levels)
 */
public record JavaRelease(LanguageLevel level, boolean pinned) {
  /** The newest Java release the audit reads. */
  public static final int NEWEST_FEATURE = 25;

  /** The default: the newest level, with the keyword retry. */
  public static final JavaRelease NEWEST = new JavaRelease(LanguageLevel.JAVA_25, false);

  /** javac's spellings: 1.0 to 1.8 with the prefix, 5 and later without. */
  private static final Pattern RELEASE = Pattern.compile("1\\.([0-8])|([5-9]|[1-9]\\d)");

  /**
   * The pinned level for a release as javac and Maven write it: {@code 1.8}, {@code 8}, {@code 17}, {@code 25}; 1.0 to
   * {@value #NEWEST_FEATURE}. Empty for anything else.
   */
  public static Optional<JavaRelease> of(String release) {
    if (release == null) {
      return Optional.empty();
    }
    Matcher m = RELEASE.matcher(release.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    int n = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
    if (n > NEWEST_FEATURE) {
      return Optional.empty();
    }
    return Optional.of(new JavaRelease(LanguageLevel.valueOf(n <= 4 ? "JAVA_1_" + n : "JAVA_" + n), true));
  }

  /** The releases {@link #of} accepts, for messages. */
  public static String accepted() {
    return "1.0 to 1.8, or 5 to " + NEWEST_FEATURE;
  }

  /** "Java 25", "Java 8", "Java 1.4". */
  public String displayName() {
    return displayName(level);
  }

  static String displayName(LanguageLevel level) {
    return "Java " + level.name().substring("JAVA_".length()).replace('_', '.').toLowerCase(Locale.ROOT);
  }
}
