package org.ladderboard.app.throttle;

import java.time.Duration;

/** A request over its address's budget: answered 429 with {@code Retry-After} and the message. */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(Duration retryAfter, String message) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
