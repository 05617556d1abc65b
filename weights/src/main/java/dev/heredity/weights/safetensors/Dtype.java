package dev.heredity.weights.safetensors;

import java.util.Optional;

/** The element types a safetensors header may name. Only the floating ones can be compared. */
public enum Dtype {
  BOOL(1, false),
  U8(1, false),
  I8(1, false),
  F8_E5M2(1, false),
  F8_E4M3(1, false),
  I16(2, false),
  U16(2, false),
  F16(2, true),
  BF16(2, true),
  I32(4, false),
  U32(4, false),
  F32(4, true),
  F64(8, true),
  I64(8, false),
  U64(8, false);

  private final int bytes;
  private final boolean readableAsFloat;

  Dtype(int bytes, boolean readableAsFloat) {
    this.bytes = bytes;
    this.readableAsFloat = readableAsFloat;
  }

  public int bytes() {
    return bytes;
  }

  public boolean readableAsFloat() {
    return readableAsFloat;
  }

  public static Optional<Dtype> parse(String name) {
    for (Dtype d : values()) {
      if (d.name().equals(name)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
