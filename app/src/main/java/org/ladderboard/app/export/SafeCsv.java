package org.ladderboard.app.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for spreadsheets that contestants' text cannot attack: a cell starting with {@code = + - @} (or a tab or
 * carriage return) would run as a formula in Excel or Sheets, so it gets a leading apostrophe, as OWASP advises.
 * "Starting" is as a spreadsheet sees it: after blanks it trims (spaces, no-break spaces, a byte-order mark,
 * zero-width characters), with the fullwidth signs CJK keyboards type ({@code ＝ ＋ － ＠}), and after every
 * semicolon too, because Excel in many locales splits cells on semicolons.
 */
public final class SafeCsv implements AutoCloseable {

    private final CSVPrinter printer;

    public SafeCsv(Writer out, List<String> header) throws IOException {
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
    }

    public void row(Object... cells) throws IOException {
        Object[] safe = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = cells[i] instanceof String s ? neutralise(s) : cells[i];
        }
        printer.printRecord(safe);
    }

    private static final String FORMULA_SIGNS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

    static String neutralise(String cell) {
        StringBuilder out = new StringBuilder(cell.length() + 1);
        int start = 0;
        for (int i = 0; i <= cell.length(); i++) {
            if (i == cell.length() || cell.charAt(i) == ';') {
                if (startsFormula(cell, start, i)) {
                    out.append('\'');
                }
                out.append(cell, start, Math.min(i + 1, cell.length()));
                start = i + 1;
            }
        }
        return out.toString();
    }

    private static boolean startsFormula(String cell, int from, int to) {
        if (from < to && (cell.charAt(from) == '\t' || cell.charAt(from) == '\r')) {
            return true;
        }
        int i = from;
        while (i < to && isBlank(cell.charAt(i))) {
            i++;
        }
        return i < to && FORMULA_SIGNS.indexOf(cell.charAt(i)) >= 0;
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    /** Flushes; the writer belongs to the caller (a response stream, a zip entry) and stays open. */
    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
