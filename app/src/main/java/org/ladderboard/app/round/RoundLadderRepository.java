package org.ladderboard.app.round;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The held-out state of a round's ladders ({@code round_ladder.held_out}, {@code released_at}). Which ladders a round
 * has is the {@link Round} entity's; these columns are written only here, so saving a round never resets them.
 */
@Repository
class RoundLadderRepository {

    private final JdbcClient jdbc;

    RoundLadderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RoundLadder> of(long roundId) {
        return jdbc.sql("select round_id, ladder, held_out, released_at from round_ladder where round_id = ? order by ladder")
                .param(roundId).query((rs, n) -> row(rs)).list();
    }

    /** The ladders of the round a submission belongs to. */
    List<RoundLadder> ofSubmission(long submissionId) {
        return jdbc.sql("""
                        select l.round_id, l.ladder, l.held_out, l.released_at
                        from round_ladder l join submission s on s.round_id = l.round_id where s.id = ? order by l.ladder""")
                .param(submissionId).query((rs, n) -> row(rs)).list();
    }

    /** The ladder locked for the change that follows, so two organizers cannot release it twice. */
    Optional<RoundLadder> lock(long roundId, String ladder) {
        return jdbc.sql("""
                        select round_id, ladder, held_out, released_at from round_ladder
                        where round_id = ? and ladder = ? for update""")
                .params(roundId, ladder).query((rs, n) -> row(rs)).optional();
    }

    void setHeldOut(long roundId, String ladder, boolean heldOut) {
        jdbc.sql("update round_ladder set held_out = ? where round_id = ? and ladder = ? and released_at is null")
                .params(heldOut, roundId, ladder).update();
    }

    void release(long roundId, String ladder, Instant at) {
        jdbc.sql("update round_ladder set released_at = ? where round_id = ? and ladder = ? and held_out and released_at is null")
                .params(Timestamp.from(at), roundId, ladder).update();
    }

    private static RoundLadder row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp released = rs.getTimestamp(4);
        return new RoundLadder(rs.getLong(1), rs.getString(2), rs.getBoolean(3), released == null ? null : released.toInstant());
    }
}
