package org.ladderboard.analysis;

import java.util.Arrays;
import java.util.Optional;

/** How monotonic an inverse or standard trend is: the code files and the API carry, and the words people read. */
public enum TrendStrength {
    /** Every consecutive difference has the trend's sign with its interval excluding 0. */
    STRICT("strict", "strictly monotonic"),
    /** Every consecutive mean difference has the trend's sign. */
    MONOTONIC("monotonic", "monotonic"),
    /** The slope is clear but some step goes against it (the prize rubric's "approximately monotonic"). */
    APPROXIMATE("approximate", "approximately monotonic");

    private final String code;
    private final String label;

    TrendStrength(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<TrendStrength> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** The label of a code, "" for none; an unknown code is shown as it is rather than hidden. */
    public static String labelOf(String code) {
        return code == null ? "" : fromCode(code).map(TrendStrength::label).orElse(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
