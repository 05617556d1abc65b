package dev.heredity.audit.scan;

import dev.heredity.audit.cli.TerminalText;
import dev.heredity.discovery.DiscoveredModel;
import dev.heredity.discovery.DiscoveryResult;
import dev.heredity.discovery.DiscoveryWarning;
import java.io.PrintWriter;

/** How the CLI words a discovery run: one line per unreadable input, and a count. */
public final class DiscoveredManifests {
  /**
   * Whether discovered manifests carry {@code evidence}/{@code external} keys (true once the
   * manifest reader accepts them; until then the evidence is in YAML comments only).
   */
  public static final boolean EVIDENCE_FIELDS = true;

  private DiscoveredManifests() {}

  /** {@code heredity: FILE: AT: warning: MESSAGE [code]}, one per warning. */
  public static void report(DiscoveryResult result, PrintWriter err) {
    for (DiscoveryWarning w : result.warnings()) {
      // file names and messages come from the scanned folder: escaped for the terminal (V2)
      err.println(
          "heredity: "
              + TerminalText.line(
                  DisplayPath.of(w.file())
                      + (w.at().isEmpty() ? "" : ": " + w.at())
                      + ": warning: "
                      + w.message()
                      + " ["
                      + w.code()
                      + "]"));
    }
  }

  public static String summary(DiscoveryResult result) {
    long external = result.models().stream().filter(DiscoveredModel::external).count();
    int warnings = result.warnings().size();
    return "discovered "
        + result.models().size()
        + " models ("
        + external
        + " external), "
        + result.datasets().size()
        + " datasets, "
        + result.trainings().size()
        + " trainings; "
        + warnings
        + (warnings == 1 ? " input" : " inputs")
        + " could not be used";
  }

  /** A path as the user would write it: relative to the working folder when inside it. */
  static final class DisplayPath {
    private DisplayPath() {}

    static String of(java.nio.file.Path p) {
      java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
      java.nio.file.Path abs = p.toAbsolutePath().normalize();
      return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
  }
}
