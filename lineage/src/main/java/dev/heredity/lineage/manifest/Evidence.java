package dev.heredity.lineage.manifest;

/**
 * Where a manifest entry or edge comes from, so a reviewer can check the claim at its source.
 *
 * @param source a file path or URL
 * @param at where in the source, or null: {@code line 12}, a JSON pointer {@code /base_model}, a
 *     GGUF key {@code general.base_model.0.name}
 */
public record Evidence(String source, String at, Confidence confidence) {}
