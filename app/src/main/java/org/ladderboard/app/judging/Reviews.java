package org.ladderboard.app.judging;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ladderboard.analysis.TrendShape;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Judges' reviews: one per (submission, judge), rewritten when the judge changes it. */
@Repository
public class Reviews {

    /** A review as a judge filled it in; scores are null when the judge declared a conflict of interest. */
    public record Review(long submissionId, long judgeId, boolean conflictOfInterest, Map<Rubric, Integer> scores,
                         Map<Rubric, String> notes, String verdictOverride, String overrideReason) {
    }

    /** Aggregates for organizers: reviews counted, conflicts, mean per criterion, overrides. */
    public record Summary(long submissionId, int reviews, int conflicts, Map<Rubric, Double> means, List<String> overrides) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> NOTES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public Reviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What became of a review: saved, or refused because the rules of judging forbid it. */
    public enum Outcome {
        SAVED,
        /** nobody reviews a task they submitted, whatever role they hold now */
        OWN_SUBMISSION,
        /** a declared conflict of interest stands: it cannot be turned into a review afterwards */
        CONFLICT_DECLARED
    }

    /**
     * Writes the judge's review, or their declaration of a conflict of interest. Both rules are checked in the same
     * statement that writes, so no interleaving request can slip past them.
     */
    public Outcome save(Review r) {
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
        int written = jdbc.sql("""
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
        if (written == 1) {
            return Outcome.SAVED;
        }
        return isAuthor(r.submissionId(), r.judgeId()) ? Outcome.OWN_SUBMISSION : Outcome.CONFLICT_DECLARED;
    }

    public boolean isAuthor(long submissionId, long accountId) {
        return jdbc.sql("select exists (select 1 from submission where id = ? and account_id = ?)")
                .params(submissionId, accountId).query(Boolean.class).single();
    }

    /** The submissions of a round this account authored (a contestant later made a judge has some). */
    public java.util.Set<Long> authoredBy(long accountId, long roundId) {
        return new java.util.HashSet<>(jdbc.sql("select id from submission where account_id = ? and round_id = ?")
                .params(accountId, roundId).query(Long.class).list());
    }

    /** Where one judge stands on each submission of a round they reviewed: "reviewed" or "conflict of interest". */
    public Map<Long, String> standingOf(long judgeId, long roundId) {
        Map<Long, String> standing = new java.util.HashMap<>();
        jdbc.sql("""
                        select r.submission_id, r.conflict_of_interest from review r join submission s on s.id = r.submission_id
                        where r.judge_id = ? and s.round_id = ?""")
                .params(judgeId, roundId)
                .query(rs -> {
                    standing.put(rs.getLong(1), rs.getBoolean(2) ? "conflict of interest" : "reviewed");
                });
        return standing;
    }

    public Optional<Review> find(long submissionId, long judgeId) {
        return jdbc.sql("""
                        select conflict_of_interest, strength, generality, importance, novelty, coverage, reproducibility,
                               notes::text, verdict_override, override_reason
                        from review where submission_id = ? and judge_id = ?""")
                .params(submissionId, judgeId)
                .query((rs, n) -> {
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
                    return new Review(submissionId, judgeId, rs.getBoolean(1), scores, notes, rs.getString(9), rs.getString(10));
                })
                .optional();
    }

    /** Every judge's override of a submission's verdict with its reason, in words, shown beside the computed verdict. */
    public List<String> overrides(long submissionId) {
        return jdbc.sql("""
                        select verdict_override, override_reason from review
                        where submission_id = ? and verdict_override is not null order by updated_at""")
                .param(submissionId)
                .query((rs, n) -> TrendShape.labelOf(rs.getString(1)) + ": " + rs.getString(2)).list();
    }

    public Map<Long, Summary> summaries(long roundId) {
        Map<Long, Summary> out = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.id, count(r.id), count(r.id) filter (where r.conflict_of_interest),
                               avg(r.strength), avg(r.generality), avg(r.importance), avg(r.novelty), avg(r.coverage),
                               avg(r.reproducibility)
                        from submission s left join review r on r.submission_id = s.id
                        where s.round_id = ? and s.status = 'SCORED' group by s.id order by s.id""")
                .param(roundId)
                .query(rs -> {
                    Map<Rubric, Double> means = new EnumMap<>(Rubric.class);
                    for (Rubric c : Rubric.values()) {
                        Object v = rs.getObject(4 + c.ordinal());
                        if (v != null) {
                            means.put(c, ((Number) v).doubleValue());
                        }
                    }
                    long id = rs.getLong(1);
                    out.put(id, new Summary(id, rs.getInt(2), rs.getInt(3), means, new ArrayList<>(overrides(id))));
                });
        return out;
    }
}
