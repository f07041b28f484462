package org.ladderboard.dataset;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for text the contest keeps: PostgreSQL's text and jsonb cannot hold a NUL character, and an unpaired
 * UTF-16 surrogate (half of an emoji, say, from a JSON {@code "\ud83d"} or a Python {@code '\ud83d'} escape) is not a
 * character at all: the database driver would write it as {@code ?}, so the scored text would differ from the upload.
 * Validation reports these with their place; storage calls the same rule before writing, so the two cannot disagree.
 */
public final class StorableText {

    /** What is wrong, and where: {@code index} is 0-based into the text. */
    public record Problem(Kind kind, int index, char character) {

        /** "a NUL character (U+0000) at character 5", for messages. */
        public String describe() {
            return kind.words + " (U+" + String.format("%04X", (int) character) + ") at character " + (index + 1);
        }
    }

    public enum Kind {
        NUL("a NUL character"),
        UNPAIRED_SURROGATE("half of a surrogate pair, which is not a character");

        private final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    private StorableText() {
    }

    /** The first character that cannot be stored as written, if any. */
    public static Optional<Problem> check(CharSequence text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return Optional.of(new Problem(Kind.NUL, i, c));
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of(new Problem(Kind.UNPAIRED_SURROGATE, i, c));
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of(new Problem(Kind.UNPAIRED_SURROGATE, i, c));
            }
        }
        return Optional.empty();
    }

    /** The first problem in a value read from JSON: its strings, map keys and nested lists and maps. */
    public static Optional<Problem> checkValue(Object value) {
        if (value instanceof CharSequence text) {
            return check(text);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Optional<Problem> found = checkValue(entry.getKey()).or(() -> checkValue(entry.getValue()));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                Optional<Problem> found = checkValue(item);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * For storage: fails if validation let through text it should have refused. Reaching this is a bug, never
     * bad input, so it is an {@link IllegalStateException}.
     */
    public static void require(String what, Object value) {
        checkValue(value).ifPresent(problem -> {
            throw new IllegalStateException(what + " holds " + problem.describe() + " that validation should have refused");
        });
    }
}
