package org.ladderboard.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader over decoded text that knows, for every record, the physical line it starts on,
 * and for every syntax error the exact line and column. Contestants fix files by those numbers, which is why
 * this is ours rather than a general CSV library's (their errors point into read-ahead buffers).
 *
 * <p>Quoted fields may hold commas, doubled quotes and line breaks. A quote inside an unquoted field is kept
 * literally, as pandas does, and reported to {@link StrayQuoteListener}. Blank lines are skipped.
 */
public final class CsvReader {

    /** A record and where it sits in the file. */
    public record Record(List<String> fields, int line) {
    }

    /** Told about quotes found inside unquoted fields, which usually mean a field that should have been quoted. */
    public interface StrayQuoteListener {
        void strayQuote(int line, int column);
    }

    private final String text;
    private final StrayQuoteListener strayQuotes;
    private int pos;
    private int line = 1;
    private int lineStart;

    public CsvReader(String text, StrayQuoteListener strayQuotes) {
        this.text = text;
        this.strayQuotes = strayQuotes;
    }

    /** The next record, or null at the end of the text. */
    public Record next() throws CsvSyntaxException {
        while (pos < text.length()) {
            int recordLine = line;
            List<String> fields = readRecord();
            boolean blankLine = fields.size() == 1 && fields.get(0).isEmpty();
            if (!blankLine) {
                return new Record(fields, recordLine);
            }
        }
        return null;
    }

    private List<String> readRecord() throws CsvSyntaxException {
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(pos < text.length() && text.charAt(pos) == '"' ? readQuoted() : readUnquoted());
            if (pos >= text.length()) {
                return fields;
            }
            char c = text.charAt(pos);
            if (c == ',') {
                pos++;
                continue;
            }
            // c is a line break: readQuoted/readUnquoted stop only at a comma, a line break or the end
            pos++;
            if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                pos++;
            }
            newLine();
            return fields;
        }
    }

    private String readUnquoted() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ',' || c == '\n' || c == '\r') {
                break;
            }
            if (c == '"') {
                strayQuotes.strayQuote(line, column());
            }
            pos++;
        }
        return text.substring(start, pos);
    }

    private String readQuoted() throws CsvSyntaxException {
        int openLine = line;
        int openColumn = column();
        pos++;
        StringBuilder field = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new CsvSyntaxException("the quoted field opened here is never closed (the file ends inside it)",
                        openLine, openColumn);
            }
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    field.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                break;
            }
            field.append(c);
            pos++;
            if (c == '\n') {
                newLine();
            }
        }
        if (pos < text.length()) {
            char after = text.charAt(pos);
            if (after != ',' && after != '\n' && after != '\r') {
                throw new CsvSyntaxException("text follows the closing quote of the field that starts at line "
                        + openLine + ", column " + openColumn + "; a quote inside a quoted field must be doubled (\"\")",
                        line, column());
            }
        }
        return field.toString();
    }

    private void newLine() {
        line++;
        lineStart = pos;
    }

    private int column() {
        return pos - lineStart + 1;
    }
}
