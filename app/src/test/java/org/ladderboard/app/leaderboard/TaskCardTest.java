package org.ladderboard.app.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.ScoredTask;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.export.Exports;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.round.RoundService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A revealed leaderboard's links lead everyone it is shown to to a task card, and the card shows the task and its
 * results but never its rows, files or author. An organizer can make the revealed leaderboard public.
 */
class TaskCardTest extends IntegrationTest {

    @Autowired
    RoundService roundService;
    @Autowired
    JdbcTemplate template;
    @Autowired
    Exports exports;

    private static RequestPostProcessor as(Account a) {
        return user(a.getEmail()).roles(a.getRole().name());
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aRevealedLeaderboardLinksEveryRowToACardItsReadersMayOpen() throws Exception {
        Round round = roundService.current().orElseThrow();
        Account author = accounts.create("card-author-" + System.nanoTime() + "@test.example", "Cardine Authorova", PASSWORD, Role.CONTESTANT);
        long id = ScoredTask.create(jdbc, template, round.getId(), author.getId(), "Card task", "cardine-authorova",
                List.of("cardine-easy.csv", "cardine-hard.csv"), 8);
        Account reader = newAccount(Role.CONTESTANT);
        Account organizer = newAccount(Role.ORGANIZER);
        try {
            // hidden: judges see the card, contestants do not, visitors are asked to sign in
            page("/tasks/" + id, as(newAccount(Role.JUDGE)));
            mvc.perform(get("/tasks/" + id).with(as(reader))).andExpect(status().isNotFound());
            mvc.perform(get("/tasks/" + id)).andExpect(redirectedUrl("/login"));

            mvc.perform(post("/organizer/rounds/" + round.getId() + "/leaderboard").param("revealed", "true")
                    .with(csrf()).with(as(organizer))).andExpect(status().is3xxRedirection());
            String board = page("/leaderboard", as(reader));
            assertThat(board).contains("href=\"/tasks/" + id + "\"");
            String card = page("/tasks/" + id, as(reader));
            assertThat(card).contains("Card task").contains("Strong prior").contains("Questions whose answers flip.")
                    .contains("It matters.").contains("Priors win.").contains("Templated.")
                    .contains("id=\"generality\"").contains("<svg").contains("Part 1").contains("Part 2")
                    .doesNotContain("Question 3 about").doesNotContain("cardine").doesNotContain("Cardine")
                    .doesNotContain(author.getEmail()).doesNotContain("/submissions/" + id);
            // still signed-in accounts only, by default
            mvc.perform(get("/leaderboard")).andExpect(redirectedUrl("/login"));
            mvc.perform(get("/tasks/" + id)).andExpect(redirectedUrl("/login"));
            assertThat(jdbc.sql("select leaderboard_public from round where id = ?").param(round.getId())
                    .query(Boolean.class).single()).isFalse();

            mvc.perform(post("/organizer/rounds/" + round.getId() + "/leaderboard/public").param("public", "true")
                    .with(csrf()).with(as(organizer))).andExpect(status().is3xxRedirection());
            assertThat(page("/leaderboard", request -> request)).contains("href=\"/tasks/" + id + "\"")
                    .doesNotContain("id=\"reveal\"");
            assertThat(page("/tasks/" + id, request -> request)).contains("Card task").doesNotContain(author.getEmail());
            assertThat(page("/", request -> request)).contains("href=\"/leaderboard\"");

            // public but hidden again: nobody signed out sees it
            mvc.perform(post("/organizer/rounds/" + round.getId() + "/leaderboard").param("revealed", "false")
                    .with(csrf()).with(as(organizer))).andExpect(status().is3xxRedirection());
            mvc.perform(get("/tasks/" + id)).andExpect(redirectedUrl("/login"));
            assertThat(jdbc.sql("select count(*) from audit_event where action = 'leaderboard made public' and subject = ?")
                    .param("round " + round.getId()).query(Long.class).single()).isPositive();
        } finally {
            jdbc.sql("update round set leaderboard_revealed = false, leaderboard_public = false where id = ?").param(round.getId()).update();
            jdbc.sql("update submission set status = 'CANCELLED' where id = ?").param(id).update();
        }
    }

    @Test
    void winnersJsonCarriesTheAuthorAndEmailAsTheDocsSay() throws Exception {
        Round round = new Round("Winners round", Instant.now().minus(Duration.ofDays(7)), Instant.now().minus(Duration.ofDays(6)));
        round.setLadders(Set.of("micro"));
        round = rounds.save(round);
        Account author = newAccount(Role.CONTESTANT);
        Account organizer = newAccount(Role.ORGANIZER);
        long id = ScoredTask.create(jdbc, template, round.getId(), author.getId(), "Winning task", "w", List.of("w.csv"), 8);
        jdbc.sql("insert into winner (round_id, submission_id, tier, chosen_by) values (?, ?, 'grand', ?)")
                .params(round.getId(), id, organizer.getId()).update();
        StringWriter out = new StringWriter();
        exports.winnersJson(round, out);
        assertThat(out.toString()).contains("\"author\" : \"" + author.getDisplayName() + "\"")
                .contains("\"email\" : \"" + author.getEmail() + "\"");
    }
}
