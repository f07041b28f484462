package org.ladderboard.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** Reads a JSONL part: one JSON object per line; blank lines are skipped. */
final class JsonlRows {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonlRows() {
    }

    /** Streams the rows to {@code sink}; returns the keys in order of first appearance. */
    static List<String> read(String text, String part, Findings findings, int maxFieldChars, Row.Sink sink) {
        Set<String> columns = new LinkedHashSet<>();
        int row = 0;
        int line = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            line++;
            String content = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            if (content.isBlank()) {
                continue;
            }
            row++;
            Map<String, Object> values;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> parsed = JSON.readValue(content, LinkedHashMap.class);
                values = parsed;
            } catch (MismatchedInputException e) {
                findings.error(Check.JSONL_NOT_OBJECT, part, row, line, null, 1, "the line is not a JSON object");
                continue;
            } catch (StreamConstraintsException e) {
                int column = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
                findings.error(Check.JSONL_SYNTAX, part, row, line, null, column,
                        "line " + line + ", column " + column + ": " + pastParserLimit(e));
                continue;
            } catch (JacksonException e) {
                int column = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
                findings.error(Check.JSONL_SYNTAX, part, row, line, null, column,
                        "line " + line + ", column " + column + ": " + e.getOriginalMessage());
                continue;
            }
            if (values == null) {
                findings.error(Check.JSONL_NOT_OBJECT, part, row, line, null, 1, "the line is not a JSON object");
                continue;
            }
            columns.addAll(values.keySet());
            if (tooLong(values, maxFieldChars, part, row, line, findings)) {
                continue;
            }
            if (!sink.accept(new Row(row, line, values))) {
                break;
            }
        }
        if (row == 0) {
            findings.error(Check.EMPTY_FILE, part, null, null, null, null, "the file has no JSON lines");
        }
        return new ArrayList<>(columns);
    }

    /** The parser's limit a line went past, in words (its own message names its classes and methods). */
    private static String pastParserLimit(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("nesting")) {
            return "the JSON is nested more than " + StreamReadConstraints.DEFAULT_MAX_DEPTH + " levels deep";
        }
        if (message.contains("number")) {
            return "a number is longer than " + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " digits";
        }
        return "a value is larger than the JSON reader accepts";
    }

    private static boolean tooLong(Map<String, Object> values, int max, String part, int row, int line, Findings findings) {
        boolean tooLong = false;
        for (Map.Entry<String, Object> field : values.entrySet()) {
            if (field.getValue() instanceof String s && s.length() > max) {
                findings.error(Check.FIELD_TOO_LONG, part, row, line, field.getKey(), null,
                        "the field has " + s.length() + " characters; at most " + max + " are allowed");
                tooLong = true;
            }
        }
        return tooLong;
    }
}
