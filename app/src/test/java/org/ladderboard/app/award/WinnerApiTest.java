package org.ladderboard.app.award;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
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
import org.ladderboard.app.round.Round;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** Winners over the API: choose, change, remove, as the leaderboard's winner form does. */
class WinnerApiTest extends IntegrationTest {

    @Autowired
    JdbcTemplate template;

    @Test
    void anOrganizerChoosesChangesAndRemovesAWinner() throws Exception {
        Round round = new Round("Prizes " + UUID.randomUUID(), Instant.now().plus(Duration.ofDays(60)), Instant.now().plus(Duration.ofDays(90)));
        round.setLadders(Set.of("micro"));
        round = rounds.save(round);
        long task = ScoredTask.create(jdbc, template, round.getId(), newAccount(Role.CONTESTANT).getId(), "Prize task", "p",
                List.of("p.csv"), 8);
        Account organizer = newAccount(Role.ORGANIZER);
        String winners = "/api/rounds/" + round.getId() + "/winners";

        mvc.perform(get(winners).with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tiers").value(org.hamcrest.Matchers.contains("grand", "second", "third")))
                .andExpect(jsonPath("$.winners.length()").value(0));
        mvc.perform(put(winners + "/" + task).with(httpBasic(organizer.getEmail(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"tier\": \"second\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.winners[0].tier").value("second"));
        mvc.perform(put(winners + "/" + task).with(httpBasic(organizer.getEmail(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"tier\": \"grand\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.winners[0].submission").value(task))
                .andExpect(jsonPath("$.winners[0].tier").value("grand"));
        mvc.perform(put(winners + "/" + task).with(httpBasic(organizer.getEmail(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"tier\": \"gold\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("no prize tier named gold: grand, second or third"));
        mvc.perform(put(winners + "/987654321").with(httpBasic(organizer.getEmail(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"tier\": \"third\"}"))
                .andExpect(status().isConflict());
        mvc.perform(delete(winners + "/" + task).with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.winners.length()").value(0));
        mvc.perform(delete(winners + "/" + task).with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/rounds/987654321/winners").with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isNotFound());
        org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                        "select count(*) from audit_event where subject = ? and action in ('winner', 'winner removed')")
                .param("submission " + task).query(Long.class).single()).isEqualTo(3);

        Account judge = newAccount(Role.JUDGE);
        mvc.perform(get(winners).with(httpBasic(judge.getEmail(), PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(put(winners + "/" + task).with(httpBasic(judge.getEmail(), PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"tier\": \"grand\"}")).andExpect(status().isForbidden());
    }
}
