package dev.heredity.audit.cli;

import dev.heredity.detectors.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr. Drawn only when stderr is a terminal: the launcher sets {@code
 * HEREDITY_STDERR_TTY=1} after checking {@code [ -t 2 ]}, since Java 17 cannot ask that itself.
 */
public final class TerminalProgress implements ProgressListener {
  private static final int WIDTH = 30;
  private final PrintStream err;
  private String lastLine = "";
  private long lastDrawNanos;
  private String currentTask = "";
  private long taskStartNanos;

  private TerminalProgress(PrintStream err) {
    this.err = err;
  }

  /** A bar on stderr when it is a terminal, otherwise {@link ProgressListener#NONE}. */
  public static ProgressListener forStderr(boolean quiet) {
    boolean tty = "1".equals(System.getenv("HEREDITY_STDERR_TTY"));
    return tty && !quiet ? new TerminalProgress(System.err) : ProgressListener.NONE;
  }

  @Override
  public synchronized void update(String task, long done, long total) {
    long now = System.nanoTime();
    boolean finished = total > 0 && done >= total;
    if (!finished && now - lastDrawNanos < 100_000_000L) {
      return;
    }
    lastDrawNanos = now;
    if (!task.equals(currentTask)) {
      currentTask = task;
      taskStartNanos = now;
    }
    double fraction = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
    int filled = (int) Math.round(fraction * WIDTH);
    String line =
        String.format(
            Locale.ROOT,
            "\r%-24s [%s%s] %3d%%",
            task,
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            Math.round(fraction * 100));
    if (task.startsWith("reading ")) {
      line += bytesAndEta(done, total, now - taskStartNanos);
    }
    if (!line.equals(lastLine)) {
      err.print(line);
      lastLine = line;
    }
    if (finished) {
      err.print("\r" + " ".repeat(line.length()) + "\r");
      lastLine = "";
    }
    err.flush();
  }

  /** Reading stages count bytes: " 1.2/10.0 GB ETA 1m05s". */
  static String bytesAndEta(long done, long total, long elapsedNanos) {
    String eta = "";
    if (done > 0 && elapsedNanos > 1_000_000_000L && done < total) {
      long seconds = Math.round(elapsedNanos / 1e9 * (total - done) / done);
      eta =
          seconds >= 60
              ? String.format(Locale.ROOT, "  ETA %dm%02ds", seconds / 60, seconds % 60)
              : String.format(Locale.ROOT, "  ETA %ds", seconds);
    }
    return "  " + bytes(done) + "/" + bytes(total) + eta;
  }

  private static String bytes(long n) {
    if (n >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GB", n / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%.1f MB", n / (double) (1L << 20));
  }
}
