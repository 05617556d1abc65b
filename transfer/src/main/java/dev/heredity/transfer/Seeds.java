package dev.heredity.transfer;

import java.util.SplittableRandom;

/** Independent, reproducible seeds for each random draw of a run, derived from the run's seed. */
final class Seeds {
  static final int INIT = 1;
  static final int TEACHER_ORDER = 2;
  static final int STUDENT_ORDER = 3;
  static final int PERTURB = 4;
  static final int NOISE = 5;

  private Seeds() {}

  static long derive(long seed, int purpose, int index, int subIndex) {
    long z = mix(seed + 0x9E3779B97F4A7C15L * purpose);
    z = mix(z ^ (0xBF58476D1CE4E5B9L * (index + 1L)));
    return mix(z ^ (0x94D049BB133111EBL * (subIndex + 1L)));
  }

  static SplittableRandom random(long seed, int purpose, int index, int subIndex) {
    return new SplittableRandom(derive(seed, purpose, index, subIndex));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
