package org.ladderboard.app.submission;

import java.time.Instant;

/**
 * A submission the round does not take now: closed, or a daily cap reached. {@code retryAt} says when it may be
 * tried again (null when it may not).
 */
public class SubmissionRefusedException extends RuntimeException {

    public enum Reason { ROUND_CLOSED, DAILY_LIMIT, FAILED_LIMIT }

    private final Reason reason;
    private final Instant retryAt;

    SubmissionRefusedException(Reason reason, String message, Instant retryAt) {
        super(message);
        this.reason = reason;
        this.retryAt = retryAt;
    }

    public Reason reason() {
        return reason;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
