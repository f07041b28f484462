package org.ladderboard.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The trend-shape verdict names of docs/verdict.md, as files, pages and the database spell them. */
public enum Shape {
    INVERSE("inverse"),
    STANDARD("standard"),
    U_SHAPED("u_shaped"),
    INVERTED_U("inverted_u"),
    FLAT("flat"),
    INCONCLUSIVE("inconclusive"),
    /** Too few models or examples to say: a judge cannot choose it. */
    INSUFFICIENT("insufficient");

    private final String id;

    Shape(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The verdicts a judge may give in place of the computed one. */
    public static List<Shape> judgeChoices() {
        return Arrays.stream(values()).filter(s -> s != INSUFFICIENT).toList();
    }

    public static Optional<Shape> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
