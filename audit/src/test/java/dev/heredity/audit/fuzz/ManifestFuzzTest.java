package dev.heredity.audit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.lineage.Lineage;
import dev.heredity.lineage.LineageOptions;

/**
 * Any bytes as a manifest give an analysis or an {@link InvalidManifestException} (exit 3), never
 * another exception or an Error (exit 70). Seeds: ManifestFuzzTestInputs/ (from samples/). Fuzz:
 * bench/fuzz/run.sh.
 */
class ManifestFuzzTest {
  private static final FuzzFiles FILES = new FuzzFiles("manifest");

  @FuzzTest(maxDuration = "30s")
  void yamlManifest(byte[] input) {
    analyze("heredity.yaml", input);
  }

  @FuzzTest(maxDuration = "30s")
  void jsonManifest(byte[] input) {
    analyze("heredity.json", input);
  }

  private static void analyze(String name, byte[] input) {
    try {
      Lineage.analyze(FILES.write(name, input), new LineageOptions(false, true));
    } catch (InvalidManifestException expected) {
      // bad input, reported with its position: the contract holds
    }
  }
}
