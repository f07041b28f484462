package org.ladderboard.app.submission;

import java.time.Instant;

/**
 * A submission the round does not take now: closed, a daily cap reached, or a ladder that cannot score. {@code
 * retryAt} says when it may be tried again (null when it may not, or no one knows).
 */
public class SubmissionRefusedException extends RuntimeException {

    public enum Reason { ROUND_CLOSED, DAILY_LIMIT, FAILED_LIMIT, LADDER_UNAVAILABLE }

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
