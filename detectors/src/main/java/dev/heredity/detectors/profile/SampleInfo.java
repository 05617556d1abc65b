package dev.heredity.detectors.profile;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The uniform sample written beside a profile: {@code file} (JSONL, relative to the profile folder,
 * raw records in their original order), how many records it holds, the seed, and the method ({@link
 * SampleKey#METHOD}).
 */
@JsonPropertyOrder({"file", "records", "seed", "method"})
public record SampleInfo(String file, long records, long seed, String method) {}
