package org.ladderboard.app.round;

import java.time.Instant;

/**
 * One ladder of a round with its held-out state: a held-out ladder's results are for judges and organizers until
 * {@code releasedAt} is set (see {@link LadderVisibility}).
 */
public record RoundLadder(long roundId, String ladder, boolean heldOut, Instant releasedAt) {

    /** Held out and not yet released: its results are private now. */
    public boolean isPrivate() {
        return heldOut && releasedAt == null;
    }

    public boolean isReleased() {
        return releasedAt != null;
    }
}
