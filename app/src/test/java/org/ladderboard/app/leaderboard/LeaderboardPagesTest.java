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
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.round.Round;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The leaderboard is served in pages from one snapshot per round, and the snapshot follows scoring: a newly scored
 * submission appears and a re-queued one leaves without any restart. Runs on a closed round of its own so the shared
 * open round of the other tests is untouched.
 */
class LeaderboardPagesTest extends IntegrationTest {

    @Autowired
    Leaderboard leaderboard;

    /** A submission scored on the micro ladder an hour ago, with its verdict cached since. */
    private long scored(Round round, Account owner, String name, String verdict, double drop) {
        long id = jdbc.sql("""
                        insert into submission (round_id, account_id, task_name, shots, cause, task_type, status, example_count,
                                                file_name, file_sha256, file_bytes)
                        values (?, ?, ?, 'zero-shot', 'strong_prior', 'classification', 'SCORED', 300, 'f.csv', repeat('0', 64), 1)
                        returning id""").params(round.getId(), owner.getId(), name).query(Long.class).single();
        jdbc.sql("""
                        insert into scoring_job (submission_id, ladder, model, model_parameters, status, examples_total,
                                                 examples_done, finished_at)
                        values (?, 'micro', 'micro-40k', 39504, 'DONE', 300, 300, now() - interval '1 hour')""")
                .param(id).update();
        jdbc.sql("""
                        insert into ladder_curve (submission_id, ladder, view, fingerprint, verdict, strength, drop_best_to_largest, curve)
                        values (?, 'micro', 'loss', 'f', ?, 'strict', ?, ?::jsonb)""")
                .params(id, verdict, drop, "{\"lowerIsBetter\": true, \"points\": [{\"mean\": 0.5}, {\"mean\": 0.6}, {\"mean\": 0.7}]}")
                .update();
        return id;
    }

    private static List<String> names(Leaderboard.Page page) {
        return page.rows().stream().map(Leaderboard.Row::taskName).toList();
    }

    @Test
    void pagesComeFromOneSnapshotThatFollowsScoring() {
        Round round = new Round("Paged round", Instant.now().minus(Duration.ofDays(20)), Instant.now().minus(Duration.ofDays(10)));
        round.setLadders(Set.of("micro"));
        round = rounds.save(round);
        Account owner = newAccount(Role.CONTESTANT);
        for (int i = 0; i < 23; i++) {
            scored(round, owner, String.format("task %02d", i), i % 3 == 0 ? "inverse" : "flat", i / 100.0);
        }

        Leaderboard.Page first = leaderboard.page(round, VisibleLadders.all(), null, null, null, false, 1, 10);
        assertThat(first.total()).isEqualTo(23);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.first()).isEqualTo(1);
        assertThat(first.last()).isEqualTo(10);
        // inverse first (8 of them, largest drop first), then the rest by drop
        assertThat(names(first)).containsExactly("task 21", "task 18", "task 15", "task 12", "task 09", "task 06", "task 03",
                "task 00", "task 22", "task 20");
        assertThat(first.rows().get(0).ladders().get("micro").sparkline()).contains("<polyline");

        Leaderboard.Page last = leaderboard.page(round, VisibleLadders.all(), null, null, null, false, 3, 10);
        assertThat(names(last)).containsExactly("task 04", "task 02", "task 01");
        assertThat(last.first()).isEqualTo(21);
        assertThat(last.last()).isEqualTo(23);
        assertThat(leaderboard.page(round, VisibleLadders.all(), null, null, null, false, 99, 10).number()).isEqualTo(3);
        assertThat(leaderboard.page(round, VisibleLadders.all(), null, null, null, false, -1, 10).number()).isEqualTo(1);

        assertThat(leaderboard.page(round, VisibleLadders.all(), null, "inverse", null, false, 1, 10).total()).isEqualTo(8);
        assertThat(names(leaderboard.page(round, VisibleLadders.all(), null, null, "name", false, 1, 10))).startsWith("task 00", "task 01");
        assertThat(leaderboard.page(round, VisibleLadders.all(), "distractor_task", null, null, false, 1, 10).total()).isZero();
        assertThat(leaderboard.page(round, VisibleLadders.all(), "distractor_task", null, null, false, 1, 10).first()).isZero();

        // a newly scored submission shows up at once, at its place
        scored(round, owner, "task 99", "inverse", 0.9);
        assertThat(names(leaderboard.page(round, VisibleLadders.all(), null, null, null, false, 1, 10))).startsWith("task 99", "task 21");
        assertThat(leaderboard.page(round, VisibleLadders.all(), null, null, null, false, 1, 10).total()).isEqualTo(24);

