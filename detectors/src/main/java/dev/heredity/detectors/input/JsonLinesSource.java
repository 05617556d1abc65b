package dev.heredity.detectors.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JSONL (optionally gzipped) or plain lines. Without a requested layout the first non-blank line
 * decides: a line starting with <code>{</code> must be a JSON object in a known layout (a malformed
 * first line is an error, never "plain lines"); anything else makes the file plain lines.
 */
final class JsonLinesSource implements RecordSource {
  private final DataFiles.Opened opened;
  private final LineReader lines;
  private final RecordParser parser;
  private RawRecord peeked;

  JsonLinesSource(
      Path file, InputFormat format, String field, String promptField, InputLimits limits) {
    this.opened = DataFiles.open(file);
    this.lines = new LineReader(file, opened.in(), limits.maxLineBytes());
    try {
      String first = lines.next();
      peeked = first == null ? null : RawRecord.unparsed(lines.lineNumber(), first);
      InputFormat layout =
          format != null
              ? format
              : first == null ? InputFormat.LINES : detect(file, lines.lineNumber(), first, field);
      this.parser = new RecordParser(layout, field, promptField);
    } catch (RuntimeException e) {
      lines.close();
      throw e;
    }
  }

  private static InputFormat detect(Path file, int line, String first, String field) {
    if (!first.stripLeading().startsWith("{")) {
      return InputFormat.LINES;
    }
    JsonNode node;
    try {
      node = RecordParser.readJson(first);
    } catch (MalformedRecordException e) {
      throw new InvalidInputException(
          file + ":" + line + (e.column() > 0 ? ":" + e.column() : "") + ": " + e.getMessage());
    }
    if (!node.isObject()) {
      throw new InvalidInputException(
          file + ":" + line + ": expected a JSON object, found " + RecordParser.kind(node));
    }
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return LayoutDetector.detect(file + ":" + line, keys, field);
  }

  @Override
  public RawRecord next() {
    if (peeked != null) {
      RawRecord first = peeked;
      peeked = null;
      return first;
    }
    return lines.nextRecord();
  }

  @Override
  public RecordParser parser() {
    return parser;
  }

  @Override
  public long oversize() {
    return lines.oversize();
  }

  @Override
  public long consumed() {
    return opened.compressedBytes();
  }

  @Override
  public long size() {
    return opened.size();
  }

  @Override
  public void close() {
    lines.close();
  }
}
