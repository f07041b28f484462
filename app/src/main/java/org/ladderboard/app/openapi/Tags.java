package org.ladderboard.app.openapi;

/** The OpenAPI document's groups of operations, as each feature's controller names its own. */
public final class Tags {

    public static final String SUBMISSIONS = "Submissions";
    public static final String VALIDATION = "Validation";
    public static final String ROUNDS = "Rounds";
    public static final String LEADERBOARD = "Leaderboard";
    public static final String REVIEWS = "Reviews";
    public static final String WINNERS = "Winners";
    public static final String EXPORTS = "Exports";
    public static final String QUEUE = "Queue";
    public static final String NOTICES = "Notices";

    private Tags() {
    }
}
