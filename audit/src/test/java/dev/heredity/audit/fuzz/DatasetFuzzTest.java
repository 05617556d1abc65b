package dev.heredity.audit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.heredity.detectors.Detection;
import dev.heredity.detectors.DetectionRequest;
import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.InvalidInputException;
import dev.heredity.detectors.ProgressListener;
import java.nio.file.Path;

/**
 * Any bytes as a dataset (format detected, or forced to JSONL-chat, CSV or lines) give a detection
 * report or an {@link InvalidInputException} (exit 3). The reading, parsing, format profile and
 * leak scan all run; without a reference the permutation tests do not, which keeps each input fast.
 */
class DatasetFuzzTest {
  private static final FuzzFiles FILES = new FuzzFiles("dataset");

  @FuzzTest(maxDuration = "30s")
  void detectedFormat(byte[] input) {
    detect(FILES.write("data.jsonl", input), null);
  }

  @FuzzTest(maxDuration = "30s")
  void csv(byte[] input) {
    detect(FILES.write("data.csv", input), InputFormat.CSV);
  }

  private static void detect(Path file, InputFormat format) {
    try {
      Detection.run(
          DetectionRequest.defaults(file, null)
              .withFormat(format)
              .withTraits(java.util.List.of("owl=owlet")),
          ProgressListener.NONE);
    } catch (InvalidInputException expected) {
      // located error: the contract holds
    }
  }
}
