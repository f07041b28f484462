package org.ladderboard.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ladderboard.dataset.ClassesParser;
import org.ladderboard.dataset.Example;
import org.ladderboard.dataset.PythonListLiteral;
import org.ladderboard.dataset.StorableText;
import org.ladderboard.dataset.TaskType;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns rows into examples for one task type, applying the per-row rules of the prize's format: required columns,
 * {@code classes} as a list of ≥ 2 non-empty strings, {@code answer_index} in range, exactly two classes for logodds,
 * and the warnings about how prompt and class are glued together.
 */
final class ExampleReader {

    static final String OTHER_PROMPT = "other_prompt";
    static final String BIASED_PROMPT = "biased_prompt";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final TaskType taskType;
    private final String part;
    private final Findings findings;
    private boolean aliasReported;

    ExampleReader(TaskType taskType, String part, Findings findings) {
        this.taskType = taskType;
        this.part = part;
        this.findings = findings;
    }

    /** For CSV, where every row has the header's columns: reports missing ones once; false means no row can be read. */
    boolean checkHeader(List<String> columns) {
        boolean complete = true;
        for (String required : taskType.requiredColumns()) {
            if (!columns.contains(required) && !(required.equals(OTHER_PROMPT) && columns.contains(BIASED_PROMPT))) {
                findings.error(Check.MISSING_COLUMN, part, null, 1, required, null, "the header has no '" + required
                        + "' column, which " + taskType.id() + " needs (found: " + String.join(", ", named(columns)) + ")");
                complete = false;
            }
        }
        return complete;
    }

    /** The row as an example, or null after reporting why it cannot be one. */
    Example read(Row row) {
        int errorsBefore = findings.errorCount();
        Map<String, Object> fields = row.fields();
        fields.forEach((name, value) -> storable(row, name, name, "the column name"));
        fields.forEach((name, value) -> storable(row, name, value, "'" + name + "'"));
        if (findings.errorCount() > errorsBefore) {
            return null;
        }
        String prompt = text(row, "prompt");
        String otherPrompt = taskType.isLogodds() ? otherPrompt(row) : null;
        String completion = taskType == TaskType.SEQUENCE_PROB ? text(row, "completion") : null;
        List<String> classes = taskType.hasClasses() ? classes(row) : null;
        Integer answerIndex = taskType.hasClasses() ? answerIndex(row, classes) : null;
        if (completion != null && completion.isEmpty()) {
            findings.error(Check.COMPLETION_EMPTY, part, row.row(), row.line(), "completion", null, "the completion is empty");
        }
        if (findings.errorCount() > errorsBefore) {
            return null;
        }
        warnAboutGluing(row, prompt, otherPrompt, classes, completion);
        return new Example(part, row.row(), row.line(), prompt, otherPrompt, classes, answerIndex, completion, extras(fields));
    }

    private String otherPrompt(Row row) {
        if (!row.fields().containsKey(OTHER_PROMPT) && row.fields().containsKey(BIASED_PROMPT)) {
            if (!aliasReported) {
                aliasReported = true;
                findings.warn(Check.BIASED_PROMPT_ALIAS, part, null, null, BIASED_PROMPT,
                        "'biased_prompt' is read as 'other_prompt'");
            }
            return text(row, BIASED_PROMPT);
        }
        return text(row, OTHER_PROMPT);
    }

    private String text(Row row, String column) {
        if (!row.fields().containsKey(column)) {
            findings.error(Check.MISSING_COLUMN, part, row.row(), row.line(), column, null, "the row has no '" + column + "'");
            return null;
        }
        Object value = row.fields().get(column);
        if (value instanceof String s) {
            return s;
        }
        findings.error(Check.WRONG_TYPE, part, row.row(), row.line(), column, null,
                "'" + column + "' must be text, found " + (value == null ? "null" : describe(value)));
        return null;
    }

