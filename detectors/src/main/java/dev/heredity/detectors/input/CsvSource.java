package dev.heredity.detectors.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.InvalidInputException;
import dev.heredity.detectors.InvalidInputException.Problem;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RFC 4180 CSV with a header row (Jackson's CSV parser: quoted fields may hold commas, doubled
 * quotes and line breaks; an unterminated quote is an error). The text column is the named field,
 * else the first of text/completion/response/output; the prompt column is the named prompt field,
 * else {@code prompt}.
 */
final class CsvSource implements RecordSource {
  static final List<String> TEXT_COLUMNS = List.of("text", "completion", "response", "output");
  private static final CsvFactory FACTORY =
      CsvFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(InputLimits.HARD_MAX).build())
          .build();

  private final Path file;
  private final DataFiles.Opened opened;
  private final CsvParser csv;
  private final RecordParser parser;
  private final int textColumn;
  private final int promptColumn;
  private final int maxLineBytes;
  private long oversize;
  private int rowLine = 1;

  CsvSource(Path file, String field, String promptField, InputLimits limits) {
    this.file = file;
    this.maxLineBytes = limits.maxLineBytes();
    this.opened = DataFiles.open(file);
    this.parser = new RecordParser(InputFormat.CSV, field, promptField);
    try {
      Reader reader =
          new PushbackReader(
              new InputStreamReader(
                  opened.in(),
                  StandardCharsets.UTF_8
                      .newDecoder()
                      .onMalformedInput(CodingErrorAction.REPORT)
                      .onUnmappableCharacter(CodingErrorAction.REPORT)),
              1);
      int first = reader.read();
      if (first == 0xfeff) {
        first = reader.read();
      }
      if (first >= 0) {
        ((PushbackReader) reader).unread(first);
      }
      this.csv = FACTORY.createParser(reader);
      List<String> header = row();
      if (header == null) {
        throw new InvalidInputException(file + ": no records (the file is empty)");
      }
      List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
      if (field != null) {
        String column = field.replaceFirst("^/", "").toLowerCase(Locale.ROOT);
        LayoutDetector.requireColumn(file + ":1", names, column, "text");
        this.textColumn = names.indexOf(column);
      } else {
        this.textColumn =
            TEXT_COLUMNS.stream()
                .mapToInt(names::indexOf)
                .filter(i -> i >= 0)
                .findFirst()
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            Problem.UNKNOWN_LAYOUT,
                            file
                                + ":1: no text column:"
                                + " found columns "
                                + LayoutDetector.shown(header)
                                + "; expected one of "
                                + String.join(", ", TEXT_COLUMNS)
                                + ", or a named text field",
                            TEXT_COLUMNS,
                            null));
      }
      if (promptField != null) {
        String column = promptField.replaceFirst("^/", "").toLowerCase(Locale.ROOT);
        LayoutDetector.requireColumn(file + ":1", names, column, "prompt");
        this.promptColumn = names.indexOf(column);
      } else {
        this.promptColumn = names.indexOf("prompt");
      }
    } catch (IOException e) {
      close();
      throw error(e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public RawRecord next() {
    try {
      while (true) {
        List<String> row = row();
        int line = rowLine;
        if (row == null) {
          return null;
        }
        if (row.size() == 1 && row.get(0).isBlank()) {
          continue;
        }
        long length = 0;
        for (String value : row) {
          length += value.length();
        }
        if (length > maxLineBytes) {
          oversize++;
          continue;
        }
        if (textColumn >= row.size()) {
          throw new InvalidInputException(
              file
                  + ":"
                  + line
                  + ": row has "
                  + row.size()
                  + " columns, the text column is number "
                  + (textColumn + 1));
        }
        String prompt =
            promptColumn >= 0 && promptColumn < row.size() ? row.get(promptColumn) : null;
        String text = row.get(textColumn);
        requireNoNul(line, text);
        requireNoNul(line, prompt);
        return RawRecord.parsed(new TextRecord(line, prompt, text));
      }
    } catch (IOException e) {
      throw error(e);
    }
  }

  private void requireNoNul(int line, String value) {
    if (value != null && value.indexOf('\0') >= 0) {
      throw new InvalidInputException(
          Problem.ENCODING, file + ":" + line + ": NUL character: not UTF-8 text", List.of(), null);
    }
  }

  /** The next row's values, or null at the end. */
  private List<String> row() throws IOException {
    JsonToken token = csv.nextToken();
    if (token == null) {
      return null;
    }
    rowLine = csv.currentLocation().getLineNr();
    List<String> values = new ArrayList<>();
    for (token = csv.nextToken();
        token != null && token != JsonToken.END_ARRAY;
        token = csv.nextToken()) {
      values.add(csv.getText());
    }
    return values;
  }

  private InvalidInputException error(IOException e) {
    if (e instanceof JsonProcessingException json
        && String.valueOf(json.getOriginalMessage()).contains("closing quote")) {
      return new InvalidInputException(
          file
              + ":"
              + rowLine
              + ": malformed CSV: a quoted field in the row that "
              + "starts here is never closed (it runs to the end of the file)",
          e);
    }
    if (e instanceof JsonProcessingException json) {
      int line = json.getLocation() == null ? 0 : json.getLocation().getLineNr();
      return new InvalidInputException(
          file + (line > 0 ? ":" + line : "") + ": malformed CSV: " + json.getOriginalMessage(), e);
    }
    if (e instanceof CharacterCodingException) {
      int line = csv == null ? 1 : csv.currentLocation().getLineNr();
      return new InvalidInputException(
          Problem.ENCODING,
          file
              + ":"
              + line
              + ": invalid UTF-8 (datasets are "
              + "read as UTF-8; Latin-1 or binary data?)",
          List.of("UTF-8"),
          e);
    }
    return new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
  }

  @Override
  public RecordParser parser() {
    return parser;
  }

  @Override
  public long oversize() {
    return oversize;
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
    try {
      if (csv != null) {
        csv.close();
      }
      opened.close();
    } catch (IOException ignored) {
      // input only: nothing to lose
    }
  }
}
