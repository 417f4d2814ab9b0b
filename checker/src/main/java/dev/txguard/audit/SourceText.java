package dev.txguard.audit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A file's text: UTF-8 when the bytes are valid UTF-8, else ISO-8859-1 (which decodes any bytes) and flagged. */
record SourceText(String text, boolean latin1Fallback) {
  static final String FALLBACK_PROBLEM = "not valid UTF-8; read as ISO-8859-1";

  static SourceText decode(byte[] bytes) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return new SourceText(stripBom(s), false);
    } catch (CharacterCodingException e) {
      return new SourceText(new String(bytes, StandardCharsets.ISO_8859_1), true);
    }
  }

  // Editors on Windows write a byte order mark; it is no Java token, and dropping it keeps line numbers unchanged.
  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
