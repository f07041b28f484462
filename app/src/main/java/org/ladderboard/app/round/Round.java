package org.ladderboard.app.round;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.ladderboard.validation.ValidationSettings;

/** A submission window with its own rules and the ladders its submissions are scored on. */
@Entity
public class Round {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The column's length: the round form refuses longer names rather than let the database fail. */
    public static final int NAME_MAX = 200;

    /** A new round's limits until an organizer sets them. */
    public static final int DEFAULT_DAILY_LIMIT = 5;
    public static final int DEFAULT_FAILED_DAILY_LIMIT = 20;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(nullable = false)
    private String description = "";

    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;

    @Column(name = "min_examples", nullable = false)
    private int minExamples = ValidationSettings.DEFAULT_MIN_ROWS;

    /** Accepted submissions per contestant per UTC day. */
    @Column(name = "daily_limit", nullable = false)
    private int dailyLimit = DEFAULT_DAILY_LIMIT;

    /** Rejected uploads and failed scorings per contestant per UTC day, counted apart from the daily limit. */
    @Column(name = "failed_daily_limit", nullable = false)
    private int failedDailyLimit = DEFAULT_FAILED_DAILY_LIMIT;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "round_ladder", joinColumns = @JoinColumn(name = "round_id"))
    @Column(name = "ladder")
    @OrderBy
    private Set<String> ladders = new LinkedHashSet<>();

    /** The round's few-shot sweep: the K's every submission is also scored with (empty: zero-shot only). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "fewshot_shots", nullable = false, columnDefinition = "integer[]")
    private Integer[] fewshotShots = new Integer[0];

    /** The seed the sweep's demonstrations are drawn with; null for the default seed. */
    @Column(name = "fewshot_seed")
    private Long fewshotSeed;

    @Column(name = "leaderboard_revealed", nullable = false)
    private boolean leaderboardRevealed;

    /** Shown to visitors who are not signed in as well, while revealed. */
    @Column(name = "leaderboard_public", nullable = false)
    private boolean leaderboardPublic;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    protected Round() {
    }

    public Round(String name, Instant opensAt, Instant closesAt) {
        this.name = name;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
    }

    public void setSchedule(String name, Instant opensAt, Instant closesAt) {
        this.name = name;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
    }

    public boolean isOpenAt(Instant when) {
        return !when.isBefore(opensAt) && when.isBefore(closesAt);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description == null ? "" : description;
    }

    public Instant getOpensAt() {
        return opensAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public int getMinExamples() {
        return minExamples;
    }

    public void setMinExamples(int minExamples) {
        this.minExamples = minExamples;
    }

    public int getDailyLimit() {
        return dailyLimit;
    }

    public void setDailyLimit(int dailyLimit) {
        this.dailyLimit = dailyLimit;
    }

    public int getFailedDailyLimit() {
        return failedDailyLimit;
    }

    public void setFailedDailyLimit(int failedDailyLimit) {
        this.failedDailyLimit = failedDailyLimit;
    }

    /** Contestants see the leaderboard only once organizers reveal it. */
    public boolean isLeaderboardRevealed() {
        return leaderboardRevealed;
    }

    public void setLeaderboardRevealed(boolean leaderboardRevealed) {
        this.leaderboardRevealed = leaderboardRevealed;
    }

    public boolean isLeaderboardPublic() {
        return leaderboardPublic;
    }

    public void setLeaderboardPublic(boolean leaderboardPublic) {
        this.leaderboardPublic = leaderboardPublic;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Set<String> getLadders() {
        return ladders;
    }

    /** The few-shot sweep's K's in increasing order, 0 included when there is a sweep; empty without one. */
    public List<Integer> getFewShotShots() {
        return List.of(fewshotShots);
    }

    /** The sweep's largest K; 0 without a sweep. */
    public int largestFewShot() {
        return getFewShotShots().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    public Long getFewShotSeed() {
        return fewshotSeed;
    }

    /** Set only through the few-shot feature, which checks the K's and queues what they change. */
    public void setFewShot(List<Integer> shots, Long seed) {
        this.fewshotShots = shots.toArray(Integer[]::new);
        this.fewshotSeed = seed;
    }

    /**
     * Changed in place, so only the ladders taken off or added are deleted or inserted: the kept ladders' rows keep
     * their held-out state ({@link RoundLadderRepository}).
     */
    public void setLadders(Set<String> ladders) {
        this.ladders.retainAll(ladders);
        this.ladders.addAll(ladders);
    }
}