        // a re-queued one leaves until it is scored again
        jdbc.sql("update submission set status = 'QUEUED', updated_at = now() where round_id = ? and task_name = 'task 21'")
                .param(round.getId()).update();
        assertThat(names(leaderboard.page(round, VisibleLadders.all(), null, null, null, false, 1, 10))).startsWith("task 99", "task 18");
        assertThat(leaderboard.page(round, VisibleLadders.all(), null, null, null, false, 1, 10).total()).isEqualTo(23);

        // a verdict recomputed after a re-score moves the row
        jdbc.sql("""
                        update ladder_curve set verdict = 'standard', computed_at = now()
                        where submission_id = (select id from submission where round_id = ? and task_name = 'task 99')""")
                .param(round.getId()).update();
        assertThat(names(leaderboard.page(round, VisibleLadders.all(), null, null, null, false, 1, 10))).startsWith("task 18");
    }

    @Test
    void thePageSaysWhichRowsItShowsAndLinksTheOthers() throws Exception {
        // open and closing before the shared round, this round is the current one until the test closes it
        Round round = new Round("Paged open round", Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));
        round.setLadders(Set.of("micro"));
        round = rounds.save(round);
        try {
            Account owner = newAccount(Role.CONTESTANT);
            for (int i = 0; i < 23; i++) {
                scored(round, owner, String.format("open task %02d", i), "flat", i / 100.0);
            }
            var judge = user(newAccount(Role.JUDGE).getEmail()).roles("JUDGE");
            String second = mvc.perform(get("/leaderboard").param("size", "10").param("page", "2").with(judge))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(second).contains("Rows 11–20 of 23").contains("page 2 of 3")
                    .contains("href=\"/leaderboard?page=1&amp;size=10&amp;")
                    .contains("href=\"/leaderboard?page=3&amp;size=10&amp;")
                    .contains("open task 12").doesNotContain("open task 22");
            String only = mvc.perform(get("/leaderboard").param("verdict", "inverse").with(judge))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(only).contains("No scored submission matches.");
        } finally {
            jdbc.sql("update round set opens_at = now() - interval '3 days', closes_at = now() - interval '2 days' where id = ?")
                    .param(round.getId()).update();
        }
    }

    /** What a person reads on a page: its text without tags (attribute values such as filter codes are not read). */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<[^>]*>", " ");
    }

    @Test
    void verdictsTaskTypesAndOverridesAreInWordsOnEveryPage() throws Exception {
        Round round = new Round("Worded round", Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));
        round.setLadders(Set.of("micro"));
        round = rounds.save(round);
        try {
            Account owner = newAccount(Role.CONTESTANT);
            long id = scored(round, owner, "worded task", "u_shaped", 0.2);
            jdbc.sql("update submission set task_type = 'classification_acc' where id = ?").param(id).update();
            jdbc.sql("update ladder_curve set view = 'accuracy', strength = null, curve = ?::jsonb where submission_id = ?")
                    .params("{\"lowerIsBetter\": false, \"points\": [{\"mean\": 0.7}, {\"mean\": 0.5}, {\"mean\": 0.8}]}", id)
                    .update();
            Account otherJudge = newAccount(Role.JUDGE);
            jdbc.sql("insert into review (submission_id, judge_id, conflict_of_interest, verdict_override, override_reason) "
                    + "values (?, ?, false, 'inverted_u', 'the smallest model is noise')").params(id, otherJudge.getId()).update();
            var judge = user(newAccount(Role.JUDGE).getEmail()).roles("JUDGE");

            String board = mvc.perform(get("/leaderboard").with(judge)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(board).contains(">U-shaped</span>").contains("Classification (accuracy)")
                    .contains("<option value=\"inverted_u\">Inverted U</option>")
                    .contains("<option value=\"inconclusive\">Inconclusive</option>")
                    // the sparkline plots what the submission's chart plots, and says so
                    .contains("accuracy (higher is better)");
            String queue = mvc.perform(get("/judging").with(judge)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(queue).contains(">U-shaped</span>");
            String review = mvc.perform(get("/judging/" + id).with(judge)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(review).contains("Inverted U: the smallest model is noise").contains("Classification (accuracy)")
                    .contains("<option value=\"u_shaped\">U-shaped</option>");
            for (String page : List.of(board, queue, review)) {
                assertThat(visibleText(page)).doesNotContain("u_shaped", "inverted_u", "classification_acc");
            }
        } finally {
            jdbc.sql("update round set opens_at = now() - interval '3 days', closes_at = now() - interval '2 days' where id = ?")
                    .param(round.getId()).update();
        }
    }
}
