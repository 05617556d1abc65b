package dev.heredity.audit.cli.lineage;

import dev.heredity.lineage.Quoted;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Left-aligned text columns separated by two spaces; the last column is never padded. Cells are escaped
 * ({@link Quoted#escape}): a control character or line break from a manifest cannot reach the terminal.
 */
final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
    }

    Table row(String... cells) {
        String[] escaped = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            escaped[i] = Quoted.escape(cells[i]);
        }
        rows.add(escaped);
        return this;
    }

    boolean isEmpty() {
        return rows.size() == 1;
    }

    void print(PrintWriter out) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? row[c] : String.format("%-" + widths[c] + "s  ", row[c]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
