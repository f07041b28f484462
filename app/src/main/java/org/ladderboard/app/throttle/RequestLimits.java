package org.ladderboard.app.throttle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-address budgets ({@code ladderboard.limits.*}) for what anyone can ask without an account: the quick check of
 * an upload ({@code POST /api/validate}, seconds of CPU each) and registering an account. A campus or an office
 * shares one address, so they are generous for people and tight for scripts.
 */
@ConfigurationProperties(prefix = "ladderboard.limits")
public record RequestLimits(@DefaultValue Limit validate, @DefaultValue Limit registration) {

    /** {@code requests} per {@code per}, refilling evenly. */
    public record Limit(@DefaultValue("30") int requests, @DefaultValue("PT10M") Duration per) {

        public AddressRateLimit perAddress() {
            return new AddressRateLimit(requests, per);
        }
    }
}
