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
        List<Object> python = null;
        PythonListLiteral.SyntaxError pythonError = null;
        try {
            python = PythonListLiteral.parse(text);
        } catch (PythonListLiteral.SyntaxError e) {
            pythonError = e;
        }
        boolean curly = text.chars().anyMatch(c -> "‘’“”".indexOf(c) >= 0);
        if (python != null && (allStrings(python) || !curly)) {
            return new Parsed(python, false, null);
        }
        try {
            List<?> json = JSON.readValue(text, List.class);
            return new Parsed(json.stream().map(ClassesParser::jsonItem).toList(), false, null);
        } catch (RuntimeException notJson) {
            // fall through to the curly-quote repair
        }
        if (curly) {
            // a curly-quoted item reads as a bare (non-string) item, or breaks the literal: repair, then re-read
            for (String repaired : List.of(repairDelimiters(text), repairAll(text))) {
                try {
                    List<Object> items = PythonListLiteral.parse(repaired);
                    if (allStrings(items)) {
                        return new Parsed(items, true, null);
                    }
                } catch (PythonListLiteral.SyntaxError ignored) {
                    // try the next, blunter repair
                }
            }
        }
        if (python != null) {
            // readable, but with items that are not strings: the validator names them
            return new Parsed(python, false, null);
        }
        return new Parsed(null, false, pythonError.getMessage() + " (at character " + (pythonError.offset() + 1) + ")");
    }

    private static boolean allStrings(List<Object> items) {
        return items.stream().allMatch(String.class::isInstance);
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
