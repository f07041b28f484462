package org.ladderboard.validation;

import java.util.List;

import org.ladderboard.dataset.Example;

/**
 * What a contestant sees after uploading: every error and warning with its place, the parts, and the first rows as
 * the model will see them.
 *
 * @param rows       data rows over all parts that were read
 * @param errorCount every error found, including those past the listing cap
 * @param preview    the first rows of the upload, in the shape the scorer consumes
 */
public record ValidationReport(
        boolean valid,
        String taskType,
        int rows,
        List<PartSummary> parts,
        List<Finding> errors,
        List<Finding> warnings,
        int errorCount,
        List<Example> preview) {
}
