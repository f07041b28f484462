package org.ladderboard.validation;

import java.util.List;

import org.ladderboard.dataset.Example;

/**
 * What a contestant sees after uploading: every error and warning with its place, the parts, and the first rows as
 * the model will see them.
 *
 * @param rows           data rows over all parts that were read, with or without errors
 * @param rowsWithErrors how many of them have an error (each such row yields no example)
 * @param errorCount every error found, including those past the listing cap
 * @param preview    the first rows of the upload, in the shape the scorer consumes
 */
public record ValidationReport(
        boolean valid,
        String taskType,
        int rows,
        int rowsWithErrors,
        List<PartSummary> parts,
        List<Finding> errors,
        List<Finding> warnings,
        int errorCount,
        List<Example> preview) {

    /** The rows that became examples: all of them in a valid report. */
    public int examples() {
        return rows - rowsWithErrors;
    }
}
