package org.ladderboard.app.award;

import java.util.Arrays;
import java.util.Optional;

/** A winner's prize tier, grand first, as forms and the {@code winner} table spell it. */
public enum PrizeTier {
    GRAND("grand"), SECOND("second"), THIRD("third");

    private final String id;

    PrizeTier(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<PrizeTier> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
