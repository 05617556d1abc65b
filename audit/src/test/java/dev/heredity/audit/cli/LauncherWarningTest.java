package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.heredity.audit.scan.ScanFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V24: the JVM prints "WARNING: Using incubator modules" itself when the launcher adds the Vector
 * API module; the release launcher drops exactly that line and keeps everything else, bytes and
 * exit code. A stand-in {@code java} plays the JVM, so the test needs only {@code sh}.
 */
class LauncherWarningTest {
  @TempDir Path dir;

  @Test
  void theIncubatorWarningIsDroppedAndNothingElse() throws Exception {
    Path launcher = ScanFixtures.repo().resolve("release/src/bin/heredity");
    assumeTrue(
        Files.isRegularFile(launcher) && Files.isExecutable(Path.of("/bin/sh")),
        "no release launcher or sh");
    Path bin = Files.createDirectories(dir.resolve("home/bin"));
    Files.createDirectories(dir.resolve("home/lib"));
    Files.copy(launcher, bin.resolve("heredity"));
    Path javaHome = Files.createDirectories(dir.resolve("jdk/bin"));
    script(
        javaHome.resolve("java"),
        """
                #!/bin/sh
                case " $* " in *" -version "*) exit 0 ;; esac
                echo "WARNING: Using incubator modules: jdk.incubator.vector" >&2
                printf 'bar\\r' >&2
                echo "machine output"
                echo "heredity: --models must be between 2 and 100, got 1" >&2
                exit 2
                """);

    ProcessBuilder pb =
        new ProcessBuilder(
                "/bin/sh", bin.resolve("heredity").toString(), "transfer-test", "--models", "1")
            .redirectOutput(dir.resolve("out").toFile())
            .redirectError(dir.resolve("err").toFile());
    pb.environment().put("JAVA_HOME", javaHome.getParent().toString());
    int exit = pb.start().waitFor();

    assertThat(exit).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("out"))).isEqualTo("machine output\n");
    assertThat(Files.readString(dir.resolve("err")))
        .isEqualTo("bar\rheredity: --models must be between 2 and 100, got 1\n");
  }

  @Test
  void theVectorModuleIsAddedForTheCommandsWhoseKernelsUseIt() throws Exception {
    Path launcher = ScanFixtures.repo().resolve("release/src/bin/heredity");
    assumeTrue(
        Files.isRegularFile(launcher) && Files.isExecutable(Path.of("/bin/sh")),
        "no release launcher or sh");
    Path bin = Files.createDirectories(dir.resolve("home/bin"));
    Files.createDirectories(dir.resolve("home/lib"));
    Files.copy(launcher, bin.resolve("heredity"));
    Path javaHome = Files.createDirectories(dir.resolve("jdk/bin"));
    Path args = dir.resolve("args");
    script(
        javaHome.resolve("java"),
        """
            #!/bin/sh
            case " $* " in *" -version "*) exit 0 ;; esac
            echo "$*" > "%s"
            """
            .formatted(args));
    for (String command : new String[] {"transfer-test", "weights", "scan", "lineage", "detect"}) {
      ProcessBuilder pb =
          new ProcessBuilder("/bin/sh", bin.resolve("heredity").toString(), command, "x")
              .redirectOutput(dir.resolve("out").toFile())
              .redirectError(dir.resolve("err").toFile());
      pb.environment().put("JAVA_HOME", javaHome.getParent().toString());
      assertThat(pb.start().waitFor()).isZero();
      boolean kernels = !command.equals("lineage") && !command.equals("detect");
      assertThat(Files.readString(args).contains("--add-modules jdk.incubator.vector"))
          .as(command)
          .isEqualTo(kernels);
    }
  }

  private static void script(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
