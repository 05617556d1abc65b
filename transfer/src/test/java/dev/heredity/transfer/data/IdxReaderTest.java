package dev.heredity.transfer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heredity.transfer.TransferInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  static byte[] images(int magic, int count, int rows, int cols, int dataBytes) {
    ByteBuffer b = ByteBuffer.allocate(16 + dataBytes);
    b.putInt(magic).putInt(count).putInt(rows).putInt(cols);
    for (int i = 0; i < dataBytes; i++) {
      b.put((byte) (i * 37));
    }
    return b.array();
  }

  static byte[] labels(int count, int... values) {
    ByteBuffer b = ByteBuffer.allocate(8 + values.length);
    b.putInt(0x801).putInt(count);
    for (int v : values) {
      b.put((byte) v);
    }
    return b.array();
  }

  private Path write(String name, byte[] bytes, boolean gzip) throws IOException {
    Path p = dir.resolve(name + (gzip ? ".gz" : ""));
    try (OutputStream out =
        gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
      out.write(bytes);
    }
    return p;
  }

  private void writeSet(String prefix, byte[] images, byte[] labels, boolean gzip)
      throws IOException {
    write(prefix + "-images-idx3-ubyte", images, gzip);
    write(prefix + "-labels-idx1-ubyte", labels, gzip);
  }

  @Test
  void readsPlainAndGzippedTrainAndTestFilesScaledToPlusMinusOne() throws IOException {
    writeSet("train", images(0x803, 3, 2, 2, 12), labels(3, 0, 9, 4), true);
    writeSet("t10k", images(0x803, 2, 2, 2, 8), labels(2, 1, 2), false);
    DigitData data = DigitData.fromDirectory(dir);
    assertThat(data.train().count()).isEqualTo(3);
    assertThat(data.train().width()).isEqualTo(4);
    assertThat(data.train().labels()).containsExactly(0, 9, 4);
    assertThat(data.test().count()).isEqualTo(2);
    float[] row = new float[4];
    data.train().copyRow(0, row, 0);
    assertThat(row[0]).isEqualTo(-1f); // pixel 0
    data.train().copyRow(1, row, 0);
    assertThat(row[3])
        .isCloseTo(
            (((7 * 37) & 0xff) * 2f / 255f) - 1f, org.assertj.core.data.Offset.offset(1e-6f));
  }

  @Test
  void wrongMagicNamesTheFileAndByteZero() throws IOException {
    writeSet("train", images(0x801, 3, 2, 2, 12), labels(3, 0, 1, 2), false);
    writeSet("t10k", images(0x803, 1, 2, 2, 4), labels(1, 1), false);
    assertThatThrownBy(() -> DigitData.fromDirectory(dir))
        .isInstanceOf(TransferInputException.class)
        .hasMessage(
            dir.resolve("train-images-idx3-ubyte")
                + ": byte 0: wrong magic number 0x00000801 (expected 0x00000803 for an IDX image file)");
  }

  @Test
  void truncatedDataNamesTheOffsetWhereTheFileEnds() throws IOException {
    writeSet("train", images(0x803, 3, 2, 2, 10), labels(3, 0, 1, 2), true);
    writeSet("t10k", images(0x803, 1, 2, 2, 4), labels(1, 1), false);
    assertThatThrownBy(() -> DigitData.fromDirectory(dir))
        .isInstanceOf(TransferInputException.class)
        .hasMessageStartingWith(
            dir.resolve("train-images-idx3-ubyte.gz") + ": byte 26: truncated: expected 12 bytes")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aHeaderDeclaringMoreItemsThanTheCapIsRefusedAtTheHeader() {
    // the 2026-12 hostile-input report's 2^30 images of 1x1: within the byte cap, refused at once
    byte[] bytes = images(0x803, 1 << 30, 1, 1, 0);
    long start = System.nanoTime();
    assertThatThrownBy(() -> IdxReader.read("x.idx", new java.io.ByteArrayInputStream(bytes), 3))
        .hasMessage(
            "x.idx: byte 4: the header declares 1073741824 items; at most 10000000 are read");
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }

  @Test
  void anImageSideAboveTheCapIsRefusedAtItsDimension() {
    // the report's 2 images of 16384 x 16384
    byte[] bytes = images(0x803, 2, 16384, 16384, 0);
    assertThatThrownBy(() -> IdxReader.read("x.idx", new java.io.ByteArrayInputStream(bytes), 3))
        .hasMessage(
            "x.idx: byte 8: dimension 2 is 16384 pixels; images up to 1024 x 1024 are read");
  }

  @Test
  void labelFilesAreNotHeldToTheImageSide() {
    byte[] bytes = labels(3, 0, 1, 2);
    assertThat(IdxReader.read("l.idx", new java.io.ByteArrayInputStream(bytes), 1).count())
        .isEqualTo(3);
  }

  @Test
  void truncatedHeaderIsReported() {
    byte[] cut = Arrays.copyOf(images(0x803, 3, 2, 2, 12), 9);
    assertThatThrownBy(() -> IdxReader.read("x.idx", new java.io.ByteArrayInputStream(cut), 3))
        .hasMessage("x.idx: byte 9: truncated: the file ends inside the header (dimension 2)");
  }

  @Test
  void countMismatchPointsAtTheLabelCount() throws IOException {
    writeSet("train", images(0x803, 3, 2, 2, 12), labels(2, 0, 1), false);
    writeSet("t10k", images(0x803, 1, 2, 2, 4), labels(1, 1), false);
    assertThatThrownBy(() -> DigitData.fromDirectory(dir))
        .hasMessage(
            dir.resolve("train-labels-idx1-ubyte")
                + ": byte 4: count mismatch: 2 labels but "
                + dir.resolve("train-images-idx3-ubyte")
                + " has 3 images");
  }

  @Test
  void labelAboveNineIsRejectedAtItsOffset() throws IOException {
    writeSet("train", images(0x803, 3, 2, 2, 12), labels(3, 0, 1, 2), false);
    writeSet("t10k", images(0x803, 2, 2, 2, 8), labels(2, 3, 10), false);
    assertThatThrownBy(() -> DigitData.fromDirectory(dir))
        .hasMessage(
            dir.resolve("t10k-labels-idx1-ubyte") + ": byte 9: label 10 is out of range 0-9");
  }

  @Test
  void trailingBytesAreRejected() {
    byte[] extra = Arrays.copyOf(labels(2, 1, 2), 11);
    assertThatThrownBy(() -> IdxReader.read("l.idx", new java.io.ByteArrayInputStream(extra), 1))
        .hasMessage("l.idx: byte 10: unexpected data after the 2 items the header declares");
  }

  @Test
  void folderWithoutIdxFilesIsInvalidInput() {
    assertThatThrownBy(() -> DigitData.fromDirectory(dir))
        .isInstanceOf(TransferInputException.class)
        .hasMessageStartingWith(dir + ": no IDX files");
    assertThatThrownBy(() -> DigitData.fromDirectory(dir.resolve("missing")))
        .isInstanceOf(TransferInputException.class)
        .hasMessageContaining("not a directory");
  }

  @Test
  void anIdxNameThatIsNotARegularFileIsSaidNotCalledMissing() throws Exception {
    Files.createDirectory(dir.resolve("train-images-idx3-ubyte"));
    assertThatThrownBy(() -> DigitData.fromDirectory(dir))
        .isInstanceOf(TransferInputException.class)
        .hasMessage(
            dir.resolve("train-images-idx3-ubyte")
                + ": not a regular file, so not read as IDX data");
    Files.delete(dir.resolve("train-images-idx3-ubyte"));
    Process mkfifo =
        new ProcessBuilder("mkfifo", dir.resolve("images-idx3-ubyte.gz").toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");
    assertThatThrownBy(() -> DigitData.fromDirectory(dir))
        .isInstanceOf(TransferInputException.class)
        .hasMessageContaining("images-idx3-ubyte.gz: not a regular file");
  }

  @Test
  void embeddedDigitsAreTheTenThousandSampleSplitEightToTwo() {
    DigitData data = DigitData.embedded();
    assertThat(data.train().count()).isEqualTo(8000);
    assertThat(data.test().count()).isEqualTo(2000);
    assertThat(data.train().width()).isEqualTo(784);
    int[] counts = new int[10];
    for (byte b : data.train().labels()) {
      counts[b]++;
    }
    for (byte b : data.test().labels()) {
      counts[b]++;
    }
    // class counts documented in samples/mnist-10k/README.md
    assertThat(counts).containsExactly(1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978);
  }
}
