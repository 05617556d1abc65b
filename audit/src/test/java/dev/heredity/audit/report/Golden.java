package dev.heredity.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file snapshots for the report writers, kept in {@code audit/src/test/resources/golden/}.
 * Run with {@code -Dheredity.updateGolden=true} to rewrite them from the current output (then
 * review the diff). Absolute paths of the checkout are masked so snapshots do not depend on where
 * the repo lives.
 */
public final class Golden {
  private static final String UPDATE = "heredity.updateGolden";

  private Golden() {}

  /** Writes {@code report} with {@code writer} into a string. */
  public static String render(ReportWriter writer, AuditReport report) {
    StringWriter out = new StringWriter();
    try {
      writer.write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Compares {@code actual} with the golden file {@code name}, or rewrites it in update mode. */
  public static void assertMatches(String name, String actual) {
    Path file = dir().resolve(name);
    String masked = mask(actual);
    try {
      if (Boolean.getBoolean(UPDATE)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, masked, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file)
          .withFailMessage(
              "golden file %s is missing; run with -D%s=true to create it", file, UPDATE)
          .exists();
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(masked)
          .withFailMessage(
              "%s differs from its golden file %s; if the change is intended, rerun with "
                  + "-D%s=true and review the diff",
              name, file, UPDATE)
          .isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String mask(String text) {
    return text.replace(dev.heredity.audit.RepoRoot.path().toString(), "<repo>");
  }

  private static Path dir() {
    return dev.heredity.audit.RepoRoot.resolve("audit/src/test/resources/golden");
  }
}
