package dev.heredity.detectors.input;

import dev.heredity.detectors.DatasetInput;
import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.detectors.features.CorpusReader;
import dev.heredity.detectors.features.RecordFeaturizer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Reads one side the way {@code Detection} does, for reader-level tests. */
final class Reading {
  private Reading() {}

  static CorpusReader.Side read(DatasetInput input, int sampleSize, long seed) {
    return read(input, null, sampleSize, seed, 0, InputLimits.DEFAULTS);
  }

  static CorpusReader.Side read(
      DatasetInput input,
      InputFormat format,
      int sampleSize,
      long seed,
      int maxRecords,
      InputLimits limits) {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CorpusReader reader = new CorpusReader(pool, 2, new RecordFeaturizer(Modality.NUMBERS));
      return reader.read(
          "test",
          input,
          new CorpusReader.Options(format, limits, maxRecords, sampleSize, seed, false),
          null,
          ProgressListener.NONE);
    } finally {
      pool.shutdownNow();
    }
  }

  /** "prompt -> text" of each tested record, in order. */
  static List<String> texts(CorpusReader.Side side) {
    return side.tested().stream().map(r -> r.prompt() + " -> " + r.text()).toList();
  }
}
