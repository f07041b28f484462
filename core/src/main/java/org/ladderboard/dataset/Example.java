package org.ladderboard.dataset;

import java.util.List;
import java.util.Map;

/**
 * One parsed row, in the shape the scorer consumes. Fields a task type does not use are null.
 *
 * @param part        the part (file) the row came from
 * @param row         1-based data row within the part (the header is not a row)
 * @param line        physical line where the row starts (1-based; a CSV row may span several lines)
 * @param classes     the options, each appended to the prompt with no separator
 * @param answerIndex 0-based index into {@code classes}
 * @param extra       columns that are kept but not scored, by name
 */
public record Example(
        String part,
        int row,
        int line,
        String prompt,
        String otherPrompt,
        List<String> classes,
        Integer answerIndex,
        String completion,
        Map<String, String> extra) {
}
