package dev.heredity.transfer;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outcome of a transfer-test run. {@code arms} iterates in protocol order (teacher, reference,
 * same-init, cross-init, then the controls when run); {@code sweep} is empty unless a sweep was
 * asked.
 *
 * @param verdict "transfer" or "no-transfer" (see {@link VerdictTest})
 */
public record TransferResult(
    TransferConfig config,
    Map<String, ArmResult> arms,
    List<SweepPoint> sweep,
    double seconds,
    String verdict) {
  public TransferResult {
    arms = Collections.unmodifiableMap(new LinkedHashMap<>(arms));
    sweep = List.copyOf(sweep);
  }

  public ArmResult arm(Arm arm) {
    return arms.get(arm.id());
  }

  /** The result as one pretty-printed JSON object (the CLI's JSON output). */
  public String toJson() {
    return TransferJson.write(this);
  }

  /** Reads a file written from {@link #toJson()}; a malformed file is an TransferInputException. */
  public static TransferResult readJson(Path file) {
    return TransferJson.read(file);
  }
}
