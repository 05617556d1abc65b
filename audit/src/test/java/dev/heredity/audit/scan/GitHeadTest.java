package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the checked-out commit from git's own files, without a git binary. */
class GitHeadTest {
  private static final String A = "1111111111111111111111111111111111111111";
  private static final String B = "2222222222222222222222222222222222222222";

  @TempDir Path dir;

  @Test
  void looseRefFromASubfolder() throws IOException {
    Files.createDirectories(dir.resolve(".git/refs/heads"));
    Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.writeString(dir.resolve(".git/refs/heads/main"), A + "\n");
    assertThat(GitHead.of(Files.createDirectories(dir.resolve("a/b")))).contains(A);
  }

  @Test
  void packedRefAndDetachedHead() throws IOException {
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/release\n");
    Files.writeString(
        dir.resolve(".git/packed-refs"),
        "# pack-refs with: peeled\n" + B + " refs/heads/release\n");
    assertThat(GitHead.of(dir)).contains(B);
    Files.writeString(dir.resolve(".git/HEAD"), A + "\n");
    assertThat(GitHead.of(dir)).contains(A);
  }

  @Test
  void linkedWorkTreeReadsRefsFromTheCommonDir() throws IOException {
    Path main = dir.resolve("main/.git");
    Files.createDirectories(main.resolve("refs/heads"));
    Files.createDirectories(main.resolve("worktrees/wt"));
    Files.writeString(main.resolve("refs/heads/feature"), B + "\n");
    Files.writeString(main.resolve("worktrees/wt/HEAD"), "ref: refs/heads/feature\n");
    Files.writeString(main.resolve("worktrees/wt/commondir"), "../..\n");
    Path wt = Files.createDirectories(dir.resolve("wt"));
    Files.writeString(wt.resolve(".git"), "gitdir: " + main.resolve("worktrees/wt") + "\n");
    assertThat(GitHead.of(wt)).contains(B);
  }

  @Test
  void notAWorkTreeOrAnUnknownRefIsEmpty() throws IOException {
    Path plain = Files.createDirectories(dir.resolve("plain"));
    // a temp folder may itself lie inside a repository; only a folder with its own odd .git is
    // checked here
    Files.createDirectories(plain.resolve(".git"));
    Files.writeString(plain.resolve(".git/HEAD"), "ref: refs/heads/gone\n");
    assertThat(GitHead.of(plain)).isEmpty();
    Files.writeString(plain.resolve(".git/HEAD"), "ref: ../../etc/passwd\n");
    assertThat(GitHead.of(plain)).isEmpty();
  }
}
