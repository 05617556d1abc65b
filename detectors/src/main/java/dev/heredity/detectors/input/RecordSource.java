package dev.heredity.detectors.input;

/**
 * The raw records of one data file, in file order. JSON lines come back unparsed (workers parse
 * them); CSV rows come back parsed. Implementations are used by one thread.
 */
public interface RecordSource extends AutoCloseable {
  /** The next record, or {@code null} at the end of the file. */
  RawRecord next();

  /** Parses raw records of this file; its layout is the detected or requested one. */
  RecordParser parser();

  /** Records skipped because a line was longer than the cap. */
  long oversize();

  /** Progress: bytes of the file consumed so far (an estimate for Parquet). */
  long consumed();

  /** Size of the file on disk. */
  long size();

  @Override
  void close();

  /**
   * One record before parsing: {@code line} is its 1-based line (row for Parquet and CSV); exactly
   * one of {@code raw} (JSON or plain text to parse), {@code ascii} (the same as bytes, for lines
   * that are all ASCII: the parser reads them without decoding to a string) and {@code parsed} is
   * set.
   */
  record RawRecord(int line, String raw, byte[] ascii, TextRecord parsed) {
    public static RawRecord unparsed(int line, String raw) {
      return new RawRecord(line, raw, null, null);
    }

    /** A line of ASCII bytes (each byte one character), owned by the record. */
    public static RawRecord ascii(int line, byte[] bytes) {
      return new RawRecord(line, null, bytes, null);
    }

    public static RawRecord parsed(TextRecord record) {
      return new RawRecord(record.line(), null, null, record);
    }

    /** Characters to parse, 0 for a parsed record. */
    public int rawLength() {
      return raw != null ? raw.length() : ascii != null ? ascii.length : 0;
    }
  }
}
