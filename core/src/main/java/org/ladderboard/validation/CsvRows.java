package org.ladderboard.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.ladderboard.dataset.CsvReader;
import org.ladderboard.dataset.CsvSyntaxException;

/** Reads a CSV part's header and rows, reporting syntax errors and ragged rows with their line and column. */
final class CsvRows {

    private CsvRows() {
    }

    /**
     * Streams the rows to {@code sink} once {@code headerCheck} accepts the header; returns the header, or null when
     * there is none or it was refused.
     */
    static List<String> read(String text, String part, Findings findings, int maxFieldChars,
                             Predicate<List<String>> headerCheck, Row.Sink sink) {
        CsvReader reader = new CsvReader(text, (line, column) -> findings.warn(Check.CSV_STRAY_QUOTE, part, null, line,
                null, "a quote inside an unquoted field at line " + line + ", column " + column));
        try {
            CsvReader.Record header = reader.next();
            if (header == null) {
                findings.error(Check.EMPTY_FILE, part, null, null, null, null, "the file is empty");
                return null;
            }
            List<String> columns = header.fields();
            if (!uniqueColumns(columns, part, findings) || !headerCheck.test(columns)) {
                return null;
            }
            int row = 0;
            CsvReader.Record record;
            while ((record = reader.next()) != null) {
                row++;
                List<String> fields = record.fields();
                if (fields.size() != columns.size()) {
                    findings.error(Check.CSV_FIELD_COUNT, part, row, record.line(), null, null, "the row has "
                            + fields.size() + " fields but the header has " + columns.size());
                    continue;
                }
                Map<String, Object> values = new LinkedHashMap<>();
                boolean fits = true;
                for (int i = 0; i < columns.size(); i++) {
                    String value = fields.get(i);
                    if (value.length() > maxFieldChars) {
                        findings.error(Check.FIELD_TOO_LONG, part, row, record.line(), columns.get(i), null,
                                "the field has " + value.length() + " characters; at most " + maxFieldChars + " are allowed");
                        fits = false;
                    }
                    values.put(columns.get(i), value);
                }
                if (fits && !sink.accept(new Row(row, record.line(), values))) {
                    break;
                }
            }
            return columns;
        } catch (CsvSyntaxException e) {
            findings.error(Check.CSV_SYNTAX, part, null, e.line(), null, e.column(),
                    "line " + e.line() + ", column " + e.column() + ": " + e.getMessage());
            return null;
        }
    }

    private static boolean uniqueColumns(List<String> columns, String part, Findings findings) {
        Set<String> seen = new HashSet<>();
        List<String> repeated = new ArrayList<>();
        for (String column : columns) {
            if (!seen.add(column)) {
                repeated.add(column.isEmpty() ? "(unnamed)" : column);
            }
        }
        for (String column : repeated) {
            findings.error(Check.CSV_DUPLICATE_COLUMN, part, null, 1, column, null,
                    "the header names column '" + column + "' more than once");
        }
        return repeated.isEmpty();
    }
}
