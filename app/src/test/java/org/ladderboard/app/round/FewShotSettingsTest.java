package org.ladderboard.app.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.ScoredTask;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An organizer sets a round's few-shot sweep through {@code PUT /api/rounds/{id}/few-shot} or the round form; bad
 * K's are a 400 naming them, nothing changed; a change reaches the submissions already in the round: new K's are
 * queued for them (a scored one stays scored), removed K's and a new seed drop what was scored with them.
 */
class FewShotSettingsTest extends IntegrationTest {

    @Autowired
    JdbcTemplate template;

    private Round ownRound() {
        Round round = new Round("Few-shot round " + UUID.randomUUID(), Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(300)));
        round.setLadders(Set.of("micro"));
        return rounds.save(round);
    }

    private org.springframework.test.web.servlet.ResultActions putSweep(long round, Account who, String body) throws Exception {
        return mvc.perform(put("/api/rounds/" + round + "/few-shot").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(httpBasic(who.getEmail(), PASSWORD)));
    }

    private List<String> jobs(long submission) {
        return jdbc.sql("select shots || ':' || status || ':' || coalesce(fewshot_seed::text, '-') from scoring_job "
                        + "where submission_id = ? and model = 'micro-40k' order by shots")
                .param(submission).query(String.class).list();
    }

    @Test
    void theApiChecksTheKsAndOnlyOrganizersMaySetThem() throws Exception {
        Round round = ownRound();
        Account organizer = newAccount(Role.ORGANIZER);
        // a submission whose smallest part has 6 examples: K = 6 leaves none to draw
        ScoredTask.create(jdbc, template, round.getId(), newAccount(Role.CONTESTANT).getId(), "Small", "small",
                List.of("tiny.csv", "big.csv"), 6);

        putSweep(round.getId(), newAccount(Role.CONTESTANT), "{\"shots\":[0,1],\"seed\":1}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").exists());
        putSweep(round.getId(), newAccount(Role.JUDGE), "{\"shots\":[0,1],\"seed\":1}").andExpect(status().isForbidden());
        putSweep(987654321L, organizer, "{\"shots\":[0,1]}").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("no round 987654321"));
        putSweep(round.getId(), organizer, "{\"shots\":[0,-1]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("K = -1 is below 0")))
                .andExpect(jsonPath("$.fields.shots", containsString("K = -1")));
        putSweep(round.getId(), organizer, "{\"shots\":[0,2,2]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("K = 2 is given twice"));
        putSweep(round.getId(), organizer, "{\"shots\":[0,6]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("K = 6 is too large: part 'tiny.csv' of submission")))
                .andExpect(jsonPath("$.error", containsString("has 6 examples, so at most 5 others can be drawn")));
        putSweep(round.getId(), organizer, "{\"shots\":[0,1,2,3,4,5,6,7,8]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("at most 8 K's")));
        putSweep(round.getId(), organizer, "{\"shots\":[0,100]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("more than 64 demonstrations")));
        putSweep(round.getId(), organizer, "{\"shots\":\"four\"}").andExpect(status().isBadRequest());
        putSweep(round.getId(), organizer, "{\"seed\":3}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("give the K's as a list")));
        assertThat(rounds.findById(round.getId()).orElseThrow().getFewShotShots()).as("nothing stored").isEmpty();

        putSweep(round.getId(), organizer, "{\"shots\":[4,1],\"seed\":1234}").andExpect(status().isOk())
                .andExpect(jsonPath("$.shots[0]").value(0)).andExpect(jsonPath("$.shots[2]").value(4))
                .andExpect(jsonPath("$.seed").value(1234));
        Round stored = rounds.findById(round.getId()).orElseThrow();
        assertThat(stored.getFewShotShots()).as("sorted, K = 0 always scored").containsExactly(0, 1, 4);
        assertThat(stored.getFewShotSeed()).isEqualTo(1234L);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'few-shot sweep set' and subject = ?")
                .param(stored.getName()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void changingTheSweepQueuesNewKsForScoredSubmissionsAndDropsRemovedOnes() throws Exception {
        Round round = ownRound();
        Account organizer = newAccount(Role.ORGANIZER);
        long scored = ScoredTask.create(jdbc, template, round.getId(), newAccount(Role.CONTESTANT).getId(), "Scored",
                "scored", List.of("data.csv"), 8);
        assertThat(jobs(scored)).containsExactly("0:DONE:-");

        putSweep(round.getId(), organizer, "{\"shots\":[0,2],\"seed\":5}").andExpect(status().isOk())
                .andExpect(jsonPath("$.jobsQueued").value(4));
        assertThat(jobs(scored)).as("the new K is queued on every model with the round's seed")
                .containsExactly("0:DONE:-", "2:QUEUED:5");
        assertThat(jdbc.sql("select status from submission where id = ?").param(scored).query(String.class).single())
                .as("its zero-shot results stand while K = 2 is scored").isEqualTo("SCORED");

        putSweep(round.getId(), organizer, "{\"shots\":[0,2],\"seed\":6}").andExpect(status().isOk());
        assertThat(jobs(scored)).as("a new seed draws new demonstrations: scored again").containsExactly("0:DONE:-", "2:QUEUED:6");

        putSweep(round.getId(), organizer, "{\"shots\":[]}").andExpect(status().isOk())
                .andExpect(jsonPath("$.shots").isEmpty()).andExpect(jsonPath("$.seed").value("default"));
        assertThat(jobs(scored)).as("a removed K's jobs go").containsExactly("0:DONE:-");
        assertThat(jdbc.sql("select count(*) from ladder_curve where submission_id = ?").param(scored).query(Long.class).single())
                .as("the zero-shot curves stay").isPositive();
    }

    @Test
    void theRoundFormSetsTheSweepAndSaysWhatIsWrong() throws Exception {
        var organizer = user(newAccount(Role.ORGANIZER).getEmail()).roles("ORGANIZER");
        String name = "Form sweep " + System.nanoTime();
        String opens = LocalDate.now().plusDays(100) + "T09:00";
        String closes = LocalDate.now().plusDays(130) + "T17:30";
        var refused = mvc.perform(post("/organizer/rounds").with(csrf()).with(organizer).param("name", name)
                        .param("opensAt", opens).param("closesAt", closes).param("minExamples", "10").param("dailyLimit", "2")
                        .param("failedDailyLimit", "5").param("ladderNames", "micro").param("fewshotShots", "0, two"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(refused.getFlashMap().get("problems").toString()).contains("'two' is not a whole number");
        refused = mvc.perform(post("/organizer/rounds").with(csrf()).with(organizer).param("name", name)
                        .param("opensAt", opens).param("closesAt", closes).param("minExamples", "10").param("dailyLimit", "2")
                        .param("failedDailyLimit", "5").param("ladderNames", "micro").param("fewshotShots", "0 10"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(refused.getFlashMap().get("problems").toString())
                .contains("few-shot sweep: K = 10 is too large: a submission of the round's minimum size has 10 examples");
        assertThat(rounds.findAll()).noneMatch(r -> r.getName().equals(name));

        mvc.perform(post("/organizer/rounds").with(csrf()).with(organizer).param("name", name)
                        .param("opensAt", opens).param("closesAt", closes).param("minExamples", "10").param("dailyLimit", "2")
                        .param("failedDailyLimit", "5").param("ladderNames", "micro").param("fewshotShots", "4, 1")
                        .param("fewshotSeed", "77"))
                .andExpect(status().is3xxRedirection());
        Round round = rounds.findAll().stream().filter(r -> r.getName().equals(name)).findFirst().orElseThrow();
        assertThat(round.getFewShotShots()).containsExactly(0, 1, 4);
        assertThat(round.getFewShotSeed()).isEqualTo(77L);
        String page = mvc.perform(get("/organizer/rounds").param("edit", round.getId().toString()).with(organizer))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("K = 0, 1, 4; seed 77").contains("value=\"0, 1, 4\"").contains("value=\"77\"");
    }
}
