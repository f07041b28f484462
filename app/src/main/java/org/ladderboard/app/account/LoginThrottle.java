package org.ladderboard.app.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client address over a sliding window, so a password cannot be guessed
 * faster than a few tries a quarter hour. Both counts matter: one stops guessing at one account from many addresses,
 * the other one address spraying many accounts. The address limit is higher because a campus shares one address.
 * Kept in memory: a restart forgets, which costs an attacker a restart they cannot cause.
 */
@Component
public class LoginThrottle {

    /** Bounds memory under a spray of made-up emails: expired entries are dropped when the map grows past this. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Autowired
    public LoginThrottle(@Value("${ladderboard.login.max-failures-per-account:5}") int perAccount,
                         @Value("${ladderboard.login.max-failures-per-address:50}") int perAddress,
                         @Value("${ladderboard.login.window:PT15M}") Duration window) {
        this(perAccount, perAddress, window, Clock.systemUTC());
    }

    LoginThrottle(int perAccount, int perAddress, Duration window, Clock clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    /** How long until the next try is allowed, or empty when it is allowed now. */
    public Optional<Duration> blockedFor(String email, String address) {
        Instant now = clock.instant();
        Optional<Duration> account = wait("account:" + email, perAccount, now);
        Optional<Duration> client = address == null ? Optional.empty() : wait("address:" + address, perAddress, now);
        if (account.isPresent() && client.isPresent()) {
            return Optional.of(account.get().compareTo(client.get()) > 0 ? account.get() : client.get());
        }
        return account.isPresent() ? account : client;
    }

    public void failed(String email, String address) {
        Instant now = clock.instant();
        record("account:" + email, now);
        if (address != null) {
            record("address:" + address, now);
        }
        if (failures.size() > PRUNE_ABOVE) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    expire(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
    }

    /** The right password clears the account's count; the address keeps its count, so one good account does not launder a spray. */
    public void succeeded(String email) {
        failures.remove("account:" + email);
    }

    private Optional<Duration> wait(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            expire(times, now);
            if (times.size() < limit) {
                return Optional.empty();
            }
            // allowed again when enough of the oldest failures leave the window
            Instant freed = times.stream().skip(times.size() - limit).findFirst().orElseThrow().plus(window);
            return Optional.of(Duration.between(now, freed).plusSeconds(1));
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            times.addLast(now);
        }
    }

    private void expire(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
    }
}
