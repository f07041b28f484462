package org.ladderboard.validation;

import java.util.List;

/**
 * One problem in an upload, placed so a contestant can find it.
 *
 * @param part     the part (file inside the upload) it is in; null for the upload as a whole
 * @param row      1-based data row (the header is not a row); null when not about one row
 * @param line     1-based physical line in the part where the row or problem starts
 * @param column   the column (field) name it is about, when it is about one
 * @param position 1-based character position within the line, for syntax errors
 * @param count    how many rows share this warning (warnings are grouped by part and check)
 * @param rows     the first rows that share it, for the "rows 3, 7, 12…" list
 */
public record Finding(
        Severity severity,
        String code,
        String part,
        Integer row,
        Integer line,
        String column,
        Integer position,
        String message,
        String hint,
        int count,
        List<Integer> rows) {

    /** "part.csv, row 3 (line 4), column classes" — where to look, in words. */
    public String location() {
        StringBuilder where = new StringBuilder();
        if (part != null) {
            where.append(part);
        }
        if (row != null) {
            where.append(where.isEmpty() ? "" : ", ").append("row ").append(row);
            if (line != null) {
                where.append(" (line ").append(line).append(')');
            }
        } else if (line != null) {
            where.append(where.isEmpty() ? "" : ", ").append("line ").append(line);
        }
        if (position != null) {
            where.append(", character ").append(position);
        }
        if (column != null) {
            where.append(where.isEmpty() ? "" : ", ").append("column ").append(column);
        }
        return where.toString();
    }
}
