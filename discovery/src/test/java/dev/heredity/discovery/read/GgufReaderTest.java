package dev.heredity.discovery.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.discovery.DiscoveryWarning;
import dev.heredity.discovery.Warnings;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufReaderTest {
  @TempDir Path dir;

  private Optional<GgufHeader> read(byte[] bytes, Warnings warnings) throws IOException {
    Path file = dir.resolve("m.gguf");
    Files.write(file, bytes);
    return GgufReader.read(file, 1L << 20, warnings);
  }

  private static GgufBytes lineageHeader(ByteOrder order) {
    return GgufBytes.header(order, 3, 291, 5)
        .kv("general.architecture", "qwen2")
        .kv("general.base_model.count", 1)
        .kv("general.base_model.0.repo_url", "https://huggingface.co/Qwen/Qwen2.5-7B-Instruct")
        .kvStrings("general.tags", "text-generation", "gguf")
        .kv("general.quantized_by", "someone");
  }

  @Test
  void readsTypedKeysAndArraysAndStopsBeforeTensorInfo() throws IOException {
    Warnings warnings = new Warnings();
    // Tensor descriptions follow the key/values; the reader must not need them.
    byte[] bytes = lineageHeader(ByteOrder.LITTLE_ENDIAN).str("token_embd.weight").u32(2).bytes();
    GgufHeader h = read(bytes, warnings).orElseThrow();
    assertThat(warnings.list()).isEmpty();
    assertThat(h.version()).isEqualTo(3);
    assertThat(h.tensorCount()).isEqualTo(291);
    assertThat(h.string("general.architecture")).contains("qwen2");
    assertThat(h.integer("general.base_model.count")).contains(1L);
    assertThat(h.array("general.tags")).containsExactly("text-generation", "gguf");
    assertThat(h.arrayLengths()).containsEntry("general.tags", 2L);
  }

  @Test
  void readsBigEndianFiles() throws IOException {
    Warnings warnings = new Warnings();
    GgufHeader h = read(lineageHeader(ByteOrder.BIG_ENDIAN).bytes(), warnings).orElseThrow();
    assertThat(h.bigEndian()).isTrue();
    assertThat(h.string("general.base_model.0.repo_url"))
        .contains("https://huggingface.co/Qwen/Qwen2.5-7B-Instruct");
  }

  @Test
  void truncatedFileIsOneWarningWithTheOffset() throws IOException {
    byte[] full = lineageHeader(ByteOrder.LITTLE_ENDIAN).bytes();
    for (int cut : new int[] {2, 10, 30, full.length / 2, full.length - 1}) {
      Warnings warnings = new Warnings();
      assertThat(read(Arrays.copyOf(full, cut), warnings)).isEmpty();
      List<DiscoveryWarning> list = warnings.list();
      assertThat(list).as("cut at " + cut).hasSize(1);
      assertThat(list.get(0).code()).isIn("gguf-truncated", "gguf-count", "gguf-length");
      assertThat(list.get(0).at()).startsWith("offset ");
    }
  }

  @Test
  void lengthsLargerThanTheFileAreRefusedBeforeAllocating() throws IOException {
    Warnings warnings = new Warnings();
    byte[] bytes =
        GgufBytes.header(3, 0, 1).str("general.name").u32(8).u64(Long.MAX_VALUE / 2).bytes();
    assertThat(read(bytes, warnings)).isEmpty();
    assertThat(warnings.list())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("gguf-truncated");
              assertThat(w.message()).contains("only 0 bytes are left");
            });
    Warnings counts = new Warnings();
    assertThat(read(GgufBytes.header(3, 0, 1L << 40).bytes(), counts)).isEmpty();
    assertThat(counts.list())
        .singleElement()
        .extracting(DiscoveryWarning::code)
        .isEqualTo("gguf-count");
    Warnings array = new Warnings();
    byte[] hugeArray =
        GgufBytes.header(3, 0, 1).str("tokenizer.ggml.tokens").u32(9).u32(8).u64(1L << 50).bytes();
    assertThat(read(hugeArray, array)).isEmpty();
    assertThat(array.list())
        .singleElement()
        .extracting(DiscoveryWarning::code)
        .isEqualTo("gguf-length");
  }

  @Test
  void badMagicUnknownVersionAndUnknownTypeAreWarnings() throws IOException {
    Warnings magic = new Warnings();
    assertThat(read("GGML0000000000000000000000".getBytes(), magic)).isEmpty();
    assertThat(magic.list())
        .singleElement()
        .extracting(DiscoveryWarning::code)
        .isEqualTo("gguf-bad-magic");
    Warnings version = new Warnings();
    assertThat(read(GgufBytes.header(1, 0, 0).bytes(), version)).isEmpty();
    assertThat(version.list())
        .singleElement()
        .extracting(DiscoveryWarning::code)
        .isEqualTo("gguf-version");
    Warnings type = new Warnings();
    assertThat(read(GgufBytes.header(2, 0, 1).str("k").u32(99).u64(0).bytes(), type)).isEmpty();
    assertThat(type.list())
        .singleElement()
        .extracting(DiscoveryWarning::code)
        .isEqualTo("gguf-type");
  }
}
