package dev.heredity.spark;

import java.io.Serializable;

/**
 * One raw record as read from its file: the file's index in the dataset's sorted file list, its
 * position in the file (1-based line for text, row + 1 for Parquet), its 1-based record number in
 * the dataset (counted over all files in order, as the local readers count), and the raw text (a
 * JSON object or a plain line).
 */
public record SourceRecord(int file, long position, long number, String raw)
    implements Serializable {}
