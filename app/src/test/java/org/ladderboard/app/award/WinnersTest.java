package org.ladderboard.app.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Choosing winners: the organizer goes back to the leaderboard row just set, and the audit log says what happened (a
 * winner is logged only when a scored submission of the round became one).
 */
class WinnersTest extends IntegrationTest {

    private long submission(long round, String status) {
        Account owner = newAccount(Role.CONTESTANT);
        return jdbc.sql("""
                        insert into submission (round_id, account_id, task_name, shots, cause, task_type, status, example_count,
                                                file_name, file_sha256, file_bytes)
                        values (?, ?, 'task', 'zero-shot', 'other', 'classification', ?, 7, 'f.csv', repeat('0', 64), 1)
                        returning id""").params(round, owner.getId(), status).query(Long.class).single();
    }

    private MvcResult choose(Account organizer, long round, long submission, String tier) throws Exception {
        return mvc.perform(post("/organizer/rounds/" + round + "/winners").param("submission", String.valueOf(submission))
                .param("tier", tier).with(csrf()).with(user(organizer.getEmail()).roles("ORGANIZER"))).andReturn();
    }

    private long audited(Account organizer) {
        return jdbc.sql("select count(*) from audit_event where actor_id = ? and action like 'winner%'").param(organizer.getId())
                .query(Long.class).single();
    }

    @Test
    void onlyAWinnerThatExistsIsAudited() throws Exception {
        Account organizer = newAccount(Role.ORGANIZER);
        long round = rounds.findAll().get(0).getId();
        long missing = 1 + jdbc.sql("select coalesce(max(id), 0) from submission").query(Long.class).single();
        long queued = submission(round, "QUEUED");
        long scored = submission(round, "SCORED");

        MvcResult none = choose(organizer, round, missing, "grand");
        assertThat(none.getResponse().getStatus()).isEqualTo(302);
        assertThat(none.getFlashMap().get("message").toString()).contains("not a scored submission of this round");
        choose(organizer, round, queued, "grand");
        choose(organizer, round, scored, "none"); // it was never a winner: nothing to remove
        assertThat(audited(organizer)).isZero();
        assertThat(count("winner where submission_id in (" + missing + ", " + queued + ")")).isZero();

        choose(organizer, round, scored, "second");
        choose(organizer, round, scored, "none");
        assertThat(jdbc.sql("select action || ':' || detail from audit_event where actor_id = ? order by id").param(organizer.getId())
                .query(String.class).list()).containsExactly("winner:second", "winner removed:none");
    }

    @Test
    void theOrganizerReturnsToTheLeaderboardRowJustSet() throws Exception {
        Account organizer = newAccount(Role.ORGANIZER);
        long round = rounds.findAll().get(0).getId();
        long scored = submission(round, "SCORED");
        mvc.perform(post("/organizer/rounds/" + round + "/winners").param("submission", String.valueOf(scored)).param("tier", "grand")
                        .param("page", "2").param("size", "20").with(csrf()).with(user(organizer.getEmail()).roles("ORGANIZER")))
                .andExpect(redirectedUrl("/leaderboard?page=2&size=20#row-" + scored));
        assertThat(jdbc.sql("select tier from winner where submission_id = ?").param(scored).query(String.class).single())
                .isEqualTo("grand");
    }
}
