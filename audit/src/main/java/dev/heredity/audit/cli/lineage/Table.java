package dev.heredity.audit.cli.lineage;

import dev.heredity.audit.cli.TerminalText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Left-aligned text columns separated by two spaces; the last column is never padded. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();

  Table(String... header) {
    rows.add(header);
  }

  /** Cells hold ids and paths from the manifest: shown escaped (TerminalText), one line each. */
  Table row(String... cells) {
    String[] safe = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      safe[i] = TerminalText.line(cells[i]);
    }
    rows.add(safe);
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
