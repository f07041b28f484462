package org.ladderboard.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The verdicts a ladder can get: the code that files, the API and the database carry, and the words people read.
 * Every page, chart title and filter takes its words from here.
 */
public enum TrendShape {
    INVERSE("inverse", "Inverse scaling"),
    STANDARD("standard", "Standard scaling"),
    U_SHAPED("u_shaped", "U-shaped"),
    INVERTED_U("inverted_u", "Inverted U"),
    FLAT("flat", "Flat"),
    INCONCLUSIVE("inconclusive", "Inconclusive"),
    INSUFFICIENT("insufficient", "Not enough models");

    private final String code;
    private final String label;

    TrendShape(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** As in files and the API, e.g. {@code u_shaped}. */
    public String code() {
        return code;
    }

    /** As people read it, e.g. "U-shaped". */
    public String label() {
        return label;
    }

    /** The verdicts a judge can choose, or filter a leaderboard by: all but "not enough models". */
    public static List<TrendShape> choices() {
        return Arrays.stream(values()).filter(s -> s != INSUFFICIENT).toList();
    }

    public static Optional<TrendShape> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** The label of a code; an unknown code is shown as it is rather than hidden. */
    public static String labelOf(String code) {
        return code == null ? "" : fromCode(code).map(TrendShape::label).orElse(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
