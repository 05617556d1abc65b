package dev.heredity.discovery;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a discovered fact came from.
 *
 * @param file the artifact (absolute)
 * @param at the position inside it: {@code line 12}, a JSON pointer ({@code
 *     /base_model_name_or_path}) or a GGUF key ({@code general.base_model.0.name})
 */
public record Evidence(Path file, String at, Confidence confidence) {
  public Evidence {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(confidence, "confidence");
  }

  public static Evidence line(Path file, int line, Confidence confidence) {
    return new Evidence(file, "line " + line, confidence);
  }

  public Evidence withConfidence(Confidence other) {
    return new Evidence(file, at, other);
  }
}
