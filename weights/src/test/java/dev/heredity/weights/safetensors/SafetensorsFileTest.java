package dev.heredity.weights.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heredity.weights.InvalidWeightsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTest {
  @TempDir Path dir;

  @Test
  void roundTripsEveryFloatDtype() {
    float[] values = {0f, 1f, -2.5f, 3.140625f, 1e-3f, -65504f, 0.5f, 7f};
    for (Dtype dtype : List.of(Dtype.F32, Dtype.F16, Dtype.BF16, Dtype.F64)) {
      Path file = dir.resolve(dtype + ".safetensors");
      SafetensorsWriter.write(
          file,
          List.of(SafetensorsWriter.Entry.of("w", dtype, new long[] {2, 4}, values)),
          Map.of("format", "pt"));
      try (SafetensorsFile f = SafetensorsFile.open(file)) {
        TensorInfo t = f.tensors().get("w");
        assertThat(t.dtype()).isEqualTo(dtype);
        assertThat(t.shape()).containsExactly(2, 4);
        assertThat(f.metadata()).containsEntry("format", "pt");
        float[] back = new float[8];
        f.readFloats(t, 0, back);
        double tolerance = dtype == Dtype.BF16 ? 1e-2 : dtype == Dtype.F16 ? 1e-3 : 0;
        for (int i = 0; i < 8; i++) {
          assertThat((double) back[i])
              .as(dtype + " element " + i)
              .isCloseTo(
                  values[i],
                  org.assertj.core.data.Offset.offset(
                      tolerance * Math.max(1, Math.abs(values[i]))));
        }
        float[] tail = new float[3];
        f.readFloats(t, 5, tail);
        assertThat(tail[2]).isEqualTo(back[7]);
      }
    }
  }

  @Test
  void halfPrecisionDecodesSubnormalsAndInfinity() {
    assertThat(FloatDecoding.halfToFloat((short) 0x0001)).isEqualTo((float) Math.pow(2, -24));
    assertThat(FloatDecoding.halfToFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(FloatDecoding.halfToFloat((short) 0xc000)).isEqualTo(-2f);
    assertThat(FloatDecoding.halfToFloat(FloatDecoding.floatToHalf(0.1f)))
        .isCloseTo(0.1f, org.assertj.core.data.Offset.offset(1e-4f));
  }

  @Test
  void headerLengthPastTheEndOfTheFile() throws IOException {
    Path f = raw("short", 1L << 40, "{}", 0);
    assertError(f, "header length", "past the end");
  }

  @Test
  void truncatedLength() throws IOException {
    Path f = dir.resolve("tiny.safetensors");
    Files.write(f, new byte[] {1, 2, 3});
    assertError(f, "header length", "fewer than the 8-byte");
  }

  @Test
  void invalidJsonNamesTheHeaderByte() throws IOException {
    Path f = raw("json", -1, "{\"w\": {\"dtype\": ", 0);
    assertError(f, "header byte", "not valid JSON");
  }

  @Test
  void offsetsOutOfRange() throws IOException {
    Path f =
        raw("range", -1, "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,800]}}", 8);
    assertError(f, "tensor \"w\" data_offsets", "out of range");
  }

  @Test
  void offsetsOverlapping() throws IOException {
    Path f =
        raw(
            "overlap",
            -1,
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}",
            16);
    assertError(f, "tensor \"b\" data_offsets", "overlaps tensor \"a\"");
  }

  @Test
  void offsetsThatDisagreeWithTheShape() throws IOException {
    Path f =
        raw("size", -1, "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 16);
    assertError(f, "tensor \"a\" data_offsets", "needs 12");
  }

  @Test
  void unknownDtype() throws IOException {
    Path f =
        raw("dtype", -1, "{\"a\":{\"dtype\":\"F17\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8);
    assertError(f, "tensor \"a\" dtype", "unknown dtype \"F17\"");
  }

  @Test
  void aShapeOfTwoToTheFortyIsBoundedByTheFileSize() throws IOException {
    Path f =
        raw(
            "huge",
            -1,
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[1099511627776],\"data_offsets\":[0,8]}}",
            8);
    assertError(f, "tensor \"a\" shape", "needs 4398046511104 bytes, the data section has 8");
    Path g =
        raw(
            "overflow",
            -1,
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[1099511627776,1099511627776],\"data_offsets\":[0,8]}}",
            8);
    assertError(g, "tensor \"a\" shape", "more than 2^63");
  }

  @Test
  void negativeDimension() throws IOException {
    Path f = raw("neg", -1, "{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", 8);
    assertError(f, "tensor \"a\" shape", "not a non-negative integer");
  }

  /**
   * A file with the given header text (length {@code declared}, or its true length when -1) and
   * data bytes.
   */
  private Path raw(String name, long declared, String header, int dataBytes) throws IOException {
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf =
        ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    buf.putLong(declared < 0 ? json.length : declared).put(json);
    Path f = dir.resolve(name + ".safetensors");
    Files.write(f, buf.array());
    return f;
  }

  private static void assertError(Path file, String field, String problem) {
    assertThatThrownBy(() -> SafetensorsFile.open(file).close())
        .isInstanceOfSatisfying(
            InvalidWeightsException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file);
              assertThat(e.field()).startsWith(field);
              assertThat(e.problem()).contains(problem);
              assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n");
            });
  }
}
