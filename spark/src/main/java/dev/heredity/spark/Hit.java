package dev.heredity.spark;

import java.io.Serializable;
import java.util.Comparator;

/**
 * A leak-scan hit before record numbers are known: where it is (file, position), its record number
 * if the reader knew it, else the partition and the record's ordinal inside it, and the snippet.
 */
record Hit(int file, long position, long number, int partition, long ordinal, String snippet)
    implements Serializable {
  static final Comparator<Hit> IN_FILE_ORDER =
      Comparator.comparingInt(Hit::file).thenComparingLong(Hit::position);
}
