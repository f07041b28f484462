package org.ladderboard.app.throttle;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * So many requests of one kind per client address per period (a token bucket that refills evenly), for requests
 * that are cheap to send and dear to serve. Kept in memory and bounded: an address idle for a period is forgotten.
 */
public final class AddressRateLimit {

    private static final int ADDRESSES_KEPT = 100_000;

    private final int requests;
    private final Duration per;
    private final Cache<String, Bucket> buckets;

    public AddressRateLimit(int requests, Duration per) {
        this.requests = requests;
        this.per = per;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(per).maximumSize(ADDRESSES_KEPT).build();
    }

    /** Takes one request from the address's budget; when none is left, how long until one is. */
    public Optional<Duration> take(String address) {
        Bucket bucket = buckets.get(address == null ? "" : address, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(requests).refillGreedy(requests, per).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(1).withNanos(0));
    }

    /** Like {@link #take}, refusing with {@link TooManyRequestsException} (a 429) that says what and when. */
    public void takeOrRefuse(String address, String what) {
        Optional<Duration> wait = take(address);
        if (wait.isPresent()) {
            throw new TooManyRequestsException(wait.get(), "too many " + what + " from your address (at most "
                    + requests + " per " + words(per) + "): try again in " + words(wait.get()));
        }
    }

    /** "40 s", "12 min", "2 h": for messages. */
    public static String words(Duration d) {
        long seconds = Math.max(1, d.toSeconds());
        if (seconds < 120) {
            return seconds + " s";
        }
        long minutes = (seconds + 59) / 60;
        return minutes < 120 ? minutes + " min" : (minutes + 59) / 60 + " h";
    }
}
