package org.ladderboard.app.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.round.VisibleLadders;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.ScoredTask;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.analysis.CurveBackfill;
import org.ladderboard.app.round.Round;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A scored submission whose curves are not stored yet (scored before curves were stored when scoring finishes) never
 * makes a leaderboard request compute them: the request is answered from what is stored, the row says the curve is
 * being computed, and the verdict appears once the backfill has stored it. Before, the first request computed every
 * cold curve inside the leaderboard's one-build-at-a-time block, stalling every leaderboard request meanwhile.
 */
class ColdCurveTest extends IntegrationTest {

    @Autowired
    Leaderboard leaderboard;
    @Autowired
    JdbcTemplate template;
    @Autowired
    CurveBackfill backfill;

    private long storedCurves(long id) {
        return jdbc.sql("select count(*) from ladder_curve where submission_id = ?").param(id).query(Long.class).single();
    }

    @Test
    void aColdCurveIsNeverComputedByALeaderboardRequest() throws Exception {
        Round round = new Round("Cold curve round", Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));
        round.setLadders(Set.of("micro"));
        round = rounds.save(round);
        try {
            Account owner = newAccount(Role.CONTESTANT);
            long warm = ScoredTask.create(jdbc, template, round.getId(), owner.getId(), "warm task", "w", List.of("w.csv"), 8);
            long cold = ScoredTask.create(jdbc, template, round.getId(), owner.getId(), "cold task", "c", List.of("c.csv"), 8);
            // as a submission scored before curves were stored when scoring finishes
            jdbc.sql("delete from ladder_curve where submission_id = ?").param(cold).update();
            jdbc.sql("update submission set curves_at = null where id = ?").param(cold).update();

            Leaderboard.Page page = leaderboard.page(round, VisibleLadders.all(), null, null, "name", false, 1, 50);
            assertThat(page.rows()).extracting(Leaderboard.Row::taskName).containsExactly("cold task", "warm task");
            Leaderboard.Row coldRow = page.rows().get(0);
            assertThat(coldRow.curvesBeingComputed()).isTrue();
            assertThat(coldRow.ladders()).isEmpty();
            assertThat(page.rows().get(1).ladders()).containsKey("micro");
            assertThat(storedCurves(cold)).as("the request computed nothing").isZero();

            var judge = user(newAccount(Role.JUDGE).getEmail()).roles("JUDGE");
            String board = mvc.perform(get("/leaderboard").with(judge)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(board).contains("curve being computed");
            String review = mvc.perform(get("/judging/" + cold).with(judge)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(review).contains("The scaling curves are being computed");
            assertThat(storedCurves(cold)).as("no page computed it").isZero();

            backfill.backfill();
            assertThat(storedCurves(cold)).isEqualTo(2);
            Leaderboard.Row after = leaderboard.page(round, VisibleLadders.all(), null, null, "name", false, 1, 50).rows().get(0);
            assertThat(after.curvesBeingComputed()).isFalse();
            assertThat(after.ladders().get("micro").verdict()).isNotBlank();
            assertThat(storedCurves(warm)).isEqualTo(2);
        } finally {
            jdbc.sql("update round set opens_at = now() - interval '3 days', closes_at = now() - interval '2 days' where id = ?")
                    .param(round.getId()).update();
        }
    }
}
