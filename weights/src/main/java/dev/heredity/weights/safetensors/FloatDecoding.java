package dev.heredity.weights.safetensors;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;

/** Little-endian F16 / BF16 / F32 / F64 elements to float. */
final class FloatDecoding {
  private static final int CHUNK = 8192;

  private FloatDecoding() {}

  static void decode(Dtype dtype, ByteBuffer src, float[] dst, int offset, int count) {
    switch (dtype) {
      case F32 -> {
        FloatBuffer floats = src.asFloatBuffer();
        floats.get(dst, offset, count);
      }
      case F64 -> {
        for (int i = 0; i < count; i++) {
          dst[offset + i] = (float) src.getDouble(i * 8);
        }
      }
      case BF16, F16 -> {
        ShortBuffer shorts = src.asShortBuffer();
        short[] chunk = new short[Math.min(CHUNK, count)];
        for (int done = 0; done < count; ) {
          int n = Math.min(chunk.length, count - done);
          shorts.get(chunk, 0, n);
          if (dtype == Dtype.BF16) {
            for (int i = 0; i < n; i++) {
              dst[offset + done + i] = Float.intBitsToFloat((chunk[i] & 0xffff) << 16);
            }
          } else {
            for (int i = 0; i < n; i++) {
              dst[offset + done + i] = halfToFloat(chunk[i]);
            }
          }
          done += n;
        }
      }
      default -> throw new IllegalArgumentException(dtype + " is not a floating type");
    }
  }

  /** IEEE 754 binary16 to binary32 (Java 17 has no Float.float16ToFloat). */
  static float halfToFloat(short h) {
    int bits = h & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exponent = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      if (mantissa == 0) {
        return Float.intBitsToFloat(sign);
      }
      float value = mantissa / 16777216f; // 2^-24 per subnormal step
      return sign == 0 ? value : -value;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }

  /** binary32 to binary16, round to nearest even (for writing test and sample checkpoints). */
  static short floatToHalf(float f) {
    int bits = Float.floatToIntBits(f);
    int sign = (bits >>> 16) & 0x8000;
    int exponent = ((bits >>> 23) & 0xff) - 127 + 15;
    int mantissa = bits & 0x7fffff;
    if (((bits >>> 23) & 0xff) == 0xff) {
      return (short) (sign | 0x7c00 | (mantissa != 0 ? 0x200 : 0));
    }
    if (exponent >= 0x1f) {
      return (short) (sign | 0x7c00);
    }
    if (exponent <= 0) {
      if (exponent < -10) {
        return (short) sign;
      }
      mantissa |= 0x800000;
      int shift = 14 - exponent;
      int half = mantissa >> shift;
      int rest = mantissa & ((1 << shift) - 1);
      int halfway = 1 << (shift - 1);
      if (rest > halfway || (rest == halfway && (half & 1) == 1)) {
        half++;
      }
      return (short) (sign | half);
    }
    int half = (exponent << 10) | (mantissa >> 13);
    int rest = mantissa & 0x1fff;
    if (rest > 0x1000 || (rest == 0x1000 && (half & 1) == 1)) {
      half++;
    }
    return (short) (sign | half);
  }

  /** binary32 to bfloat16, round to nearest even. */
  static short floatToBf16(float f) {
    int bits = Float.floatToIntBits(f);
    if (Float.isNaN(f)) {
      return (short) ((bits >>> 16) | 0x40);
    }
    int rounding = 0x7fff + ((bits >>> 16) & 1);
    return (short) ((bits + rounding) >>> 16);
  }
}
