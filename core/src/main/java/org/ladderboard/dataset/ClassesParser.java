package org.ladderboard.dataset;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@code classes} cell into its items: a Python list literal (the prize's own files), a JSON array string,
 * or, in JSONL, a real JSON array. Curly quotes typed by spreadsheets are repaired when that is what broke the
 * literal, and the repair is reported so the contestant can fix the source.
 */
public final class ClassesParser {

    /** Items are {@link String} or {@link PythonListLiteral.NonString}; {@code error} is set when nothing parsed. */
    public record Parsed(List<Object> items, boolean curlyQuotesRepaired, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    // a curly quote right after '[', '(' or ',' opens an item; right before ',', ']' or ')' closes one
    private static final Pattern CURLY_OPEN = Pattern.compile("([\\[(,]\\s*)[‘’“”]");
    private static final Pattern CURLY_CLOSE = Pattern.compile("[‘’“”](\\s*[,\\])])");

    private ClassesParser() {
    }

    public static Parsed parse(Object cell) {
        if (cell instanceof List<?> list) {
            return new Parsed(List.copyOf(list.stream().map(ClassesParser::jsonItem).toList()), false, null);
        }
        if (!(cell instanceof String text)) {
            return new Parsed(null, false, "classes must be a list such as \"[' Yes', ' No']\"");
        }
        PythonListLiteral.SyntaxError pythonError;
        try {
            return new Parsed(PythonListLiteral.parse(text), false, null);
        } catch (PythonListLiteral.SyntaxError e) {
            pythonError = e;
        }
        try {
            List<?> json = JSON.readValue(text, List.class);
            return new Parsed(json.stream().map(ClassesParser::jsonItem).toList(), false, null);
        } catch (RuntimeException notJson) {
            // fall through to the curly-quote repair, then report the Python reading's error
        }
        if (text.chars().anyMatch(c -> "‘’“”".indexOf(c) >= 0)) {
            for (String repaired : List.of(repairDelimiters(text), repairAll(text))) {
                try {
                    return new Parsed(PythonListLiteral.parse(repaired), true, null);
                } catch (PythonListLiteral.SyntaxError ignored) {
                    // try the next, blunter repair
                }
            }
        }
        return new Parsed(null, false, pythonError.getMessage() + " (at character " + (pythonError.offset() + 1) + ")");
    }

    private static Object jsonItem(Object item) {
        return item instanceof String s ? s : new PythonListLiteral.NonString(String.valueOf(item));
    }

    private static String repairDelimiters(String text) {
        String opened = replace(CURLY_OPEN.matcher(text), true);
        return replace(CURLY_CLOSE.matcher(opened), false);
    }

    private static String replace(Matcher m, boolean quoteAfterGroup) {
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            char curly = m.group().charAt(quoteAfterGroup ? m.group().length() - 1 : 0);
            String straight = (curly == '‘' || curly == '’') ? "'" : "\"";
            String replacement = quoteAfterGroup ? m.group(1) + straight : straight + m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String repairAll(String text) {
        return text.replace('‘', '\'').replace('’', '\'').replace('“', '"').replace('”', '"');
    }
}
