package dev.heredity.audit.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable finding ids: {@code hf-} + the first 12 hex digits of SHA-256 over the rule, the subject
 * and the key evidence (each followed by a newline). Never derived from order or from anything that
 * changes between runs (severity, p-values, timestamps), so a baseline keeps matching after policy
 * changes.
 */
public final class FindingIds {
  public static final String PREFIX = "hf-";

  private FindingIds() {}

  public static String of(String rule, String subject, String... keyEvidence) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
    update(sha, rule);
    update(sha, subject);
    for (String key : keyEvidence) {
      update(sha, key);
    }
    return PREFIX + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
  }

  private static void update(MessageDigest sha, String part) {
    sha.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
    sha.update((byte) '\n');
  }
}
