package dev.txguard.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ParseException;
import com.github.javaparser.Problem;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.resolution.SymbolResolver;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a file at the audit's {@link JavaRelease}. Unpinned, it parses at the newest level first; a file that fails
 * there only because it uses a later keyword as a name ({@code _} from Java 9, {@code enum} from 5, {@code assert}
 * from 1.4, {@code record} as a type name from 16, {@code yield} from 14) is parsed
 * again at the newest level that still took that word as a name, as javac at that release would. A file that parses
 * the first time is parsed once. Not thread-safe (JavaParser's parser is not): one per analyzer.
 */
public final class SourceParser {
  /** The newest level that takes each word as a name; a file whose only problems are these gets one more try. */
  private static final Map<String, LanguageLevel> LAST_LEVEL_AS_NAME = Map.of(
      "_", LanguageLevel.JAVA_8,
      "enum", LanguageLevel.JAVA_1_4,
      "assert", LanguageLevel.JAVA_1_3,
      "record", LanguageLevel.JAVA_15,
      "yield", LanguageLevel.JAVA_13);
  private static final Pattern LEXICAL = Pattern.compile("Lexical error at line (\\d+), column (\\d+)\\.\\s*(.*)");
  private static final Pattern SINCE = Pattern.compile(
      "\\s*Pay attention that this feature is (supported starting from|no longer supported since) 'JAVA_([0-9_]+)'.*");
  private static final Pattern EXPECTED = Pattern.compile("(Parse error\\. Found .*?), expected (one of )?(.*)");
  private static final int MAX_EXPECTED = 3;

  /** Where a file fails to parse and why, in one short line. */
  public record Failure(int line, int column, String level, String message) {}

  /** A parsed file, or why it did not parse. */
  public record Parsed(CompilationUnit unit, LanguageLevel level, Failure failure) {}

  private final JavaRelease release;
  private final SymbolResolver resolver;
  private final Map<LanguageLevel, JavaParser> parsers = new EnumMap<>(LanguageLevel.class);

  /** With {@code resolver} null, the trees cannot resolve symbols (for a parse-only check). */
  public SourceParser(JavaRelease release, SymbolResolver resolver) {
    this.release = release;
    this.resolver = resolver;
  }

  public Parsed parse(String source) {
    LanguageLevel level = release.level();
    ParseResult<CompilationUnit> first = parser(level).parse(source);
    if (succeeded(first)) {
      return new Parsed(first.getResult().get(), level, null);
    }
    ParseResult<CompilationUnit> last = first;
    // Each retry is at a strictly older level, so there are at most as many as words in the table.
    for (LanguageLevel older = release.pinned() ? null : olderLevelFor(first.getProblems(), level); older != null;
        older = olderLevelFor(last.getProblems(), older)) {
      last = parser(older).parse(source);
      if (succeeded(last)) {
        return new Parsed(last.getResult().get(), older, null);
      }
    }
    // The first failure names the level the user expects (the newest or the pinned one); a retry was only a guess.
    return new Parsed(null, level, failure(first.getProblems(), level));
  }

  private static boolean succeeded(ParseResult<CompilationUnit> r) {
    return r.isSuccessful() && r.getResult().isPresent();
  }

  private JavaParser parser(LanguageLevel level) {
    return parsers.computeIfAbsent(level,
        l -> {
          ParserConfiguration config = new ParserConfiguration().setLanguageLevel(l);
          return new JavaParser(resolver == null ? config : config.setSymbolResolver(resolver));
        });
  }

  /**
   * The newest level older than {@code current} that takes every offending word as a name, when every problem is such
   * a word; else null.
   */
  static LanguageLevel olderLevelFor(List<Problem> problems, LanguageLevel current) {
    if (problems.isEmpty()) {
      return null;
    }
    LanguageLevel lowest = null;
    for (Problem p : problems) {
      LanguageLevel l = offendingToken(p).map(LAST_LEVEL_AS_NAME::get).orElse(null);
      if (l == null) {
        return null;
      }
      lowest = lowest == null || l.ordinal() < lowest.ordinal() ? l : lowest;
    }
    return lowest.ordinal() < current.ordinal() ? lowest : null;
  }

  /** The token the parser stopped at (a syntax error) or the node's first token (a check of the language level). */
  private static Optional<String> offendingToken(Problem p) {
    if (p.getCause().orElse(null) instanceof ParseException pe && pe.currentToken != null && pe.currentToken.next != null) {
      return Optional.ofNullable(pe.currentToken.next.image);
    }
    return p.getLocation().map(TokenRange::getBegin).map(t -> t.getText());
  }

  static Failure failure(List<Problem> problems, LanguageLevel level) {
    String at = JavaRelease.displayName(level);
    if (problems.isEmpty()) {
      return new Failure(0, 0, at, "does not parse");
    }
    Problem p = problems.get(0);
    String message = p.getMessage().replaceAll("\\s+", " ").strip();
    int line = 0;
    int column = 0;
    if (p.getCause().orElse(null) instanceof ParseException pe && pe.currentToken != null && pe.currentToken.next != null) {
      line = pe.currentToken.next.beginLine;
      column = pe.currentToken.next.beginColumn;
    } else if (p.getLocation().isPresent() && p.getLocation().get().getBegin().getRange().isPresent()) {
      line = p.getLocation().get().getBegin().getRange().get().begin.line;
      column = p.getLocation().get().getBegin().getRange().get().begin.column;
    } else {
      Matcher m = LEXICAL.matcher(message);
      if (m.matches()) {
        line = Integer.parseInt(m.group(1));
        column = Integer.parseInt(m.group(2));
        message = "lexical error: " + m.group(3);
      }
    }
    return new Failure(line, column, at, shorten(message));
  }

  /**
   * JavaParser's message without its advice paragraph or a list of dozens of expected tokens: "Parse error. Found
   * ";"", "Flexible constructor bodies are not supported (Java 25 and later)".
   */
  static String shorten(String message) {
    Matcher since = SINCE.matcher(message);
    if (since.find()) {
      String release = JavaRelease.displayName(LanguageLevel.valueOf("JAVA_" + since.group(2)));
      boolean from = since.group(1).startsWith("supported");
      message = message.substring(0, since.start()).strip() + (from ? " (" + release + " and later)"
          : " (before " + release + ")");
    }
    Matcher expected = EXPECTED.matcher(message);
    if (expected.matches()) {
      String[] alternatives = expected.group(3).strip().split("\\s+(?=[\"<])");
      message = alternatives.length <= MAX_EXPECTED ? message : expected.group(1);
    }
    return message;
  }
}
