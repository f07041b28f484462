package org.ladderboard.app.round;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A round's few-shot sweep as an organizer asks for it: the K's (numbers of demonstrations) every submission is also
 * scored with, and the seed that draws them. K = 0, the dataset as uploaded, is always scored; a sweep without any
 * K &gt; 0 is no sweep. {@link #check} says, in words, what is wrong with a request.
 */
public record FewShotSweep(List<Integer> shots, Long seed) {

    /** The most K's a sweep may have (each is one more job per model), and the largest K. */
    public static final int MAX_VALUES = 8;
    public static final int MAX_SHOTS = 64;

    /** No sweep: zero-shot only. */
    public static final FewShotSweep NONE = new FewShotSweep(List.of(), null);

    /** The sweep as stored: its K's sorted, K = 0 added; no K &gt; 0 means none (and no seed). */
    public FewShotSweep {
        List<Integer> sorted = new ArrayList<>(new java.util.TreeSet<>(shots));
        if (sorted.stream().noneMatch(k -> k > 0)) {
            sorted = List.of();
            seed = null;
        } else if (!sorted.contains(0)) {
            sorted.add(0, 0);
        }
        shots = List.copyOf(sorted);
    }

    public boolean isSweep() {
        return !shots.isEmpty();
    }

    /** "K = 0, 1, 2, 4; seed 1234", or "none". */
    public String describe() {
        if (!isSweep()) {
            return "none";
        }
        return "K = " + String.join(", ", shots.stream().map(String::valueOf).toList())
                + (seed == null ? "; default seed" : "; seed " + seed);
    }

    /**
     * What is wrong with these K's, each in a sentence (empty when nothing is): a K below 0, one given twice, too many,
     * or one too large for {@code smallestPart} examples (a demonstration is another example of the same part, so a
     * part of n examples offers at most n - 1). {@code smallestPartName} says where that part is.
     */
    public static List<String> check(List<Integer> shots, int smallestPart, String smallestPartName) {
        List<String> problems = new ArrayList<>();
        if (shots == null) {
            problems.add("give the K's as a list of whole numbers, e.g. [0, 1, 2, 4]");
            return problems;
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer k : shots) {
            if (k == null) {
                problems.add("a K is empty; give whole numbers of 0 or more");
            } else if (k < 0) {
                problems.add("K = " + k + " is below 0; a K is a number of demonstrations, 0 or more");
            } else if (!seen.add(k)) {
                problems.add("K = " + k + " is given twice");
            } else if (k > MAX_SHOTS) {
                problems.add("K = " + k + " is more than " + MAX_SHOTS + " demonstrations; such prompts do not fit any "
                        + "ladder's context");
            } else if (k >= smallestPart) {
                problems.add(String.format(Locale.ROOT, "K = %d is too large: %s has %d examples, so at most %d others "
                        + "can be drawn as demonstrations", k, smallestPartName, smallestPart, smallestPart - 1));
            }
        }
        if (seen.size() > MAX_VALUES) {
            problems.add("a sweep has at most " + MAX_VALUES + " K's; " + seen.size() + " were given");
        }
        return problems;
    }

    /**
     * The round form's text ("0, 1, 2, 4", blank for none) as K's; what cannot be read is a problem named in
     * {@code problems}, and gives null.
     */
    public static List<Integer> parse(String text, List<String> problems) {
        List<Integer> shots = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return shots;
        }
        for (String piece : text.split("[,\\s]+")) {
            if (piece.isEmpty()) {
                continue;
            }
            try {
                shots.add(Integer.parseInt(piece));
            } catch (NumberFormatException e) {
                problems.add("few-shot K's: '" + piece + "' is not a whole number; write them like 0, 1, 2, 4");
                return null;
            }
        }
        return shots;
    }

    /** The round form's seed text (blank for the default seed); unreadable text is a problem, and gives null. */
    public static Long parseSeed(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            problems.add("few-shot seed: '" + text.strip() + "' is not a whole number");
            return null;
        }
    }
}
