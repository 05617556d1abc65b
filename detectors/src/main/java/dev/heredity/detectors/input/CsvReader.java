package dev.heredity.detectors.input;

import dev.heredity.detectors.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Streams RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks) and picks the text column:
 * the named one, else the first of text/completion/response/output, else the last column. A {@code prompt}
 * column, when present, is kept as the prompt.
 */
public final class CsvReader {
    private static final List<String> TEXT_COLUMNS = List.of("text", "completion", "response", "output");

    private final BufferedReader in;
    private final Path file;
    private final int textColumn;
    private final int promptColumn;
    private int line = 1;

    public CsvReader(BufferedReader in, Path file, String column) throws IOException {
        this.in = in;
        this.file = file;
        List<String> header = readRow();
        if (header == null) {
            throw new InvalidInputException(file + ": no records (the file is empty)");
        }
        List<String> names = header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        this.promptColumn = names.indexOf("prompt");
        if (column != null) {
            int index = names.indexOf(column.replaceFirst("^/", "").toLowerCase(Locale.ROOT));
            if (index < 0) {
                throw new InvalidInputException(file + ":1: no column '" + column + "' in the header " + header);
            }
            this.textColumn = index;
        } else {
            this.textColumn = TEXT_COLUMNS.stream().mapToInt(names::indexOf).filter(i -> i >= 0).findFirst()
                    .orElse(names.size() - 1);
        }
    }

    /** The next record, or {@code null} at the end; throws on a row that lacks the text column. */
    public TextRecord next() throws IOException, MalformedRecordException {
        while (true) {
            int start = line;
            List<String> row = readRow();
            if (row == null) {
                return null;
            }
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (textColumn >= row.size()) {
                throw new MalformedRecordException(0, "row " + start + " has " + row.size()
                        + " columns, the text column is number " + (textColumn + 1));
            }
            String prompt = promptColumn >= 0 && promptColumn < row.size() ? row.get(promptColumn) : null;
            return new TextRecord(start, prompt, row.get(textColumn));
        }
    }

    public int line() {
        return line;
    }

    public Path file() {
        return file;
    }

    private List<String> readRow() throws IOException {
        int c = in.read();
        if (c < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (c < 0) {
                fields.add(field.toString());
                return fields;
            }
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        in.reset();
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                line++;
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            c = in.read();
        }
    }
}
