package org.ladderboard.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void failuresExpireOutOfTheWindowOneByOne() {
        HandClock clock = new HandClock();
        LoginThrottle throttle = new LoginThrottle(3, 100, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blockedFor("a@x", "1.1.1.1")).isEmpty();
            throttle.failed("a@x", "1.1.1.1");
            clock.now = clock.now.plus(Duration.ofMinutes(1));
        }
        // failures at 0, 1 and 2 minutes; now 3 minutes: the first leaves the window at 15
        assertThat(throttle.blockedFor("a@x", "2.2.2.2")).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofMinutes(12), Duration.ofMinutes(12).plusSeconds(1)));
        assertThat(throttle.blockedFor("b@x", "1.1.1.1")).isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(12));
        assertThat(throttle.blockedFor("a@x", "1.1.1.1")).isEmpty();
    }

    @Test
    void theRightPasswordClearsTheAccountButNotTheAddress() {
        HandClock clock = new HandClock();
        LoginThrottle throttle = new LoginThrottle(2, 2, Duration.ofMinutes(15), clock);
        throttle.failed("a@x", "9.9.9.9");
        throttle.failed("a@x", "9.9.9.9");
        throttle.succeeded("a@x");
        assertThat(throttle.blockedFor("a@x", "8.8.8.8")).isEmpty();
        assertThat(throttle.blockedFor("c@x", "9.9.9.9")).isPresent();
    }
}
