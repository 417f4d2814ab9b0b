package dev.txguard.report;

import java.nio.charset.StandardCharsets;

/** A relative path as a URI reference: each segment percent-encoded (RFC 3986 {@code pchar}), slashes kept. */
final class RelativeUri {
  private static final String UNRESERVED_AND_SUB_DELIMS = "-._~!$&'()*+,;=@";

  private RelativeUri() {}

  static String of(String path) {
    StringBuilder b = new StringBuilder();
    for (byte x : path.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      // ':' is encoded too: in a first segment it would read as a scheme.
      if (c == '/' || (c < 0x80 && (Character.isLetterOrDigit(c) || UNRESERVED_AND_SUB_DELIMS.indexOf(c) >= 0))) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }
}
