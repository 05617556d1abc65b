package dev.heredity.discovery;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Hugging Face ids and the cache layout {@code models--ORG--NAME/snapshots/REVISION/}. */
final class HubIds {
  private static final Pattern HUB_ID =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?");
  private static final Pattern ID_CHARS = Pattern.compile("[^A-Za-z0-9._\\-/:@+]");

  private HubIds() {}

  /** The key references are compared by: ids are case-insensitive on the hub. */
  static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  /**
   * {@code hf://ORG/NAME}, {@code https://huggingface.co/ORG/NAME} or {@code ORG/NAME} to {@code
   * ORG/NAME}.
   */
  static String strip(String reference) {
    String r = reference.strip();
    for (String prefix :
        new String[] {
          "hf://datasets/", "hf://", "https://huggingface.co/datasets/", "https://huggingface.co/"
        }) {
      if (r.startsWith(prefix)) {
        r = r.substring(prefix.length());
        String[] parts = r.split("/");
        return parts.length >= 2 ? parts[0] + "/" + parts[1] : r;
      }
    }
    return r;
  }

  static boolean looksLikeHubId(String reference) {
    return HUB_ID.matcher(reference).matches() && !reference.startsWith(".");
  }

  static boolean looksLikePath(String reference) {
    return reference.startsWith("/")
        || reference.startsWith("./")
        || reference.startsWith("../")
        || reference.startsWith("~")
        || reference.contains("\\")
        || reference.matches("^[A-Za-z]:.*");
  }

  /** An id the manifest accepts, made from arbitrary text. */
  static String sanitize(String text) {
    String id = ID_CHARS.matcher(text.strip()).replaceAll("-");
    return id.isEmpty() ? "unnamed" : id;
  }

  /** The hub id a cache folder {@code models--ORG--NAME} (or {@code datasets--...}) stands for. */
  static Optional<String> fromCacheFolder(String folderName, String kind) {
    String prefix = kind + "--";
    if (!folderName.startsWith(prefix)) {
      return Optional.empty();
    }
    String rest = folderName.substring(prefix.length());
    int sep = rest.indexOf("--");
    return Optional.of(sep < 0 ? rest : rest.substring(0, sep) + "/" + rest.substring(sep + 2));
  }

  /** For {@code .../models--ORG--NAME/snapshots/REV}: the hub id; empty for other folders. */
  static Optional<String> snapshotHubId(Path dir, String kind) {
    Path snapshots = dir.getParent();
    if (snapshots == null
        || snapshots.getFileName() == null
        || !snapshots.getFileName().toString().equals("snapshots")) {
      return Optional.empty();
    }
    Path repo = snapshots.getParent();
    return repo == null || repo.getFileName() == null
        ? Optional.empty()
        : fromCacheFolder(repo.getFileName().toString(), kind);
  }

  /** A reference into the cache ({@code .../models--ORG--NAME/...}) names that hub id. */
  static Optional<String> fromCachePath(String reference, String kind) {
    for (String part : reference.replace('\\', '/').split("/")) {
      Optional<String> id = fromCacheFolder(part, kind);
      if (id.isPresent()) {
        return id;
      }
    }
    return Optional.empty();
  }
}
