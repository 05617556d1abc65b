package dev.heredity.audit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who produced a report, when and from what, for a compliance file: present only when asked for
 * ({@code scan --stamp}), because it makes two runs differ.
 *
 * @param time UTC instant in ISO-8601 ({@code SOURCE_DATE_EPOCH} when set, else the clock)
 * @param version Heredity's version
 * @param commit the git commit Heredity was built from, {@code unknown} when the build had none
 * @param commandLine the command as typed, arguments quoted where needed
 * @param manifestSha256 sha256 of the manifest file
 * @param policySha256 sha256 of the policy file, null when the built-in defaults applied
 * @param folderCommit the audited folder's git commit (HEAD), null when it is not in a git work
 *     tree
 */
public record Stamp(
    String time,
    String version,
    String commit,
    String commandLine,
    String manifestSha256,
    String policySha256,
    String folderCommit) {

  public Stamp {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(commandLine, "commandLine");
  }

  /** The stamp's facts in display order as (JSON field name, value); absent ones say "none". */
  public List<Map.Entry<String, String>> fields() {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    out.add(Map.entry("time", time));
    out.add(Map.entry("version", version));
    out.add(Map.entry("commit", commit));
    out.add(Map.entry("commandLine", commandLine));
    out.add(Map.entry("manifestSha256", manifestSha256 == null ? "none" : manifestSha256));
    out.add(
        Map.entry(
            "policySha256", policySha256 == null ? "none (built-in defaults)" : policySha256));
    out.add(
        Map.entry(
            "folderCommit", folderCommit == null ? "none (not a git work tree)" : folderCommit));
    return out;
  }

  /** A reader's label for a field name of {@link #fields()}. */
  public static String label(String field) {
    return switch (field) {
      case "time" -> "Stamped at (UTC)";
      case "version" -> "Heredity version";
      case "commit" -> "Heredity commit";
      case "commandLine" -> "Command line";
      case "manifestSha256" -> "Manifest sha256";
      case "policySha256" -> "Policy sha256";
      case "folderCommit" -> "Audited folder's git commit";
      default -> field;
    };
  }
}
