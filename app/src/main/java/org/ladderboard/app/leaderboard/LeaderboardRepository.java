package org.ladderboard.app.leaderboard;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the leaderboard reads of a round's submissions; their curves come through {@code LadderAnalysis}. */
@Repository
class LeaderboardRepository {

    /** A scored submission as a leaderboard row starts. */
    record Scored(long id, String name, String cause, String taskType, int examples) {
    }

    private final JdbcClient jdbc;

    LeaderboardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Changes whenever a submission of the round is scored, re-queued or has its curves stored: two indexed
     * aggregates, read on every request to decide whether the round's rows must be rebuilt.
     */
    String version(long roundId) {
        return jdbc.sql("""
                        select (select count(*) || '/' || coalesce(max(updated_at)::text, '') from submission
                                where round_id = ? and status = 'SCORED')
                            || '|' || (select count(*) || '/' || coalesce(max(c.computed_at)::text, '')
                                       from ladder_curve c join submission s on s.id = c.submission_id where s.round_id = ?)""")
                .params(roundId, roundId).query(String.class).single();
    }

    List<Scored> scored(long roundId) {
        return jdbc.sql("select id, task_name, cause, task_type, example_count from submission "
                        + "where round_id = ? and status = 'SCORED' order by id")
                .param(roundId)
                .query((rs, n) -> new Scored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }
}