    private List<String> classes(Row row) {
        if (!row.fields().containsKey("classes")) {
            findings.error(Check.MISSING_COLUMN, part, row.row(), row.line(), "classes", null, "the row has no 'classes'");
            return null;
        }
        ClassesParser.Parsed parsed = ClassesParser.parse(row.fields().get("classes"));
        if (!parsed.ok()) {
            findings.error(Check.CLASSES_INVALID, part, row.row(), row.line(), "classes", null,
                    "classes cannot be read as a list: " + parsed.error());
            return null;
        }
        if (parsed.curlyQuotesRepaired()) {
            findings.warn(Check.CURLY_QUOTES_REPAIRED, part, row.row(), row.line(), "classes",
                    "classes used curly quotes; read as " + parsed.items());
        }
        List<String> classes = new ArrayList<>();
        boolean fine = true;
        for (int i = 0; i < parsed.items().size(); i++) {
            Object item = parsed.items().get(i);
            if (item instanceof PythonListLiteral.NonString other) {
                findings.error(Check.CLASS_NOT_STRING, part, row.row(), row.line(), "classes", null,
                        "class " + i + " is not a string: " + other.source());
                fine = false;
            } else if (!storable(row, "classes", item, "class " + i)) {
                fine = false;
            } else if (((String) item).isEmpty()) {
                findings.error(Check.CLASS_EMPTY, part, row.row(), row.line(), "classes", null, "class " + i + " is empty");
                fine = false;
            } else {
                classes.add((String) item);
            }
        }
        if (parsed.items().size() < 2) {
            findings.error(Check.CLASSES_TOO_FEW, part, row.row(), row.line(), "classes", null,
                    "the row has " + parsed.items().size() + " class" + (parsed.items().size() == 1 ? "" : "es") + "; at least 2 are needed");
            fine = false;
        } else if (taskType.isLogodds() && parsed.items().size() != 2) {
            findings.error(Check.LOGODDS_CLASS_COUNT, part, row.row(), row.line(), "classes", null,
                    "the row has " + parsed.items().size() + " classes; " + taskType.id() + " needs exactly 2");
            fine = false;
        }
        return fine ? List.copyOf(classes) : null;
    }

    /**
     * Reports text the contest cannot keep exactly as written (a NUL, half of a surrogate pair), which escapes in JSON
     * or in a Python literal can produce although the file itself is clean UTF-8; false when it did.
     */
    private boolean storable(Row row, String column, Object value, String what) {
        var problem = StorableText.checkValue(value);
        problem.ifPresent(p -> findings.error(
                p.kind() == StorableText.Kind.NUL ? Check.NUL_CHARACTER : Check.UNPAIRED_SURROGATE, part, row.row(),
                row.line(), printable(column), null, what + " holds " + p.describe()));
        return problem.isEmpty();
    }

