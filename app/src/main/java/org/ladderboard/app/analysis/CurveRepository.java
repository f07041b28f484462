package org.ladderboard.app.analysis;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.ladderboard.analysis.ScalingCurve;
import org.ladderboard.app.ladder.LadderRegistry;
import org.ladderboard.queue.CurveStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored curves ({@code ladder_curve}): written only by the queue's {@link CurveStore}, in the transaction that
 * makes a submission SCORED (or, for submissions scored without them, by {@link #storeMissing}), and deleted when it
 * is scored again. A scored submission's curves are current exactly when its {@code curves_at} is set.
 */
@Repository
class CurveRepository {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(CurveRepository.class);

    private final JdbcClient jdbc;
    private final DataSource db;
    private final CurveStore store;

    CurveRepository(JdbcClient jdbc, DataSource db, LadderRegistry ladders) {
        this.jdbc = jdbc;
        this.db = db;
        this.store = new CurveStore(ladders.all());
    }

    /**
     * Stores, through the queue's {@link CurveStore} (the one computer of curves, with every ladder of the app), the
     * curves of up to {@code limit} scored submissions whose curves were not computed in full. Returns how many.
     */
    int storeMissing(int limit) {
        try {
            return store.storeMissing(db, limit);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("could not store the missing curves", e);
        }
    }

    /** One stored whole-submission curve of a few-shot sweep: its K and, when its prompts mostly did not fit, why. */
    record ShotCurve(int shots, ScalingCurve curve, String unfitModel, Double unfitShare) {
    }

    /** The zero-shot whole-submission curves, by ladder. */
    List<ScalingCurve> whole(long submissionId) {
        return jdbc.sql("select curve::text from ladder_curve where submission_id = ? and shots = 0 and position('|' in view) = 0 order by ladder")
                .param(submissionId).query(String.class).list().stream().flatMap(CurveRepository::parse).toList();
    }

    /** Each part's curves, in the parts' order, then by ladder. */
    List<ScalingCurve> ofParts(long submissionId) {
        return jdbc.sql("""
                        select c.curve::text from ladder_curve c
                        join submission_part p on p.submission_id = c.submission_id and c.view like '%|part ' || p.id
                        where c.submission_id = ? and c.shots = 0 order by p.position, c.ladder""")
                .param(submissionId).query(String.class).list().stream().flatMap(CurveRepository::parse).toList();
    }

    /**
     * Every K's whole-submission curves when the submission has any K &gt; 0 curve (none otherwise), by ladder, then K.
     */
    List<ShotCurve> sweep(long submissionId) {
        return jdbc.sql("""
                        select shots, curve::text, unfit_model, unfit_share from ladder_curve
                        where submission_id = ? and position('|' in view) = 0
                          and exists (select 1 from ladder_curve k where k.submission_id = ? and k.shots > 0)
                        order by ladder, shots""")
                .params(submissionId, submissionId)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3), rs.getObject(4)})
                .list().stream()
                .flatMap(r -> parse((String) r[1]).map(c -> new ShotCurve((Integer) r[0], c, (String) r[2], (Double) r[3])))
                .toList();
    }

    /** A K &gt; 0 whose curves are not stored yet on some ladder, and whether a job of it failed. */
    record ShotWithoutCurves(String ladder, int shots, boolean failed) {
    }

    /** The K's &gt; 0 a submission has jobs for whose curves are not stored yet (still being scored, or failed). */
    List<ShotWithoutCurves> shotsWithoutCurves(long submissionId) {
        return jdbc.sql("""
                        select j.ladder, j.shots, bool_or(j.status = 'FAILED') from scoring_job j
                         where j.submission_id = ? and j.shots > 0
                          and not exists (select 1 from ladder_curve c where c.submission_id = j.submission_id
                                          and c.ladder = j.ladder and c.shots = j.shots)
                        group by j.ladder, j.shots order by j.shots, j.ladder""")
                .param(submissionId)
                .query((rs, n) -> new ShotWithoutCurves(rs.getString(1), rs.getInt(2), rs.getBoolean(3))).list();
    }

    /** True while a scored submission's curves are not all stored yet: the one freshness rule ({@code curves_at}). */
    boolean beingComputed(long submissionId) {
        return jdbc.sql("select count(*) from submission where id = ? and status = 'SCORED' and curves_at is null")
                .param(submissionId).query(Integer.class).single() > 0;
    }

    /** The ids of a round's scored submissions still without curves. */
    List<Long> beingComputedIn(long roundId) {
        return jdbc.sql("""
                        select id from submission where round_id = ? and status = 'SCORED' and curves_at is null""")
                .param(roundId).query(Long.class).list();
    }

    /** The stored whole-submission curves of a round's scored submissions, for the leaderboard, without parsing them. */
    List<LadderAnalysis.Summary> summaries(long roundId) {
        return jdbc.sql("""
                        select c.submission_id, c.ladder, c.view, c.verdict, c.strength, c.drop_best_to_largest,
                               (c.curve ->> 'lowerIsBetter')::boolean, jsonb_path_query_array(c.curve, '$.points[*].mean')::text
                        from ladder_curve c join submission s on s.id = c.submission_id
                        where s.round_id = ? and s.status = 'SCORED' and c.shots = 0 and position('|' in c.view) = 0
                        order by c.submission_id, c.ladder""")
                .param(roundId)
                .query((rs, n) -> new LadderAnalysis.Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6) == null ? Double.NaN : rs.getDouble(6), rs.getBoolean(7),
                        JSON.readValue(rs.getString(8), double[].class)))
                .list();
    }

    /** A stored curve this version cannot read (written by hand, or by another version) is left out, not a 500. */
    private static Stream<ScalingCurve> parse(String json) {
        try {
            return Stream.of(JSON.readValue(json, ScalingCurve.class));
        } catch (JacksonException e) {
            log.warn("A stored curve could not be read and is not shown: {}", e.getOriginalMessage());
            return Stream.empty();
        }
    }
}
