package dev.heredity.detectors.tables;

import java.util.List;

/**
 * Several {@link FeatureTable}s side by side: one global feature id space and one CSR row per
 * record.
 */
public final class MergedTables {
  private final List<FeatureTable> tables;
  private final int records;
  private final int[] offset;
  private final int[] start;
  private final int[] ids;
  private final long[] totals;

  public MergedTables(List<FeatureTable> tables, int records) {
    this.tables = List.copyOf(tables);
    this.records = records;
    this.offset = new int[tables.size() + 1];
    for (int t = 0; t < tables.size(); t++) {
      offset[t + 1] = offset[t] + tables.get(t).features();
    }
    this.totals = new long[offset[tables.size()]];
    int size = 0;
    for (int t = 0; t < tables.size(); t++) {
      FeatureTable table = tables.get(t);
      size += records == 0 ? 0 : table.recordEnd(records - 1);
      for (int f = 0; f < table.features(); f++) {
        totals[offset[t] + f] = table.total(f);
      }
    }
    this.start = new int[records + 1];
    this.ids = new int[size];
    int k = 0;
    for (int r = 0; r < records; r++) {
      start[r] = k;
      for (int t = 0; t < tables.size(); t++) {
        FeatureTable table = tables.get(t);
        for (int j = table.recordStart(r); j < table.recordEnd(r); j++) {
          ids[k++] = offset[t] + table.id(j);
        }
      }
    }
    start[records] = k;
  }

  public List<FeatureTable> tables() {
    return tables;
  }

  public int records() {
    return records;
  }

  public int features() {
    return totals.length;
  }

  public int offset(int table) {
    return offset[table];
  }

  public long[] totals() {
    return totals;
  }

  public int rowStart(int record) {
    return start[record];
  }

  public int rowEnd(int record) {
    return start[record + 1];
  }

  public int id(int index) {
    return ids[index];
  }

  /**
   * The permutation hot loop: for every permutation {@code j} whose bit is set in {@code mask},
   * adds one to {@code counts[f * 8 + j]} for every feature occurrence {@code f} of the record.
   * Interleaving the eight permutations of a feature keeps their counters in one cache line.
   */
  public void addRow(int record, int mask, int[] counts, int[] bits) {
    int n = 0;
    for (int m = mask; m != 0; m &= m - 1) {
      bits[n++] = Integer.numberOfTrailingZeros(m);
    }
    int[] local = ids;
    for (int k = start[record], end = start[record + 1]; k < end; k++) {
      int base = local[k] << 3;
      for (int i = 0; i < n; i++) {
        counts[base + bits[i]]++;
      }
    }
  }

  /** Readable name of a global feature id: {@code "<detector> <block>: <cell>"}. */
  public String name(int feature) {
    int t = 0;
    while (offset[t + 1] <= feature) {
      t++;
    }
    FeatureTable table = tables.get(t);
    return table.id() + " " + table.name(feature - offset[t]);
  }
}
