package dev.heredity.audit.cli;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.Stamp;
import dev.heredity.audit.scan.GitHead;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds the {@code scan --stamp} facts: the time ({@code SOURCE_DATE_EPOCH} when set, for
 * reproducible builds, else the clock, in UTC to the second), Heredity's version and build commit,
 * the command line, the manifest and policy hashes already in the report, and the audited folder's
 * git commit.
 */
final class ReportStamp {
  static final String EPOCH_VARIABLE = "SOURCE_DATE_EPOCH";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private ReportStamp() {}

  /**
   * @param sourceDateEpoch the variable's value, or null when unset
   * @throws UsageException when the variable is set but not a whole number of seconds
   */
  static Stamp of(
      AuditReport report,
      List<String> args,
      Path manifest,
      String sourceDateEpoch,
      Supplier<Instant> clock) {
    Instant time = time(sourceDateEpoch, clock);
    Path folder = manifest.toAbsolutePath().normalize();
    if (!java.nio.file.Files.isDirectory(folder)) {
      folder = folder.getParent();
    }
    return new Stamp(
        DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS)),
        report.version(),
        VersionProvider.commit(),
        commandLine(args),
        report.manifest() == null ? null : report.manifest().sha256(),
        report.policy() == null ? null : report.policy().sha256(),
        folder == null ? null : GitHead.of(folder).orElse(null));
  }

  private static Instant time(String sourceDateEpoch, Supplier<Instant> clock) {
    if (sourceDateEpoch == null || sourceDateEpoch.isEmpty()) {
      return clock.get();
    }
    try {
      long seconds = Long.parseLong(sourceDateEpoch.strip());
      if (seconds < 0 || seconds > 253402300799L) {
        throw new NumberFormatException();
      }
      return Instant.ofEpochSecond(seconds);
    } catch (NumberFormatException e) {
      throw new UsageException(
          EPOCH_VARIABLE
              + "='"
              + TerminalText.line(sourceDateEpoch)
              + "': not a number of seconds since 1970-01-01 UTC (0 to 253402300799)");
    }
  }

  /** {@code heredity} and the arguments, each quoted for a POSIX shell when it needs it. */
  static String commandLine(List<String> args) {
    return "heredity"
        + (args.isEmpty()
            ? ""
            : " " + args.stream().map(ReportStamp::quote).collect(Collectors.joining(" ")));
  }

  private static String quote(String arg) {
    return SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
