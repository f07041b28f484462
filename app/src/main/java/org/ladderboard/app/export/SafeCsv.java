package org.ladderboard.app.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for spreadsheets that contestants' text cannot attack: a cell starting with {@code = + - @} (or a tab or
 * carriage return) would run as a formula in Excel or Sheets, so it gets a leading apostrophe, as OWASP advises.
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

    static String neutralise(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** Flushes; the writer belongs to the caller (a response stream, a zip entry) and stays open. */
    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
