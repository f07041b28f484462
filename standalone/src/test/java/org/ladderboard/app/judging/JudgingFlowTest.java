package org.ladderboard.app.judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.EmbeddedWorkerTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;

/** Judges review a really scored submission blind to its author, on the rubric, and override only with a reason. */
class JudgingFlowTest extends EmbeddedWorkerTest {

    @Test
    void judgesReviewBlindOnTheRubricAndMayOverrideWithAReason() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        long id = submit(contestant, classificationCsv(12));
        awaitStatus(contestant, id, "SCORED");
        Account judge = newAccount(Role.JUDGE);
        var asJudge = user(judge.getEmail()).roles("JUDGE");

        String queue = mvc.perform(get("/judging").with(asJudge)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("/judging/" + id).doesNotContain(contestant.getEmail()).doesNotContain(contestant.getDisplayName());
        mvc.perform(get("/judging/" + id).with(asJudge)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("Inverse scaling strength"),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(contestant.getEmail())))));

        // incomplete scores, or an override without a reason, are not saved: the form comes back with them
        mvc.perform(post("/judging/" + id).with(csrf()).with(asJudge).param("strength", "4"))
                .andExpect(status().isUnprocessableContent());
        var full = post("/judging/" + id).with(csrf()).with(asJudge).param("strength", "5").param("generality", "2")
                .param("importance", "4").param("novelty", "3").param("coverage", "3").param("reproducibility", "5")
                .param("strengthNote", "clear drop on every rung");
        mvc.perform(full.param("verdictOverride", "inconclusive")).andExpect(status().isUnprocessableContent());
        assertThat(jdbc.sql("select count(*) from review where submission_id = ?").param(id).query(Long.class).single()).isZero();

        mvc.perform(full.param("overrideReason", "the probe's labels are noisy")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select strength || ' ' || reproducibility || ' ' || verdict_override || ' ' || (notes->>'strength') "
                + "from review where submission_id = ?").param(id).query(String.class).single())
                .isEqualTo("5 5 inconclusive clear drop on every rung");
        mvc.perform(get("/judging/" + id).with(asJudge))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Inconclusive: the probe&#39;s labels are noisy")));
        // the queue counts the judge's reviews, and "to do" leaves out what this judge has reviewed
        assertThat(mvc.perform(get("/judging").with(asJudge)).andReturn().getResponse().getContentAsString())
                .containsPattern("You have reviewed [1-9][0-9]* of [1-9][0-9]*\\.").contains("/judging/" + id + "\"");
        assertThat(mvc.perform(get("/judging").param("todo", "true").with(asJudge)).andReturn().getResponse().getContentAsString())
                .contains("Show all").doesNotContain("/judging/" + id + "\"");

        Account conflicted = newAccount(Role.JUDGE);
        mvc.perform(post("/judging/" + id).with(csrf()).with(user(conflicted.getEmail()).roles("JUDGE"))
                .param("conflictOfInterest", "on").param("strength", "1")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select conflict_of_interest::text || ' ' || coalesce(strength::text, 'none') from review "
                + "where submission_id = ? and judge_id = ?").params(id, conflicted.getId()).query(String.class).single())
                .isEqualTo("true none");

        mvc.perform(get("/judging").with(user(newAccount(Role.ORGANIZER).getEmail()).roles("ORGANIZER")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Reproducibility")));
        mvc.perform(get("/judging").with(user(contestant.getEmail()).roles("CONTESTANT"))).andExpect(status().isForbidden());
    }
}
