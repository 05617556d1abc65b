package dev.heredity.audit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The five reports are one set: the old set or the new one, never a mix, whatever fails or runs at
 * once.
 */
class ReportSetTest {
  private static final List<String> NAMES = List.of("a.json", "b.md", "c.html", "d.sarif", "e.xml");

  @TempDir Path dir;

  /**
   * Writes "run=<token> file=<name>" in each file; the writer at {@code failAt} fails after half a
   * file.
   */
  private static ReportSet set(String token, int failAt, Error failure) {
    List<ReportWriter> writers = new ArrayList<>();
    for (int i = 0; i < NAMES.size(); i++) {
      String name = NAMES.get(i);
      boolean fails = i == failAt;
      writers.add(
          new ReportWriter() {
            @Override
            public String id() {
              return name;
            }

            @Override
            public List<String> aliases() {
              return List.of();
            }

            @Override
            public String fileName() {
              return name;
            }

            @Override
            public void write(AuditReport report, Writer out) throws IOException {
              out.write("run=" + token + " ");
              if (fails) {
                if (failure != null) {
                  throw failure;
                }
                throw new IOException("No space left on device");
              }
              out.write("file=" + name + "\n");
            }
          });
    }
    return new ReportSet(writers);
  }

  private static ReportSet set(String token) {
    return set(token, -1, null);
  }

  private Map<String, String> contents(Path out) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> listing = Files.list(out)) {
      for (Path p : listing.toList()) {
        files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private List<String> hiddenLeftovers() throws IOException {
    try (Stream<Path> listing = Files.list(dir)) {
      return listing
          .map(p -> p.getFileName().toString())
          .filter(n -> n.contains(".staging-") || n.contains(".old-"))
          .toList();
    }
  }

  private static void assertOneRun(Map<String, String> files, String token) {
    assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(NAMES);
    files.forEach(
        (name, text) -> assertThat(text).isEqualTo("run=" + token + " file=" + name + "\n"));
  }

  @Test
  void aNewSetReplacesTheOldOneWhole() throws IOException {
    Path out = dir.resolve("out");
    assertThat(set("1").write(SampleReports.sample(), out)).hasSize(5);
    set("2").write(SampleReports.sample(), out);

    assertOneRun(contents(out), "2");
    assertThat(hiddenLeftovers()).isEmpty();
  }

  @Test
  void aWriterCrashingMidSetLeavesTheOldSetUntouched() throws IOException {
    Path out = dir.resolve("out");
    set("old").write(SampleReports.sample(), out);

    // ELK's recursive layout threw StackOverflowError from the third writer (V11)
    assertThatThrownBy(
            () ->
                set("new", 2, new StackOverflowError("simulated"))
                    .write(SampleReports.sample(), out))
        .isInstanceOf(StackOverflowError.class);

    assertOneRun(contents(out), "old");
    assertThat(hiddenLeftovers()).isEmpty();
  }

  @Test
  void aFullDiskOnTheThirdFileLeavesTheOldSetAndSaysWhy() throws IOException {
    Path out = dir.resolve("out");
    set("old").write(SampleReports.sample(), out);

    assertThatThrownBy(() -> set("new", 2, null).write(SampleReports.sample(), out))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("cannot write the reports to " + out.toAbsolutePath())
        .hasMessageContaining("No space left on device");

    assertOneRun(contents(out), "old");
  }

  @Test
  void aFolderWithOtherFilesKeepsThemAndStillGetsAWholeSet() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    set("old").write(SampleReports.sample(), out);

    assertThatThrownBy(() -> set("new", 4, null).write(SampleReports.sample(), out))
        .isInstanceOf(ReportException.class);
    Map<String, String> files = contents(out);
    assertThat(files.remove("notes.txt")).isEqualTo("mine");
    assertOneRun(files, "old");

    set("new").write(SampleReports.sample(), out);
    files = contents(out);
    assertThat(files.remove("notes.txt")).isEqualTo("mine");
    assertOneRun(files, "new");
  }

  @Test
  void anInterruptedSwapIsRepairedByTheNextRun() throws IOException {
    Path out = dir.resolve("out");
    set("old").write(SampleReports.sample(), out);
    // as if the process died between its two renames: the old set moved aside, the new one not yet
    // in place
    Files.move(out, dir.resolve(".out.old-123"));
    Files.createDirectories(dir.resolve(".out.staging-456"));

    assertThatThrownBy(() -> set("next", 0, null).write(SampleReports.sample(), out))
        .isInstanceOf(ReportException.class);

    assertOneRun(contents(out), "old");
    assertThat(hiddenLeftovers()).isEmpty();
  }

  @Test
  void concurrentScansIntoOneFolderLeaveOneConsistentSet() throws Exception {
    Path out = dir.resolve("out");
    int runs = 6;
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      String token = "r" + r;
      done.add(
          pool.submit(
              () -> {
                start.await();
                return set(token).write(SampleReports.sample(), out);
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    Map<String, String> files = contents(out);
    String token = files.get("a.json").substring(4, files.get("a.json").indexOf(' '));
    assertOneRun(files, token);
    assertThat(hiddenLeftovers()).isEmpty();
  }

  @Test
  void aReadOnlyFolderIsAnErrorWithTheOsCause() throws IOException {
    Path probe = Files.createFile(dir.resolve("probe"));
    assumeFalse(
        Integer.valueOf(0).equals(Files.getAttribute(probe, "unix:uid")),
        "running as root: permissions do not stop root, so the test means nothing");
    Path parent = Files.createDirectories(dir.resolve("ro"));
    Path out = Files.createDirectories(parent.resolve("out"));
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assertThatThrownBy(() -> set("x").write(SampleReports.sample(), out))
          .isInstanceOf(ReportException.class)
          .hasMessageContaining("Permission denied");
    } finally {
      Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void anOutPathUnderAFileIsAnErrorWithTheCause() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");

    assertThatThrownBy(() -> set("x").write(SampleReports.sample(), file.resolve("out")))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining(file.toString());
    assertThatThrownBy(() -> set("x").write(SampleReports.sample(), file))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("not a folder");
  }
}
