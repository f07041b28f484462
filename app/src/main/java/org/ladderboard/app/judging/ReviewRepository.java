package org.ladderboard.app.judging;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ladderboard.app.judging.Reviews.Review;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The {@code review} table: one row per (submission, judge). */
@Repository
class ReviewRepository {

    /** A judge's override of a verdict, as stored: the verdict's name and the reason. */
    record Override(String verdict, String reason) {
    }

    /** One scored submission's reviews counted, conflicts counted, and mean score per criterion. */
    record Totals(long submissionId, int reviews, int conflicts, Map<Rubric, Double> means) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> NOTES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the review unless the judge wrote the submission or has declared a conflict of interest on it; both
     * rules are checked in the statement that writes. Returns the rows written: 1, or 0 when a rule refused it.
     */
    int saveUnlessRefused(Review r) {
        Map<String, String> notes = new LinkedHashMap<>();
        r.notes().forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                notes.put(k.column(), v.strip());
            }
        });
        Integer[] s = new Integer[Rubric.values().length];
        for (Rubric c : Rubric.values()) {
            s[c.ordinal()] = r.conflictOfInterest() ? null : r.scores().get(c);
        }
        return jdbc.sql("""
                        insert into review (submission_id, judge_id, conflict_of_interest, strength, generality, importance,
                                            novelty, coverage, reproducibility, notes, verdict_override, override_reason)
                        select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?
                        where not exists (select 1 from submission where id = ? and account_id = ?)
                        on conflict (submission_id, judge_id) do update set conflict_of_interest = excluded.conflict_of_interest,
                            strength = excluded.strength, generality = excluded.generality, importance = excluded.importance,
                            novelty = excluded.novelty, coverage = excluded.coverage, reproducibility = excluded.reproducibility,
                            notes = excluded.notes, verdict_override = excluded.verdict_override,
                            override_reason = excluded.override_reason, updated_at = now()
                        where not review.conflict_of_interest or excluded.conflict_of_interest""")
                .params(r.submissionId(), r.judgeId(), r.conflictOfInterest(), s[0], s[1], s[2], s[3], s[4], s[5],
                        JSON.writeValueAsString(notes), r.conflictOfInterest() ? null : r.verdictOverride(),
                        r.conflictOfInterest() ? null : r.overrideReason(), r.submissionId(), r.judgeId())
                .update();
    }

    boolean isAuthor(long submissionId, long accountId) {
        return jdbc.sql("select exists (select 1 from submission where id = ? and account_id = ?)")
                .params(submissionId, accountId).query(Boolean.class).single();
    }

    Set<Long> authoredBy(long accountId, long roundId) {
        return new HashSet<>(jdbc.sql("select id from submission where account_id = ? and round_id = ?")
                .params(accountId, roundId).query(Long.class).list());
    }

    /** For each submission of the round this judge reviewed: whether the review is a declared conflict of interest. */
    Map<Long, Boolean> conflictsOf(long judgeId, long roundId) {
        Map<Long, Boolean> conflicts = new HashMap<>();
        jdbc.sql("""
                        select r.submission_id, r.conflict_of_interest from review r join submission s on s.id = r.submission_id
                        where r.judge_id = ? and s.round_id = ?""")
                .params(judgeId, roundId)
                .query(rs -> {
                    conflicts.put(rs.getLong(1), rs.getBoolean(2));
                });
        return conflicts;
    }

    Optional<Review> find(long submissionId, long judgeId) {
        return jdbc.sql("select " + COLUMNS + " from review where submission_id = ? and judge_id = ?")
                .params(submissionId, judgeId)
                .query((rs, n) -> review(rs, submissionId))
                .optional();
    }

    /** Every judge's review of the submission, the oldest change first, with the judge's e-mail. */
    List<Reviews.Signed> all(long submissionId) {
        return jdbc.sql("select " + COLUMNS + ", a.email, r.updated_at from review r join account a on a.id = r.judge_id "
                        + "where r.submission_id = ? order by r.updated_at, r.id")
                .param(submissionId)
                .query((rs, n) -> new Reviews.Signed(rs.getString(12), rs.getTimestamp(13).toInstant(), review(rs, submissionId)))
                .list();
    }

    private static final String COLUMNS = """
            conflict_of_interest, strength, generality, importance, novelty, coverage, reproducibility,
            notes::text, verdict_override, override_reason, judge_id""";

    private static Review review(java.sql.ResultSet rs, long submissionId) throws java.sql.SQLException {
        Map<Rubric, Integer> scores = new EnumMap<>(Rubric.class);
        for (Rubric c : Rubric.values()) {
            Object v = rs.getObject(2 + c.ordinal());
            if (v != null) {
                scores.put(c, ((Number) v).intValue());
            }
        }
        Map<Rubric, String> notes = new EnumMap<>(Rubric.class);
        JSON.readValue(rs.getString(8), NOTES).forEach((k, v) -> {
            for (Rubric c : Rubric.values()) {
                if (c.column().equals(k)) {
                    notes.put(c, v);
                }
            }
        });
        return new Review(submissionId, rs.getLong(11), rs.getBoolean(1), scores, notes, rs.getString(9), rs.getString(10));
    }

    /** Every judge's override of a submission's verdict, oldest first. */
    List<Override> overrides(long submissionId) {
        return jdbc.sql("""
                        select verdict_override, override_reason from review
                        where submission_id = ? and verdict_override is not null order by updated_at""")
                .param(submissionId)
                .query((rs, n) -> new Override(rs.getString(1), rs.getString(2))).list();
    }

    /** The round's scored submissions, by id, each with its reviews' totals. */
    List<Totals> totals(long roundId) {
        return jdbc.sql("""
                        select s.id, count(r.id), count(r.id) filter (where r.conflict_of_interest),
                               avg(r.strength), avg(r.generality), avg(r.importance), avg(r.novelty), avg(r.coverage),
                               avg(r.reproducibility)
                        from submission s left join review r on r.submission_id = s.id
                        where s.round_id = ? and s.status = 'SCORED' group by s.id order by s.id""")
                .param(roundId)
                .query((rs, n) -> {
                    Map<Rubric, Double> means = new EnumMap<>(Rubric.class);
                    for (Rubric c : Rubric.values()) {
                        Object v = rs.getObject(4 + c.ordinal());
                        if (v != null) {
                            means.put(c, ((Number) v).doubleValue());
                        }
                    }
                    return new Totals(rs.getLong(1), rs.getInt(2), rs.getInt(3), means);
                })
                .list();
    }
}
