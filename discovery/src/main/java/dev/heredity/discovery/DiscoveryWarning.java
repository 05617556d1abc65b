package dev.heredity.discovery;

import java.nio.file.Path;

/**
 * An input discovery could not read or use. Discovery never stops on one: it records it and goes
 * on, so the caller can count and show them all.
 *
 * @param code stable identifier ({@code gguf-truncated}, {@code front-matter-unclosed}, ...)
 * @param file the offending file or folder
 * @param at where inside it ({@code line 3}, {@code /base_model}, {@code offset 1234}, or empty)
 * @param message what is wrong, with the numbers
 */
public record DiscoveryWarning(String code, Path file, String at, String message) {}
