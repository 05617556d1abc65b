package dev.heredity.audit.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Reads {@code heredity-policy.yaml} (or the same structure in JSON):
 *
 * <pre>
 * fail-on: high                # critical | high | medium | low | info | none ('failOn' is accepted, with a warning)
 * alpha: 0.01                  # detectors' significance level
 * sample: 100000               # records per dataset the detectors' tests run on (0 = every record)
 * overrides:                   # rule id -> severity
 *   cross-base-pair: low
 * suppressions:
 *   - id: hf-0123456789ab      # one finding by id ...
 *     reason: "reviewed in AUD-12"
 *     expires: 2026-12-31      # optional, ISO date
 *   - rule: no-control-set     # ... or a rule + subject ("*" = any subject)
 *     subject: code-traces
 *     reason: "control set is being generated"
 * </pre>
 *
 * An empty or comment-only file is the default policy. Every error is one line naming
 * file:line:column in our words: text that is not UTF-8, control characters, YAML syntax, unknown
 * keys and rule ids (with the closest valid one), wrong types, bad severities and dates,
 * suppressions without a reason.
 */
public final class PolicyFile {
  /** Looked up beside the manifest when no {@code --policy} is given. */
  public static final String DEFAULT_NAME = "heredity-policy.yaml";

  /** A policy file is a few lines; anything larger is refused before parsing. */
  static final long MAX_BYTES = 1 << 20;

  private static final YAMLFactory YAML =
      YAMLFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
          .build();

  private PolicyFile() {}

  /**
   * @param file the policy file
   * @param shown how the file is named in messages and reports (e.g. relative to the manifest)
   */
  public static Policy load(Path file, String shown) {
    return load(file, shown, null);
  }

  /**
   * Like {@link #load(Path, String)}, and every rule id in overrides and suppressions must be one
   * of {@code knownRules} (null: any id).
   */
  public static Policy load(Path file, String shown, Set<String> knownRules) {
    byte[] bytes = bytes(file, shown);
    String text = text(bytes, shown);
    PolicyParser.Result r;
    try (JsonParser parser = new NoAliases(YAML.createParser(text), shown)) {
      r = new PolicyParser(parser, shown, knownRules).parse();
    } catch (JsonProcessingException e) {
      throw new InvalidPolicyException(
          position(shown, e.getLocation()) + "syntax error: " + readable(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InvalidPolicyException(
          shown + ": cannot read the policy file: " + e.getMessage(), e);
    }
    return new Policy(
        r.failOn() == null ? Policy.DEFAULT_FAIL_ON : r.failOn().threshold(),
        r.alpha() == null ? Policy.DEFAULT_ALPHA : r.alpha(),
        r.overrides(),
        r.suppressions(),
        shown,
        sha256(bytes),
        r.warnings(),
        r.sample());
  }

  /**
   * Refuses the first YAML alias where it stands. Jackson gives an alias as its anchor's name, so
   * {@code rule: *r} would otherwise read as a rule named "r".
   */
  private static final class NoAliases extends JsonParserDelegate {
    private final String shown;

    NoAliases(JsonParser yaml, String shown) {
      super(yaml);
      this.shown = shown;
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken token = super.nextToken();
      if (delegate() instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
        throw new InvalidPolicyException(
            position(shown, yaml.currentTokenLocation())
                + "YAML aliases are not supported (found alias '*"
                + yaml.getText()
                + "'): write the value out in full");
      }
      return token;
    }
  }

  private static byte[] bytes(Path file, String shown) {
    try {
      if (Files.isDirectory(file)) {
        throw new InvalidPolicyException(shown + ": is a directory, not a policy file");
      }
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        throw new InvalidPolicyException(shown + ": not a regular file (a FIFO, socket or device)");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new InvalidPolicyException(
            shown
                + ": "
                + Files.size(file)
                + " bytes, more than a policy file"
                + " may hold ("
                + MAX_BYTES
                + ")");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidPolicyException(shown + ": no such file");
    } catch (IOException e) {
      throw new InvalidPolicyException(
          shown + ": cannot read the policy file: " + e.getMessage(), e);
    }
  }

  /**
   * The file as UTF-8 text (a BOM is dropped); invalid bytes and control characters are located
   * errors.
   */
  static String text(byte[] bytes, String shown) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    try {
      text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes);
      throw new InvalidPolicyException(
          at(shown, bytes, bad)
              + "not UTF-8 text (byte 0x"
              + String.format("%02x", bytes[bad] & 0xff)
              + ")");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        column = 1;
        continue;
      }
      if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f) {
        throw new InvalidPolicyException(
            shown
                + ":"
                + line
                + ":"
                + column
                + ": control character U+"
                + String.format("%04X", (int) c)
                + " is not allowed in a policy file");
      }
      column++;
    }
    return text;
  }

  /** Index of the first byte that does not start or continue a valid UTF-8 sequence. */
  private static int firstInvalidUtf8(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xff;
      int extra =
          b < 0x80
              ? 0
              : b >= 0xc2 && b < 0xe0
                  ? 1
                  : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
      if (extra < 0) {
        return i;
      }
      for (int k = 1; k <= extra; k++) {
        if (i + k >= bytes.length || (bytes[i + k] & 0xc0) != 0x80) {
          return i;
        }
      }
      i += extra + 1;
    }
    return Math.max(0, bytes.length - 1);
  }

  /**
   * "shown:line:column: " of byte {@code offset} (columns count characters of the valid text before
   * it).
   */
  private static String at(String shown, byte[] bytes, int offset) {
    String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
    int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
    int lastBreak = before.lastIndexOf('\n');
    int column = before.length() - lastBreak;
    return shown + ":" + line + ":" + column + ": ";
  }

  private static String position(String shown, JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return shown + ": ";
    }
    return shown + ":" + location.getLineNr() + ":" + Math.max(1, location.getColumnNr()) + ": ";
  }

  /** One line of a YAML parser message, without Java class names or source excerpts. */
  static String readable(String message) {
    if (message == null || message.isBlank()) {
      return "malformed YAML";
    }
    String first =
        message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message);
    if (first.matches(".*\\b(java|javax|org|com)\\.[a-z]+\\..*") || first.contains("Event(")) {
      return "unsupported YAML syntax (only plain mappings, lists and values are allowed)";
    }
    return first;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
