package org.ladderboard.app.round;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a round's few-shot sweep must fit: the smallest part among the submissions it would be applied to. */
@Repository
class FewShotRepository {

    /** A part by its size and where it is. */
    record SmallestPart(int examples, long submissionId, String name) {
    }

    private final JdbcClient jdbc;

    FewShotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The smallest part of the round's live (queued, scoring or scored) submissions, if it has any. */
    Optional<SmallestPart> smallestPart(long roundId) {
        return jdbc.sql("""
                        select p.example_count, p.submission_id, p.name from submission_part p
                        join submission s on s.id = p.submission_id
                        where s.round_id = ? and s.status in ('VALIDATED', 'QUEUED', 'SCORING', 'SCORED')
                        order by p.example_count, p.submission_id, p.position limit 1""")
                .param(roundId)
                .query((rs, n) -> new SmallestPart(rs.getInt(1), rs.getLong(2), rs.getString(3))).optional();
    }
}
