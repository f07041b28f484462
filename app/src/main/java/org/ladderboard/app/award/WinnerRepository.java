package org.ladderboard.app.award;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code winner} table: a round's chosen submissions and their prize tiers. */
@Repository
class WinnerRepository {

    private final JdbcClient jdbc;

    WinnerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets the tier of a scored submission of the round; the number of rows changed (0 when it is not one). */
    int upsertIfScored(long roundId, long submissionId, String tier, long organizerId) {
        return jdbc.sql("""
                        insert into winner (round_id, submission_id, tier, chosen_by) select ?, id, ?, ? from submission
                        where id = ? and round_id = ? and status = 'SCORED'
                        on conflict (round_id, submission_id) do update set tier = excluded.tier,
                            chosen_by = excluded.chosen_by, chosen_at = now()""")
                .params(roundId, tier, organizerId, submissionId, roundId).update();
    }

    /** Removes the submission from the round's winners; the number of rows removed. */
    int delete(long roundId, long submissionId) {
        return jdbc.sql("delete from winner where round_id = ? and submission_id = ?").params(roundId, submissionId).update();
    }

    /** Tier by submission id, grand first. */
    Map<Long, String> tiersOf(long roundId) {
        Map<Long, String> out = new LinkedHashMap<>();
        jdbc.sql("select submission_id, tier from winner where round_id = ? "
                        + "order by case tier when 'grand' then 0 when 'second' then 1 else 2 end, submission_id")
                .param(roundId).query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }
}
