package org.ladderboard.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what validation finds. Errors are kept one by one (up to a cap, then counted) because each must be fixed;
 * warnings are grouped per part and check, keeping the first one's message and the rows it repeats on, so a
 * 20,000-row file with a systematic quirk gives one readable warning, not 20,000.
 */
public final class Findings {

    static final int MAX_LISTED_ERRORS = 200;
    static final int MAX_LISTED_ROWS = 100;

    private final List<Finding> errors = new ArrayList<>();
    private int errorCount;
    private final java.util.Set<String> rowsWithErrors = new java.util.HashSet<>();
    private final Map<String, Group> warnings = new LinkedHashMap<>();

    private static final class Group {
        final Finding first;
        final List<Integer> rows = new ArrayList<>();
        int count;

        Group(Finding first) {
            this.first = first;
        }
    }

    /** Reports an error at a place; {@code row}, {@code line}, {@code column} and {@code position} may be null. */
    public void error(Check check, String part, Integer row, Integer line, String column, Integer position, String message) {
        errorCount++;
        if (row != null) {
            rowsWithErrors.add(part + "\u0000" + row);
        }
        if (errors.size() < MAX_LISTED_ERRORS) {
            errors.add(new Finding(Severity.ERROR, check.code(), part, row, line, column, position, message, check.hint(),
                    1, row == null ? List.of() : List.of(row)));
        }
    }

    /** Reports a warning; repeats of the same check in the same part are grouped under the first. */
    public void warn(Check check, String part, Integer row, Integer line, String column, String message) {
        Group group = warnings.computeIfAbsent(part + "\u0000" + check.code(), key -> new Group(
                new Finding(Severity.WARNING, check.code(), part, row, line, column, null, message, check.hint(), 0, List.of())));
        group.count++;
        if (row != null && group.rows.size() < MAX_LISTED_ROWS) {
            group.rows.add(row);
        }
    }

    public boolean hasErrors() {
        return errorCount > 0;
    }

    public int errorCount() {
        return errorCount;
    }

    /** Data rows with at least one error (each counted once, however many errors it has). */
    public int rowsWithErrors() {
        return rowsWithErrors.size();
    }

    public List<Finding> errors() {
        return List.copyOf(errors);
    }

    public List<Finding> warnings() {
        return warnings.values().stream().map(g -> {
            Finding f = g.first;
            return new Finding(f.severity(), f.code(), f.part(), f.row(), f.line(), f.column(), f.position(), f.message(),
                    f.hint(), g.count, List.copyOf(g.rows));
        }).toList();
    }
}