    /** A column name fit to show even when it is the problem. */
    private static String printable(String column) {
        StringBuilder out = new StringBuilder();
        column.codePoints().forEach(c -> {
            if (c == 0 || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private Integer answerIndex(Row row, List<String> classes) {
        if (!row.fields().containsKey("answer_index")) {
            findings.error(Check.MISSING_COLUMN, part, row.row(), row.line(), "answer_index", null, "the row has no 'answer_index'");
            return null;
        }
        Object value = row.fields().get("answer_index");
        Integer index = wholeNumber(value);
        if (index == null) {
            findings.error(Check.ANSWER_INDEX_INVALID, part, row.row(), row.line(), "answer_index", null,
                    "answer_index must be a whole number, found " + (value == null ? "null" : describe(value)));
            return null;
        }
        if (classes != null && (index < 0 || index >= classes.size())) {
            findings.error(Check.ANSWER_INDEX_OUT_OF_RANGE, part, row.row(), row.line(), "answer_index", null,
                    "answer_index is " + index + " but the row has " + classes.size() + " classes (valid: 0 to "
                            + (classes.size() - 1) + ")");
            return null;
        }
        return index;
    }

    private static Integer wholeNumber(Object value) {
        BigDecimal number;
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            number = new BigDecimal(value.toString());
        } else if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            // JSON like 1e400 reads as infinity
            return null;
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            number = new BigDecimal(value.toString());
        } else if (value instanceof String s && s.strip().matches("[+-]?\\d+(\\.0*)?")) {
            // pandas writes integer columns that once held a NaN as "1.0"
            number = new BigDecimal(s.strip());
        } else {
            return null;
        }
        try {
            return number.stripTrailingZeros().scale() <= 0 ? number.intValueExact() : null;
        } catch (ArithmeticException tooLarge) {
            return null;
        }
    }

    private void warnAboutGluing(Row row, String prompt, String otherPrompt, List<String> classes, String completion) {
        if (prompt.isEmpty()) {
            findings.warn(Check.PROMPT_EMPTY, part, row.row(), row.line(), "prompt", "the prompt is empty");
        } else if (Character.isWhitespace(prompt.charAt(prompt.length() - 1))) {
            findings.warn(Check.PROMPT_TRAILING_WHITESPACE, part, row.row(), row.line(), "prompt",
                    "the prompt ends with whitespace: …" + tail(prompt) + "");
        }
        if (otherPrompt != null && !otherPrompt.isEmpty() && Character.isWhitespace(otherPrompt.charAt(otherPrompt.length() - 1))) {
            findings.warn(Check.PROMPT_TRAILING_WHITESPACE, part, row.row(), row.line(), OTHER_PROMPT,
                    "other_prompt ends with whitespace: …" + tail(otherPrompt));
        }
        if (classes != null) {
            for (int i = 0; i < classes.size(); i++) {
                if (!Character.isWhitespace(classes.get(i).charAt(0))) {
                    findings.warn(Check.CLASS_NO_LEADING_SPACE, part, row.row(), row.line(), "classes",
                            "class " + i + " " + quoted(classes.get(i)) + " does not begin with a space, so the model reads …"
                                    + tail(prompt) + classes.get(i));
                    break;
                }
            }
            if (classes.stream().distinct().count() < classes.size()) {
                findings.warn(Check.CLASSES_IDENTICAL, part, row.row(), row.line(), "classes",
                        "two classes are identical: " + classes.stream().map(ExampleReader::quoted).toList());
            }
        }
        if (completion != null && !Character.isWhitespace(completion.charAt(0))) {
            findings.warn(Check.COMPLETION_NO_LEADING_SPACE, part, row.row(), row.line(), "completion",
                    "the completion does not begin with a space, so the model reads …" + tail(prompt) + completion);
        }
    }

    private Map<String, String> extras(Map<String, Object> fields) {
        Map<String, String> extras = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String name = field.getKey();
            if (isIndexColumn(name) || taskType.requiredColumns().contains(name)
                    || (taskType.isLogodds() && name.equals(BIASED_PROMPT))) {
                continue;
            }
            Object value = field.getValue();
            extras.put(name, value == null || value instanceof String ? (String) value : JSON.writeValueAsString(value));
        }
        return extras;
    }

    /** The unnamed leading index column pandas writes ("" in the header, "Unnamed: 0" once read back). */
    static boolean isIndexColumn(String name) {
        return name.isEmpty() || name.matches("Unnamed: \\d+");
    }

    private static List<String> named(List<String> columns) {
        return columns.stream().map(c -> isIndexColumn(c) ? "(index)" : "'" + c + "'").toList();
    }

    private static String describe(Object value) {
        String text = value instanceof String s ? "'" + s + "'" : String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static String tail(String prompt) {
        String visible = prompt.length() > 30 ? prompt.substring(prompt.length() - 30) : prompt;
        return visible.replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String quoted(String value) {
        return "'" + value.replace("\n", "\\n") + "'";
    }
}
