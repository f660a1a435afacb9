package dev.barrier.shell.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A table of text cells printed with aligned columns; numeric-looking cells are right-aligned. */
public final class TextTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    /** Creates a table with the given column headers. */
    public TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    /** Adds a row; missing cells are blank, extra cells are an error. */
    public TextTable row(String... cells) {
        if (cells.length > headers.size()) {
            throw new IllegalArgumentException("a row has " + cells.length + " cells but the table has "
                    + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>(Arrays.asList(cells));
        while (row.size() < headers.size()) {
            row.add("");
        }
        rows.add(row);
        return this;
    }

    /** Returns whether no rows were added. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override
    public String toString() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        append(out, headers, widths, false);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.append(rule).append('\n');
        for (List<String> row : rows) {
            append(out, row, widths, true);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, List<String> cells, int[] widths, boolean alignNumbers) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(c == 0 ? "" : "  ");
            line.append(alignNumbers && isNumeric(cell) ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static boolean isNumeric(String cell) {
        return !cell.isEmpty() && cell.matches("[-+]?[0-9.,:]+[%s]?");
    }
}
