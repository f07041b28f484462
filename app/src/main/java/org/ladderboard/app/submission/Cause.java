package org.ladderboard.app.submission;

import java.util.Arrays;
import java.util.Optional;

/** The hypothesised cause of inverse scaling, as the prize's paper grouped the winners. */
public enum Cause {
    STRONG_PRIOR("strong_prior", "Strong prior"),
    UNWANTED_IMITATION("unwanted_imitation", "Unwanted imitation"),
    DISTRACTOR_TASK("distractor_task", "Distractor task"),
    SPURIOUS_FEW_SHOT("spurious_few_shot", "Spurious few-shot"),
    OTHER("other", "Other");

    private final String id;
    private final String label;

    Cause(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<Cause> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
