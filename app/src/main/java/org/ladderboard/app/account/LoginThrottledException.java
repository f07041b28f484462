package org.ladderboard.app.account;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins: the password was not even checked. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("too many failed sign-ins: try again in " + Math.max(1, (retryAfter.toSeconds() + 59) / 60) + " minutes");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
