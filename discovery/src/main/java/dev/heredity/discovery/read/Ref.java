package dev.heredity.discovery.read;

import dev.heredity.discovery.Evidence;

/** A reference to a model or dataset as an artifact wrote it, with where. */
public record Ref(String text, Evidence evidence) {}
