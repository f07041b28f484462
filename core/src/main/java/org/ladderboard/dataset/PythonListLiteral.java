package org.ladderboard.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Python list (or tuple) literal the way {@code ast.literal_eval} reads the prize's {@code classes} column:
 * single, double and triple quotes, {@code r}/{@code u} prefixes, backslash escapes, implicit concatenation of
 * adjacent strings, a trailing comma. Items that are not strings (numbers, {@code None}, …) are returned as
 * {@link NonString} so the validator can say which one is wrong.
 */
public final class PythonListLiteral {

    /** An item that is not a string literal, kept as its source text. */
    public record NonString(String source) {
    }

    /** The literal is not a list of literals; {@code offset} is 0-based into the text. */
    public static final class SyntaxError extends Exception {
        private final int offset;

        SyntaxError(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    private final String text;
    private int pos;

    private PythonListLiteral(String text) {
        this.text = text;
    }

    /** The list's items: {@link String} for string literals, {@link NonString} for anything else. */
    public static List<Object> parse(String text) throws SyntaxError {
        return new PythonListLiteral(text).list();
    }

    private List<Object> list() throws SyntaxError {
        skipSpace();
        if (pos >= text.length() || (peek() != '[' && peek() != '(')) {
            throw new SyntaxError("expected a list starting with '['", pos);
        }
        char close = peek() == '[' ? ']' : ')';
        pos++;
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                throw new SyntaxError("the list is never closed with '" + close + "'", pos);
            }
            if (peek() == close) {
                pos++;
                break;
            }
            items.add(item(close));
            skipSpace();
            if (pos >= text.length()) {
                throw new SyntaxError("the list is never closed with '" + close + "'", pos);
            } else if (peek() == ',') {
                pos++;
            } else if (peek() != close) {
                throw new SyntaxError("expected ',' or '" + close + "' after item " + items.size(), pos);
            }
        }
        skipSpace();
        if (pos < text.length()) {
            throw new SyntaxError("unexpected text after the closing '" + close + "'", pos);
        }
        return items;
    }

    private Object item(char close) throws SyntaxError {
        if (startsString()) {
            StringBuilder joined = new StringBuilder();
            do {
                joined.append(string());
                skipSpace();
            } while (startsString());
            return joined.toString();
        }
        int start = pos;
        int depth = 0;
        while (pos < text.length()) {
            char c = peek();
            if (c == '[' || c == '(' || c == '{') {
                depth++;
            } else if (c == ']' || c == ')' || c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
            pos++;
        }
        String source = text.substring(start, pos).strip();
        if (source.isEmpty()) {
            throw new SyntaxError("expected an item", start);
        }
        return new NonString(source);
    }

    private boolean startsString() {
        int p = pos;
        while (p < text.length() && p - pos < 2 && "rRuUbBfF".indexOf(text.charAt(p)) >= 0) {
            p++;
        }
        return p < text.length() && (text.charAt(p) == '\'' || text.charAt(p) == '"');
    }

    private String string() throws SyntaxError {
        int start = pos;
        boolean raw = false;
        while ("rRuUbBfF".indexOf(peek()) >= 0) {
            char prefix = Character.toLowerCase(peek());
            if (prefix == 'b' || prefix == 'f') {
                throw new SyntaxError(prefix == 'b' ? "bytes literals (b'…') are not text" : "f-strings are not literals", pos);
            }
            raw |= prefix == 'r';
            pos++;
        }
        char quote = peek();
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += triple ? 3 : 1;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new SyntaxError("the string starting here is never closed", start);
            }
            char c = peek();
            if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), pos))) {
                pos += triple ? 3 : 1;
                return out.toString();
            }
            if ((c == '\n' || c == '\r') && !triple) {
                throw new SyntaxError("a line break inside a quoted string must be written as \\n", pos);
            }
            if (c == '\\') {
                escape(out, raw);
                continue;
            }
            out.append(c);
            pos++;
        }
    }

    private void escape(StringBuilder out, boolean raw) throws SyntaxError {
        int at = pos;
        if (pos + 1 >= text.length()) {
            throw new SyntaxError("a backslash ends the text", at);
        }
        char e = text.charAt(pos + 1);
        if (raw) {
            // raw strings keep the backslash; it only stops a following quote from closing the string
            out.append('\\').append(e);
            pos += 2;
            return;
        }
        pos += 2;
        switch (e) {
            case '\n' -> { }
            case '\\', '\'', '"' -> out.append(e);
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000b');
            case 'x' -> out.appendCodePoint(hex(2, at));
            case 'u' -> out.appendCodePoint(hex(4, at));
            case 'U' -> out.appendCodePoint(hex(8, at));
            case 'N' -> throw new SyntaxError("named escapes (\\N{…}) are not supported: write the character itself", at);
            default -> {
                if (e >= '0' && e <= '7') {
                    int value = e - '0';
                    for (int i = 0; i < 2 && pos < text.length() && peek() >= '0' && peek() <= '7'; i++) {
                        value = value * 8 + (text.charAt(pos++) - '0');
                    }
                    out.append((char) value);
                } else {
                    // Python keeps unknown escapes as written
                    out.append('\\').append(e);
                }
            }
        }
    }

    private int hex(int digits, int at) throws SyntaxError {
        if (pos + digits > text.length()) {
            throw new SyntaxError("truncated \\x/\\u escape", at);
        }
        try {
            int cp = Integer.parseUnsignedInt(text.substring(pos, pos + digits), 16);
            if (!Character.isValidCodePoint(cp)) {
                throw new SyntaxError("escape names no character", at);
            }
            pos += digits;
            return cp;
        } catch (NumberFormatException e) {
            throw new SyntaxError("bad hexadecimal digits in escape", at);
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(peek())) {
            pos++;
        }
    }
}
