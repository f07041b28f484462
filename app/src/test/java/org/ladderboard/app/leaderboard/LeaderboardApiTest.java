package org.ladderboard.app.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.ScoredTask;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.award.Winners;
import org.ladderboard.app.round.Round;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** The leaderboard as JSON: the page's rows, to the page's viewers, and the reveal switches. */
class LeaderboardApiTest extends IntegrationTest {

    @Autowired
    JdbcTemplate template;
    @Autowired
    Leaderboard leaderboard;
    @Autowired
    Winners winners;
    @Autowired
    org.ladderboard.app.account.ApiTokenService tokens;

    private Round futureRound() {
        Round round = new Round("Board " + UUID.randomUUID(), Instant.now().plus(Duration.ofDays(60)), Instant.now().plus(Duration.ofDays(90)));
        round.setLadders(Set.of("micro"));
        return rounds.save(round);
    }

    @Test
    void theRowsAreThePagesAndOnlyItsViewersSeeThem() throws Exception {
        Round round = futureRound();
        Account author = newAccount(Role.CONTESTANT);
        long first = ScoredTask.create(jdbc, template, round.getId(), author.getId(), "Alpha task", "alpha", List.of("a.csv"), 8);
        long second = ScoredTask.create(jdbc, template, round.getId(), author.getId(), "Beta task", "beta", List.of("b.csv"), 12);
        Account organizer = newAccount(Role.ORGANIZER);
        Account judge = newAccount(Role.JUDGE);
        Account contestant = newAccount(Role.CONTESTANT);
        winners.choose(round.getId(), second, "grand", organizer);
        String board = "/api/leaderboard?round=" + round.getId() + "&sort=name";

        // hidden: judges and organizers see it, contestants and visitors do not
        mvc.perform(get(board).with(httpBasic(contestant.getEmail(), PASSWORD)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("the leaderboard is not revealed to contestants yet"));
        mvc.perform(get(board)).andExpect(status().isUnauthorized());
        mvc.perform(get(board).with(httpBasic(judge.getEmail(), PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[0].id").value(first))
                .andExpect(jsonPath("$.rows[0].ladders.micro.verdict").exists())
                .andExpect(jsonPath("$.rows[1].tier").doesNotExist());
        mvc.perform(get(board).with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows[1].tier").value("grand"));
        // the same rows, in the same order, as the page's service gives
        List<Long> ids = leaderboard.page(round, org.ladderboard.app.round.VisibleLadders.all(), null, null, "name", false, 1, 50).rows().stream().map(Leaderboard.Row::id).toList();
        assertThat(ids).containsExactly(first, second);

        // revealed: contestants too; public as well: anyone
        mvc.perform(put("/api/rounds/" + round.getId() + "/leaderboard").with(httpBasic(organizer.getEmail(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"revealed\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.revealed").value(true)).andExpect(jsonPath("$.public").value(false));
        mvc.perform(get(board).with(httpBasic(contestant.getEmail(), PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows[1].tier").doesNotExist());
        mvc.perform(get(board)).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/rounds/" + round.getId() + "/leaderboard").with(httpBasic(organizer.getEmail(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"public\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.revealed").value(true)).andExpect(jsonPath("$.public").value(true));
        mvc.perform(get(board)).andExpect(status().isOk()).andExpect(jsonPath("$.rows.length()").value(2));
        // a token still needs its read scope, even where no account is needed
        String submitOnly = tokens.issue(contestant, "uploader", java.util.EnumSet.of(org.ladderboard.app.account.TokenScope.SUBMIT)).value();
        mvc.perform(get(board).header("Authorization", "Bearer " + submitOnly)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit_event where subject = ? and action in ('leaderboard revealed', 'leaderboard made public')")
                .param("round " + round.getId()).query(Long.class).single()).isEqualTo(2);

        // only organizers switch it
        mvc.perform(put("/api/rounds/" + round.getId() + "/leaderboard").with(httpBasic(judge.getEmail(), PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"revealed\": false}")).andExpect(status().isForbidden());
        mvc.perform(put("/api/rounds/987654321/leaderboard").with(httpBasic(organizer.getEmail(), PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"revealed\": false}")).andExpect(status().isNotFound());
        mvc.perform(get("/api/leaderboard?round=987654321").with(httpBasic(judge.getEmail(), PASSWORD))).andExpect(status().isNotFound());
    }
}
