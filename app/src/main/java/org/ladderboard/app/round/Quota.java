package org.ladderboard.app.round;

import java.time.Instant;

/**
 * Where a contestant stands today in a round. Both counts reset at {@code resetsAt} (midnight UTC).
 *
 * @param used       accepted submissions today
 * @param failed     rejected uploads and failed scorings today
 */
public record Quota(int limit, int used, int failedLimit, int failed, Instant resetsAt) {

    public int remaining() {
        return Math.max(0, limit - used);
    }

    public boolean exhausted() {
        return used >= limit;
    }

    public boolean failedCapReached() {
        return failed >= failedLimit;
    }
}
