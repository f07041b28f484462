package org.ladderboard.app.account;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API token may do, on top of what its account's role allows. A read-only token for a results dashboard
 * cannot upload or cancel if it leaks; only a {@code manage} token can change a round, a review or a winner.
 */
public enum TokenScope {
    /** GET anything under /api the account may see. */
    READ("read"),
    /** Upload submissions and cancel them. */
    SUBMIT("submit"),
    /**
     * Organizers' and judges' writes: rounds, the leaderboard's visibility, re-scoring, reviews, winners, exports,
     * queue retries (their role decides which of these they may do).
     */
    MANAGE("manage");

    private final String value;

    TokenScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The Spring Security authority a request carries when its token has this scope. */
    public String authority() {
        return "SCOPE_" + value;
    }

    /** Parses the stored comma-separated form; an unknown word is an error, never ignored. */
    public static Set<TokenScope> parse(String stored) {
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        for (String word : stored.split(",")) {
            if (!word.isBlank()) {
                scopes.add(Arrays.stream(values()).filter(s -> s.value.equals(word.trim())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown token scope: " + word.trim())));
            }
        }
        return scopes;
    }

    public static String format(Set<TokenScope> scopes) {
        return scopes.stream().sorted().map(TokenScope::value).collect(Collectors.joining(","));
    }
}
