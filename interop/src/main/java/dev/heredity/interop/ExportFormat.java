package dev.heredity.interop;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The standards Heredity exports the audited lineage to. */
public enum ExportFormat {
  CYCLONEDX,
  SPDX,
  OPENLINEAGE,
  PROV;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The valid ids, comma separated. */
  public static String ids() {
    return Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", "));
  }

  /**
   * @throws IllegalArgumentException naming the valid ids when {@code id} is none of them
   */
  public static ExportFormat parse(String id) {
    for (ExportFormat format : values()) {
      if (format.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '" + id + "' (expected one of: " + ids() + ")");
  }
}
