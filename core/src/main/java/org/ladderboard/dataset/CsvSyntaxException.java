package org.ladderboard.dataset;

/** A CSV text that RFC 4180 cannot read, with the exact place where reading failed. */
public class CsvSyntaxException extends Exception {
    private final int line;
    private final int column;

    public CsvSyntaxException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
