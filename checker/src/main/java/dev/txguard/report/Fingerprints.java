package dev.txguard.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Line-independent identities of findings, for baselines and SARIF {@code partialFingerprints}. A fingerprint hashes
 * the rule, the file, the unit qualified by its class, the begin call's text (whitespace collapsed) and the exit kind:
 * no line or column, so editing code above a finding keeps it. Two findings may share one (two returns in one method);
 * a {@link Baseline} therefore counts them as a multiset.
 */
public final class Fingerprints {
  /** The SARIF {@code partialFingerprints} key; the version changes whenever the hashed fields do. */
  public static final String SARIF_KEY = "txguard/v1";

  private Fingerprints() {}

  public static String of(String path, ReportedFinding reported) {
    var f = reported.finding();
    String exit = f.isBeginAgain() ? "BEGIN_AGAIN" : f.exitKind().name();
    String key = String.join("\0", "v1", reported.ruleId(), path, reported.qualifiedUnit(),
        f.begin().text().strip().replaceAll("\\s+", " "), exit);
    return HexFormat.of().formatHex(sha256(key)).substring(0, 32);
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
