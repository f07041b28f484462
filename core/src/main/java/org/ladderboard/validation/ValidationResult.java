package org.ladderboard.validation;

import java.util.List;

/** The report, and when it is valid, the parts ready to store and score. */
public record ValidationResult(ValidationReport report, List<ParsedPart> parts) {

    public boolean valid() {
        return report.valid();
    }
}
