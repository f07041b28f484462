package org.ladderboard.app.errors;

import java.util.List;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Why a JSON request body could not be read, in words a script's author can act on: the field (as a path such as
 * {@code shots[1]}) and what was wrong with it, or where the text stopped being JSON. The parser's own message names
 * its classes, features and source redaction, which mean nothing to the caller.
 */
final class UnreadableJson {

    private UnreadableJson() {
    }

    static String describe(JacksonException e) {
        String field = field(e.getPath());
        String where = where(e.getLocation());
        if (e instanceof UnexpectedEndOfInputException) {
            return "the JSON ends before it is complete" + where;
        }
        if (e instanceof StreamConstraintsException) {
            return "the JSON is nested too deeply, or a value is too long" + where;
        }
        if (e instanceof InputCoercionException) {
            return (field.isEmpty() ? "a number" : field + ": the number") + " is out of range" + where;
        }
        if (e instanceof InvalidFormatException f) {
            return (field.isEmpty() ? "a value" : field + ":") + " “" + f.getValue() + "” is not "
                    + kind(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return (field.isEmpty() ? "the body" : field + ":") + " should be " + kind(m.getTargetType());
        }
        if (e instanceof StreamReadException) {
            return "the body is not valid JSON" + where;
        }
        return "the body does not have the shape this operation takes (see its entry in the API document)";
    }

    /** {@code shots[1]}, {@code scores.strength}; empty at the top level. */
    private static String field(List<JacksonException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference r : path == null ? List.<JacksonException.Reference>of() : path) {
            if (r.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "" : "“" + out + "”";
    }

    private static String where(TokenStreamLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(type) || java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == java.time.Instant.class) {
            return "a time such as 2026-12-01T00:00:00Z";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(Locale.ROOT)).toList());
        }
        return "an object";
    }
}
