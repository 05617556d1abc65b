package dev.heredity.spark;

import java.io.Serializable;
import java.util.Comparator;

/** A leak-scan hit: its record number in the dataset, its position in its file, and the snippet. */
record Hit(long number, long position, String snippet) implements Serializable {
  static final Comparator<Hit> IN_FILE_ORDER = Comparator.comparingLong(Hit::number);
}
