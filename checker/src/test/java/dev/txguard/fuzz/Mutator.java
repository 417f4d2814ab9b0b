package dev.txguard.fuzz;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded mutations of a Java source at token boundaries (JavaParser's lexer) and at the byte level. The same seed
 * always gives the same mutant, so a failure names a reproducible input.
 */
final class Mutator {
  /** Tokens that unbalance or confuse a parser when dropped in anywhere. */
  private static final List<String> NASTY_TOKENS = List.of("{", "}", "(", ")", "[", "]", ";", ",", ".", "->", "::",
      "<", ">", ">>>", "@", "?", ":", "=", "\"", "'", "\"\"\"", "/*", "*/", "//", "\\", "\\u", "\\u0022", "try",
      "finally", "catch", "case", "default", "yield", "switch", "record", "sealed", "permits", "var", "class",
      "interface", "enum", "new", "return", "throw", "else", "if", "for", "while", "do", "this", "super", "...",
      "0x", "1e", "'\\u'", "\u0000", "\u001b[2J", "\uFEFF", "\u202E", "\uD800");

  /** The mutation kinds, chosen uniformly. */
  enum Kind {
    DELETE_TOKEN, DUPLICATE_TOKEN, DELETE_TOKENS, SWAP_TOKENS, INSERT_NASTY_TOKEN, REPLACE_WITH_NASTY_TOKEN,
    TRUNCATE, INSERT_BYTES, OVERWRITE_BYTES
  }

  /** A mutant: its bytes and a description to reproduce it by. */
  record Mutant(byte[] bytes, String description) {}

  private final String source;
  private final List<int[]> tokens = new ArrayList<>(); // [start, end) offsets of the non-blank tokens

  Mutator(String source) {
    this.source = source;
    ParseResult<CompilationUnit> parsed = new JavaParser(
        new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25)).parse(source);
    CompilationUnit cu = parsed.getResult().orElseThrow(() -> new IllegalArgumentException("does not parse"));
    StringBuilder again = new StringBuilder();
    for (JavaToken t : cu.getTokenRange().orElseThrow()) {
      int start = again.length();
      again.append(t.getText());
      if (!t.getText().isBlank()) {
        tokens.add(new int[] {start, again.length()});
      }
    }
    if (!again.toString().equals(source.startsWith("\uFEFF") ? source.substring(1) : source)) {
      throw new IllegalStateException("the tokens do not spell the source; offsets would be wrong");
    }
  }

  /** The mutator of a file's text (read as UTF-8). */
  static Mutator of(Path file) {
    try {
      return new Mutator(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Mutant mutate(SplittableRandom random) {
    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
    int[] t = tokens.get(random.nextInt(tokens.size()));
    String what = kind + " at " + t[0];
    String text = switch (kind) {
      case DELETE_TOKEN -> source.substring(0, t[0]) + source.substring(t[1]);
      case DUPLICATE_TOKEN -> source.substring(0, t[1]) + source.substring(t[0], t[1]) + source.substring(t[1]);
      case DELETE_TOKENS -> {
        int last = tokens.get(Math.min(tokens.size() - 1, tokens.indexOf(t) + 1 + random.nextInt(8)))[1];
        what += "-" + last;
        yield source.substring(0, t[0]) + source.substring(last);
      }
      case SWAP_TOKENS -> {
        int i = tokens.indexOf(t);
        if (i + 1 >= tokens.size()) {
          yield source.substring(0, t[0]);
        }
        int[] u = tokens.get(i + 1);
        yield source.substring(0, t[0]) + source.substring(u[0], u[1]) + source.substring(t[1], u[0])
            + source.substring(t[0], t[1]) + source.substring(u[1]);
      }
      case INSERT_NASTY_TOKEN -> {
        String nasty = NASTY_TOKENS.get(random.nextInt(NASTY_TOKENS.size()));
        what += " " + escape(nasty);
        yield source.substring(0, t[0]) + nasty + " " + source.substring(t[0]);
      }
      case REPLACE_WITH_NASTY_TOKEN -> {
        String nasty = NASTY_TOKENS.get(random.nextInt(NASTY_TOKENS.size()));
        what += " " + escape(nasty);
        yield source.substring(0, t[0]) + nasty + source.substring(t[1]);
      }
      case TRUNCATE -> {
        int at = random.nextInt(source.length() + 1);
        what = kind + " at " + at;
        yield source.substring(0, at);
      }
      case INSERT_BYTES, OVERWRITE_BYTES -> null;
    };
    if (text != null) {
      return new Mutant(text.getBytes(StandardCharsets.UTF_8), what);
    }
    byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
    int at = random.nextInt(bytes.length + 1);
    byte[] noise = new byte[1 + random.nextInt(16)];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (byte) random.nextInt(256);
    }
    byte[] out;
    if (kind == Kind.INSERT_BYTES) {
      out = new byte[bytes.length + noise.length];
      System.arraycopy(bytes, 0, out, 0, at);
      System.arraycopy(noise, 0, out, at, noise.length);
      System.arraycopy(bytes, at, out, at + noise.length, bytes.length - at);
    } else {
      out = bytes.clone();
      System.arraycopy(noise, 0, out, at, Math.min(noise.length, bytes.length - at));
    }
    return new Mutant(out, kind + " " + noise.length + " bytes at byte " + at);
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return b.toString();
  }
}
