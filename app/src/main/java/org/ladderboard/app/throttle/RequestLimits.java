package org.ladderboard.app.throttle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-address bounds ({@code ladderboard.limits.*}) on what anyone can ask without an account: the quick check of an
 * upload ({@code POST /api/validate}, seconds of CPU each), registering an account, and request bodies being
 * received at once ({@link RequestBodyLimit}). A campus or an office shares one address, so they are generous for
 * people and tight for scripts.
 */
@ConfigurationProperties(prefix = "ladderboard.limits")
public record RequestLimits(@DefaultValue Limit validate, @DefaultValue Limit registration,
                            @DefaultValue("16") int bodiesPerAddress, @DefaultValue("100") int bodiesInAll) {

    /** {@code requests} per {@code per}, refilling evenly. */
    public record Limit(@DefaultValue("30") int requests, @DefaultValue("PT10M") Duration per) {

        public AddressRateLimit perAddress() {
            return new AddressRateLimit(requests, per);
        }
    }
}
