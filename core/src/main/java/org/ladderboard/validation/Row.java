package org.ladderboard.validation;

import java.util.Map;

/**
 * A data row before it becomes an example: values by column name. CSV values are strings; JSONL values are what
 * the JSON holds (string, number, boolean, list, map or null).
 *
 * @param row  1-based data row within its part
 * @param line 1-based physical line where it starts
 */
record Row(int row, int line, Map<String, Object> fields) {

    /** Receives rows as they are read; returning false stops reading. */
    interface Sink {
        boolean accept(Row row);
    }
}
