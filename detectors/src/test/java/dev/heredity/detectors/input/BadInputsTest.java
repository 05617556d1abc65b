package dev.heredity.detectors.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heredity.detectors.DatasetInput;
import dev.heredity.detectors.Detection;
import dev.heredity.detectors.DetectionRequest;
import dev.heredity.detectors.InvalidInputException;
import dev.heredity.detectors.InvalidInputException.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unreadable input is one located error, never records, never "missing", never a silent guess. */
class BadInputsTest {
  @TempDir Path temp;

  private final List<String> chat = chatLines(40);

  private static List<String> chatLines(int n) {
    List<String> answers = TestData.answers(n, 3, false);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(TestData.chat("p" + i, answers.get(i)));
    }
    return out;
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> readFails(DatasetInput input) {
    return assertThatThrownBy(() -> Reading.read(input, 0, 1))
        .isInstanceOf(InvalidInputException.class);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> readFails(Path path) {
    return readFails(DatasetInput.of(path));
  }

  private Path bytes(String name, byte[] content) throws IOException {
    Path file = temp.resolve(name);
    Files.write(file, content);
    return file;
  }

  @Test
  void byteOrderMarkIsSkippedAndTheRecordsAreTheSame() throws Exception {
    Path plain = TestData.lines(temp.resolve("plain.jsonl"), chat);
    byte[] body = Files.readAllBytes(plain);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xef;
    withBom[1] = (byte) 0xbb;
    withBom[2] = (byte) 0xbf;
    System.arraycopy(body, 0, withBom, 3, body.length);
    Path bom = bytes("bom.jsonl", withBom);

    assertThat(Reading.read(DatasetInput.of(bom), 0, 1).layout()).isEqualTo("chat");
    assertThat(Reading.texts(Reading.read(DatasetInput.of(bom), 0, 1)))
        .isEqualTo(Reading.texts(Reading.read(DatasetInput.of(plain), 0, 1)));
  }

  @Test
  void malformedFirstLineIsAnErrorNotPlainLines() throws Exception {
    List<String> lines = new ArrayList<>(chat);
    lines.set(0, "{\"messages\": [oops");
    Path file = TestData.lines(temp.resolve("bad-first.jsonl"), lines);

    readFails(file).hasMessageStartingWith(file + ":1:").hasMessageContaining("malformed JSON");
  }

  @Test
  void unknownLayoutNamesFileKeysFoundAndKeysExpected() throws Exception {
    Path file =
        TestData.lines(
            temp.resolve("odd.jsonl"), List.of("{\"question\":\"q\",\"answer\":\"1, 2\"}"));

    readFails(file)
        .hasMessageStartingWith(file + ":1: no known record layout")
        .hasMessageContaining("found keys [question, answer]")
        .hasMessageContaining("messages (chat)")
        .hasMessageContaining("conversations (sharegpt)")
        .hasMessageContaining("instruction+output (alpaca)")
        .hasMessageNotContaining("--")
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).problem())
                    .isEqualTo(Problem.UNKNOWN_LAYOUT));
  }

  @Test
  void unterminatedCsvQuoteIsAnErrorAtTheRowThatOpensIt() throws Exception {
    Path csv =
        TestData.lines(
            temp.resolve("q.csv"), List.of("prompt,completion", "a,\"1, 2", "b,3", "c,4"));

    readFails(csv)
        .hasMessageStartingWith(csv + ":2: malformed CSV")
        .hasMessageContaining("never closed");
  }

  @Test
  void nulBytesInvalidUtf8AndUtf16AreLocatedEncodingErrors() throws Exception {
    Path nul = bytes("nul.jsonl", new byte[100_000]);
    Path latin1 =
        bytes("latin.txt", "1, 2, 3\n4, 5, caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    Path utf16 = bytes("u16.jsonl", ("\ufeff" + chat.get(0)).getBytes(StandardCharsets.UTF_16LE));
    byte[] utf16NoBom = chat.get(0).getBytes(StandardCharsets.UTF_16LE);
    Path utf16Bare = bytes("u16bare.jsonl", utf16NoBom);

    readFails(nul).hasMessageStartingWith(nul + ":1:1: NUL byte");
    readFails(latin1).hasMessageStartingWith(latin1 + ":2:10: invalid UTF-8 byte 0xe9");
    readFails(utf16).hasMessageStartingWith(utf16 + ":1:1: UTF-16 byte-order mark");
    readFails(utf16Bare).hasMessageStartingWith(utf16Bare + ":1:2: NUL byte");
  }

  @Test
  void randomBytesAreAnErrorNotRecords() throws Exception {
    byte[] random = new byte[1 << 20];
    new java.util.Random(5).nextBytes(random);
    Path file = bytes("random.jsonl", random);

    readFails(file)
        .hasMessageStartingWith(file + ":1:")
        .satisfies(
            e -> assertThat(((InvalidInputException) e).problem()).isEqualTo(Problem.ENCODING));
  }

  @Test
  void gzipErrorsNameTheFileAndTheCompressedOffset() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(buffer)) {
      gz.write(String.join("\n", chat).getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = buffer.toByteArray();
    Path truncated = bytes("t.jsonl.gz", Arrays.copyOf(whole, 40));
    byte[] corrupt = whole.clone();
    for (int i = 20; i < 40; i++) {
      corrupt[i] = (byte) 0xff;
    }
    Path garbled = bytes("g.jsonl.gz", corrupt);

    readFails(truncated)
        .hasMessageMatching(
            ".*t\\.jsonl\\.gz: corrupt gzip data at compressed byte \\d+: the data ends early.*");
    readFails(garbled)
        .hasMessageMatching(".*g\\.jsonl\\.gz: corrupt gzip data at compressed byte \\d+: .*");
  }

  @Test
  void gzipBombStopsAtTheRatioCapAndAHugeLineIsSkippedAndCounted() throws Exception {
    Path bomb = temp.resolve("bomb.jsonl.gz");
    byte[] block = new byte[1 << 20];
    Arrays.fill(block, (byte) '7');
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(bomb))) {
      for (int i = 0; i < 300; i++) {
        gz.write(block);
      }
    }
    readFails(bomb)
        .hasMessageContaining("refused as a decompression bomb")
        .satisfies(
            e -> assertThat(((InvalidInputException) e).problem()).isEqualTo(Problem.COMPRESSION));

    List<String> lines = new ArrayList<>(chat);
    lines.add(
        5, "{\"messages\":[{\"role\":\"assistant\",\"content\":\"" + "1, ".repeat(2000) + "\"}]}");
    Path file = TestData.lines(temp.resolve("long.jsonl"), lines);
    var side = Reading.read(DatasetInput.of(file), null, 0, 1, 0, new InputLimits(4096, 1 << 20));
    assertThat(side.records()).isEqualTo(chat.size());
    assertThat(side.oversize()).isEqualTo(1);
    var capped = Reading.read(DatasetInput.of(file), null, 0, 1, 0, new InputLimits(1 << 20, 100));
    assertThat(capped.oversize()).isEqualTo(1);
  }

  @Test
  void pathsThatAreNotDataFilesAreNamedAsWhatTheyAre() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("empty-folder"));
    Files.writeString(empty.resolve("notes.md"), "x");
    Path dangling = temp.resolve("dangling.jsonl");
    Files.createSymbolicLink(dangling, temp.resolve("gone.jsonl"));
    Path fifo = temp.resolve("pipe.jsonl");
    new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();

    readFails(empty).hasMessage(empty + ": folder holds no data files");
    readFails(Path.of(temp + "/nothing-*.parquet"))
        .hasMessageContaining("the pattern matches no files");
    readFails(dangling)
        .hasMessage(dangling + ": dangling symbolic link (its target does not exist)");
    if (Files.exists(fifo)) {
      readFails(fifo).hasMessage(fifo + ": a FIFO (named pipe), not a data file");
    }
    readFails(Path.of("/dev/null")).hasMessage("/dev/null: a character device, not a data file");
    assertThatThrownBy(() -> Detection.run(DetectionRequest.defaults(empty, null), null))
        .hasMessageNotContaining("missing")
        .hasMessageNotContaining("no such file");
  }

  @Test
  void foldersWithSeveralSplitsNeedOne() throws Exception {
    Path hf = temp.resolve("hf");
    TestData.lines(hf.resolve("train/a.jsonl"), chat);
    TestData.lines(hf.resolve("test/a.jsonl"), chat.subList(0, 3));

    readFails(hf).hasMessage(hf + ": holds the splits test, train; choose one");
    readFails(new DatasetInput(hf, "validation", null, null))
        .hasMessage(hf + ": no data files of split 'validation' (splits found: test, train)");
  }

  @Test
  void badParquetAndMissingColumnAndCorruptShardAreLocated() throws Exception {
    Path jsonl = TestData.lines(temp.resolve("src.jsonl"), chat);
    Path good = TestData.parquet(jsonl, temp.resolve("good.parquet"));
    byte[] whole = Files.readAllBytes(good);
    Path truncated = bytes("truncated.parquet", Arrays.copyOf(whole, whole.length / 2));
    Path notParquet = bytes("fake.parquet", "hello".getBytes(StandardCharsets.UTF_8));

    readFails(truncated)
        .hasMessageStartingWith(truncated + ": not a readable Parquet file")
        .satisfies(
            e -> assertThat(((InvalidInputException) e).problem()).isEqualTo(Problem.TRUNCATED));
    readFails(notParquet).hasMessageStartingWith(notParquet + ": not a Parquet file");
    readFails(new DatasetInput(good, null, "answer", null))
        .hasMessage(good + ": no column 'answer' for the text; columns: [messages]");

    Path shards = Files.createDirectories(temp.resolve("shards"));
    TestData.parquet(jsonl, shards.resolve("part-0.parquet"));
    Files.write(shards.resolve("part-1.parquet"), Arrays.copyOf(whole, whole.length - 10));
    TestData.parquet(jsonl, shards.resolve("part-2.parquet"));
    readFails(shards)
        .hasMessageStartingWith(shards.resolve("part-1.parquet") + ": not a readable Parquet file");

    Path jsonShards = Files.createDirectories(temp.resolve("json-shards"));
    TestData.gzip(jsonShards.resolve("a-0.jsonl.gz"), chat);
    Files.write(
        jsonShards.resolve("a-1.jsonl.gz"),
        Arrays.copyOf(Files.readAllBytes(jsonShards.resolve("a-0.jsonl.gz")), 60));
    TestData.gzip(jsonShards.resolve("a-2.jsonl.gz"), chat);
    readFails(jsonShards)
        .hasMessageStartingWith(jsonShards.resolve("a-1.jsonl.gz") + ": corrupt gzip data");
  }

  @Test
  void shardInAnotherLayoutIsAnErrorNamingTheShardAndItsKeys() throws Exception {
    Path folder = temp.resolve("mixed");
    TestData.lines(folder.resolve("a.jsonl"), chat);
    TestData.lines(folder.resolve("b.jsonl"), List.of(TestData.alpaca("p", "1, 2")));

    readFails(folder)
        .hasMessageStartingWith(folder.resolve("b.jsonl") + ":1: no \"messages\" array")
        .hasMessageContaining("record keys: [instruction, input, output]");
  }
}
