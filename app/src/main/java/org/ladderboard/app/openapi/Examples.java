package org.ladderboard.app.openapi;

/** Example bodies that more than one operation answers with. */
public final class Examples {

    /** A short validation report, as {@code POST /api/validate} and a refused submit give it. */
    public static final String VALIDATION_REPORT = """
            {"valid": false, "taskType": "classification", "rows": 2, "rowsWithErrors": 1,
             "errors": [{"severity": "ERROR", "code": "answer_index_out_of_range", "part": "task", "row": 2, "line": 4,
                         "column": "answer_index", "message": "answer_index is 7 but the row has 2 classes (valid: 0 to 1)",
                         "hint": "answer_index counts from 0, so it must be less than the number of classes.",
                         "count": 1, "rows": [2]}],
             "warnings": [], "errorCount": 1}""";

    private Examples() {
    }
}
