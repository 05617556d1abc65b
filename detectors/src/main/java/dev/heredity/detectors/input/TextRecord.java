package dev.heredity.detectors.input;

/**
 * One generated record: its 1-based starting line in the file, the prompt ({@code null} when the
 * format has none) and the generated text.
 */
public record TextRecord(int line, String prompt, String text) {}
