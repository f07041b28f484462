package org.ladderboard.app.round;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts a contestant's uploads in a round since an instant, for the daily caps ({@link Quota}). */
@Repository
class QuotaRepository {

    private final JdbcClient jdbc;

    QuotaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Submissions stored since {@code since}, whatever became of them. */
    int submittedSince(long accountId, long roundId, Instant since) {
        return jdbc.sql("""
                        select count(*) from submission
                        where account_id = :account and round_id = :round and created_at >= :since""")
                .param("account", accountId).param("round", roundId).param("since", Timestamp.from(since))
                .query(Integer.class).single();
    }

    /** Rejected uploads plus submissions whose scoring failed, since {@code since}. */
    int failedSince(long accountId, long roundId, Instant since) {
        return jdbc.sql("""
                        select (select count(*) from upload_attempt
                                where account_id = :account and round_id = :round and at >= :since and not accepted)
                             + (select count(*) from submission
                                where account_id = :account and round_id = :round and created_at >= :since
                                  and status = 'FAILED')""")
                .param("account", accountId).param("round", roundId).param("since", Timestamp.from(since))
                .query(Integer.class).single();
    }
}
