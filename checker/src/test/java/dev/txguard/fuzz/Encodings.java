package dev.txguard.fuzz;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** One source in odd encodings and line ends, and byte strings that are no source at all. */
final class Encodings {
  private Encodings() {}

  /** What the audit must make of a variant. */
  enum Expect {
    /** Analysed with the same findings as the UTF-8 original, and no problem. */
    SAME,
    /** Analysed with the same findings, and the ISO-8859-1 fallback reported. */
    SAME_WITH_FALLBACK,
    /** Not analysed, with a problem saying why. */
    UNREADABLE
  }

  record Variant(String name, byte[] bytes, Expect expect) {}

  /** {@code source} must be ASCII; variants append at its end so that line numbers stay. */
  static List<Variant> of(String source, SplittableRandom random) {
    List<Variant> out = new ArrayList<>();
    out.add(new Variant("Utf8Bom", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(source)),
        Expect.SAME));
    out.add(new Variant("CrLf", utf8(source.replace("\n", "\r\n")), Expect.SAME));
    out.add(new Variant("CrOnly", utf8(source.replace("\n", "\r")), Expect.SAME));
    out.add(new Variant("NoFinalNewline", utf8(source.stripTrailing()), Expect.SAME));
    out.add(new Variant("Utf8NonAscii", utf8(source + "// caf\u00e9 \u00fc \u4e2d \uD83D\uDE00 \u202E\n"), Expect.SAME));
    out.add(new Variant("Latin1", (source + "// caf\u00e9 \u00fc\n").getBytes(StandardCharsets.ISO_8859_1),
        Expect.SAME_WITH_FALLBACK));
    out.add(new Variant("Cp1252", (source + "// \u20ac \u201cq\u201d\n").getBytes(Charset.forName("windows-1252")),
        Expect.SAME_WITH_FALLBACK));
    for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0x80},
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
            (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82})) {
      out.add(new Variant("InvalidUtf8_" + hex(bad), concat(utf8(source + "// "), bad, utf8("\n")),
          Expect.SAME_WITH_FALLBACK));
    }
    out.add(new Variant("NulInComment", utf8(source + "// \u0000\u0001\u001b[31m\n"), Expect.SAME));
    out.add(new Variant("Utf16LeBom", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
        source.getBytes(StandardCharsets.UTF_16LE)), Expect.UNREADABLE));
    out.add(new Variant("Utf16BeBom", source.getBytes(StandardCharsets.UTF_16), Expect.UNREADABLE));
    out.add(new Variant("Utf16LeNoBom", source.getBytes(StandardCharsets.UTF_16LE), Expect.UNREADABLE));
    out.add(new Variant("Utf32", source.getBytes(Charset.forName("UTF-32")), Expect.UNREADABLE));
    byte[] garbage = new byte[4096];
    random.nextBytes(garbage);
    out.add(new Variant("Garbage", garbage, Expect.UNREADABLE));
    byte[] elf = concat(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, new byte[2048]);
    out.add(new Variant("ElfHeader", elf, Expect.UNREADABLE));
    return out;
  }

  /** Files that are empty or almost: nothing to analyse, nothing to report but the parse error of the last. */
  static List<Variant> degenerate() {
    return List.of(new Variant("Empty", new byte[0], null),
        new Variant("OnlyBom", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, null),
        new Variant("OnlyBlanks", utf8(" \n\t\r\n\f"), null),
        new Variant("OnlyComment", utf8("/* unterminated"), null),
        new Variant("OnlyBrace", utf8("}"), null));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      s.append(String.format("%02X", x & 0xff));
    }
    return s.toString();
  }
}
