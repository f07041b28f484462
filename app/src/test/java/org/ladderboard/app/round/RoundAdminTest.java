package org.ladderboard.app.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class RoundAdminTest extends IntegrationTest {

    private RequestPostProcessor organizer() {
        return user(newAccount(Role.ORGANIZER).getEmail()).roles("ORGANIZER");
    }

    @Test
    void organizersCreateEditAndRescoreRounds() throws Exception {
        String name = "Future round " + System.nanoTime();
        // a round that opens later, so the tests' open round stays the current one
        String opens = LocalDate.now().plusDays(100) + "T09:00";
        String closes = LocalDate.now().plusDays(130) + "T17:30";
        mvc.perform(post("/organizer/rounds").with(csrf()).with(organizer()).param("name", name).param("opensAt", opens)
                        .param("closesAt", closes).param("minExamples", "500").param("dailyLimit", "2").param("failedDailyLimit", "5")
                        .param("ladderNames", "micro"))
                .andExpect(status().is3xxRedirection());
        Round round = rounds.findAll().stream().filter(r -> r.getName().equals(name)).findFirst().orElseThrow();
        assertThat(round.getOpensAt().toString()).isEqualTo(opens + ":00Z");
        assertThat(round.getMinExamples()).isEqualTo(500);
        assertThat(round.getLadders()).containsExactly("micro");

        // closing before opening, or an unknown ladder, changes nothing
        mvc.perform(post("/organizer/rounds").with(csrf()).with(organizer()).param("id", round.getId().toString()).param("name", name)
                .param("opensAt", closes).param("closesAt", opens).param("minExamples", "1").param("dailyLimit", "1")
                .param("failedDailyLimit", "1").param("ladderNames", "nonexistent")).andExpect(status().is3xxRedirection());
        assertThat(rounds.findById(round.getId()).orElseThrow().getMinExamples()).isEqualTo(500);
        // a round with no ladder could never score an upload: refused, and the form comes back as it was typed
        var refused = mvc.perform(post("/organizer/rounds").with(csrf()).with(organizer()).param("id", round.getId().toString())
                .param("name", name + " renamed").param("opensAt", opens).param("closesAt", closes).param("minExamples", "400")
                .param("dailyLimit", "3").param("failedDailyLimit", "6")).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(refused.getFlashMap().get("problems").toString()).contains("choose at least one ladder");
        assertThat(rounds.findById(round.getId()).orElseThrow().getMinExamples()).isEqualTo(500);
        assertThat(rounds.findById(round.getId()).orElseThrow().getLadders()).containsExactly("micro");
        String form = mvc.perform(get("/organizer/rounds").param("edit", round.getId().toString()).with(organizer())
                        .flashAttrs(refused.getFlashMap())).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("value=\"" + name + " renamed\"").contains("value=\"400\"").contains("choose at least one ladder");
        mvc.perform(post("/organizer/rounds").with(csrf()).with(organizer()).param("id", round.getId().toString()).param("name", name)
                .param("opensAt", opens).param("closesAt", closes).param("minExamples", "400").param("dailyLimit", "3")
                .param("failedDailyLimit", "6").param("ladderNames", "micro")).andExpect(status().is3xxRedirection());
        assertThat(rounds.findById(round.getId()).orElseThrow().getMinExamples()).isEqualTo(400);
        // numbers that are not numbers, or past what can be stored, are named beside the form, not a bare 400 page
        var notNumbers = mvc.perform(post("/organizer/rounds").with(csrf()).with(organizer()).param("id", round.getId().toString())
                .param("name", name).param("opensAt", opens).param("closesAt", closes).param("minExamples", "many")
                .param("dailyLimit", "99999999999").param("failedDailyLimit", "6").param("ladderNames", "micro"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(notNumbers.getFlashMap().get("problems").toString())
                .contains("minimum examples: 'many' is not a whole number")
                .contains("submissions per day: '99999999999' is not a whole number this app can store");
        assertThat(rounds.findById(round.getId()).orElseThrow().getMinExamples()).isEqualTo(400);

        // re-scoring queues one job per ladder model again for every scored submission of the round
        mvc.perform(post("/organizer/rounds").with(csrf()).with(organizer()).param("id", round.getId().toString()).param("name", name)
                .param("opensAt", opens).param("closesAt", closes).param("minExamples", "400").param("dailyLimit", "3")
                .param("failedDailyLimit", "6").param("ladderNames", "micro")).andExpect(status().is3xxRedirection());
        Account contestant = newAccount(Role.CONTESTANT);
        long submission = jdbc.sql("""
                        insert into submission (round_id, account_id, task_name, shots, cause, task_type, status, example_count,
                                                file_name, file_sha256, file_bytes)
                        values (?, ?, 'old', 'zero-shot', 'other', 'classification', 'SCORED', 7, 'f.csv', repeat('0', 64), 1)
                        returning id""").params(round.getId(), contestant.getId()).query(Long.class).single();
        mvc.perform(post("/organizer/rounds/" + round.getId() + "/rescore").with(csrf()).with(organizer()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from submission where id = ?").param(submission).query(String.class).single()).isEqualTo("QUEUED");
        assertThat(jdbc.sql("select count(*) from scoring_job where submission_id = ? and status = 'QUEUED' and examples_total = 7")
                .param(submission).query(Long.class).single()).isEqualTo(4);

        mvc.perform(get("/organizer/rounds").with(user(contestant.getEmail()).roles("CONTESTANT"))).andExpect(status().isForbidden());
        mvc.perform(get("/organizer/audit").with(organizer())).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("round re-scored")));
    }
}
