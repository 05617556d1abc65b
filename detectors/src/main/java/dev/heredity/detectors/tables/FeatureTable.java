package dev.heredity.detectors.tables;

import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.features.IntArray;
import dev.heredity.detectors.stats.LongIntMap;
import java.util.Arrays;
import java.util.List;

/**
 * The features of one table detector for every record, as dense ids in CSR layout. Ids are grouped
 * by block; each block ends with a pooled "rare" column collecting features seen fewer than {@link
 * #MIN_COUNT} times overall (pooling uses the totals of both sets, so it does not depend on
 * labels).
 */
public final class FeatureTable {
  public static final int MIN_COUNT = 5;
  static final long POOLED = -1;
  private static final int BLOCK_SHIFT = 47;

  private final String id;
  private final TableSpec spec;
  private final List<String> blockNames;
  private final int[] blockStart;
  private final long[] keys;
  private final int[] recordStart;
  private final int[] ids;
  private final long[] totals;

  private FeatureTable(
      String id,
      TableSpec spec,
      List<String> blockNames,
      int[] blockStart,
      long[] keys,
      int[] recordStart,
      int[] ids,
      long[] totals) {
    this.id = id;
    this.spec = spec;
    this.blockNames = blockNames;
    this.blockStart = blockStart;
    this.keys = keys;
    this.recordStart = recordStart;
    this.ids = ids;
    this.totals = totals;
  }

  public static FeatureTable build(String detectorId, TableSpec spec, Corpus corpus) {
    List<String> blocks = spec.blocks();
    int n = corpus.size();
    LongIntMap counts = new LongIntMap();
    for (int r = 0; r < n; r++) {
      spec.emitter().emit(r, (block, key) -> counts.add(pack(block, key), 1));
    }
    long[] packed = counts.sortedKeys();
    int[] blockStart = new int[blocks.size() + 1];
    long[] keys = new long[packed.length + blocks.size()];
    LongIntMap idOf = new LongIntMap();
    int next = 0;
    int p = 0;
    for (int b = 0; b < blocks.size(); b++) {
      blockStart[b] = next;
      for (; p < packed.length && (int) (packed[p] >>> BLOCK_SHIFT) == b; p++) {
        if (counts.get(packed[p], 0) >= MIN_COUNT) {
          idOf.put(packed[p], next);
          keys[next++] = packed[p] & ((1L << BLOCK_SHIFT) - 1);
        }
      }
      keys[next++] = POOLED;
    }
    blockStart[blocks.size()] = next;
    int[] pooled = new int[blocks.size()];
    for (int b = 0; b < blocks.size(); b++) {
      pooled[b] = blockStart[b + 1] - 1;
    }
    int[] recordStart = new int[n + 1];
    IntArray flat = new IntArray();
    long[] totals = new long[next];
    for (int r = 0; r < n; r++) {
      spec.emitter()
          .emit(
              r,
              (block, key) -> {
                int id = idOf.get(pack(block, key), pooled[block]);
                flat.add(id);
                totals[id]++;
              });
      recordStart[r + 1] = flat.size();
    }
    return new FeatureTable(
        detectorId,
        spec,
        blocks,
        blockStart,
        Arrays.copyOf(keys, next),
        recordStart,
        flat.toArray(),
        totals);
  }

  private static long pack(int block, long key) {
    if (key < 0 || key >= (1L << BLOCK_SHIFT)) {
      throw new IllegalArgumentException("feature key out of range: " + key);
    }
    return ((long) block << BLOCK_SHIFT) | key;
  }

  /** Id of the detector whose table this is. */
  public String id() {
    return id;
  }

  public int features() {
    return keys.length;
  }

  public int blocks() {
    return blockNames.size();
  }

  public String blockName(int block) {
    return blockNames.get(block);
  }

  public int blockStart(int block) {
    return blockStart[block];
  }

  public int blockEnd(int block) {
    return blockStart[block + 1];
  }

  public int blockOf(int feature) {
    int b = Arrays.binarySearch(blockStart, feature);
    if (b >= 0) {
      while (b + 1 < blockStart.length && blockStart[b + 1] == feature) {
        b++;
      }
      return Math.min(b, blockNames.size() - 1);
    }
    return -b - 2;
  }

  /** Readable name of a feature id: {@code "<block>: <cell>"}. */
  public String name(int feature) {
    int block = blockOf(feature);
    String cell =
        keys[feature] == POOLED ? "(rare, pooled)" : spec.cells().name(block, keys[feature]);
    return blockNames.get(block) + ": " + cell;
  }

  public long total(int feature) {
    return totals[feature];
  }

  public long[] totals() {
    return totals;
  }

  public int recordStart(int record) {
    return recordStart[record];
  }

  public int recordEnd(int record) {
    return recordStart[record + 1];
  }

  public int id(int index) {
    return ids[index];
  }
}
