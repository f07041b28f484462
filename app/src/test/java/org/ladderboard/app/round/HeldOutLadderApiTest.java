package org.ladderboard.app.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Holding a ladder out and releasing it, by the API and on the rounds page: who may, what is refused, what is audited. */
class HeldOutLadderApiTest extends HeldOutLadderTest {

    private static MockHttpServletRequestBuilder hold(long round, String ladder, String body) {
        return put("/api/rounds/" + round + "/ladders/" + ladder).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder release(long round, String ladder) {
        return post("/api/rounds/" + round + "/ladders/" + ladder + "/release");
    }

    private RequestPostProcessor api(Role role) {
        return httpBasic(newAccount(role).getEmail(), PASSWORD);
    }

    private long audited(String action, String detail) {
        return jdbc.sql("select count(*) from audit_event where action = ? and detail = ?").params(action, detail)
                .query(Long.class).single();
    }

    /** A round that opens later, so the tests' shared round stays current. */
    private Round futureRound() {
        Round round = new Round("Held-out API round " + System.nanoTime(),
                LocalDate.now().plusDays(200).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                LocalDate.now().plusDays(230).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        round.setLadders(new java.util.LinkedHashSet<>(java.util.List.of("micro", VAULT)));
        return rounds.save(round);
    }

    private boolean heldOut(long round, String ladder) {
        return jdbc.sql("select held_out from round_ladder where round_id = ? and ladder = ?").params(round, ladder)
                .query(Boolean.class).single();
    }

    @Test
    void organizersHoldOutAndReleaseByTheApiAndEveryoneElseIsRefused() throws Exception {
        long id = futureRound().getId();
        RequestPostProcessor organizer = api(Role.ORGANIZER);

        mvc.perform(hold(id, VAULT, "{\"heldOut\": true}").with(organizer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.ladder").value(VAULT)).andExpect(jsonPath("$.heldOut").value(true))
                .andExpect(jsonPath("$.private").value(true)).andExpect(jsonPath("$.releasedAt").value(Matchers.nullValue()));
        assertThat(audited("ladder held out", "ladder " + VAULT)).isPositive();
        // the same again changes nothing and is not audited twice
        long before = audited("ladder held out", "ladder " + VAULT);
        mvc.perform(hold(id, VAULT, "{\"heldOut\": true}").with(organizer)).andExpect(status().isOk());
        assertThat(audited("ladder held out", "ladder " + VAULT)).isEqualTo(before);

        // bad bodies: 400 saying what to send
        for (String body : new String[] {"", "{}", "{\"heldOut\": \"yes\"}", "[true]", "{\"heldOut\": tru"}) {
            mvc.perform(hold(id, VAULT, body).with(organizer)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").isString());
        }
        // unknown round or ladder: 404
        mvc.perform(hold(id, "nowhere", "{\"heldOut\": true}").with(organizer)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("no ladder named 'nowhere'")));
        mvc.perform(hold(999_999_999L, VAULT, "{\"heldOut\": true}").with(organizer)).andExpect(status().isNotFound());
        mvc.perform(release(id, "nowhere").with(organizer)).andExpect(status().isNotFound());
        // a public ladder has nothing to release: 409
        mvc.perform(release(id, "micro").with(organizer)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("not held out")));
        // judges and contestants may not: 403; without credentials: 401
        for (Role role : new Role[] {Role.JUDGE, Role.CONTESTANT}) {
            mvc.perform(hold(id, VAULT, "{\"heldOut\": false}").with(api(role))).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.error").isString());
            mvc.perform(release(id, VAULT).with(api(role))).andExpect(status().isForbidden());
        }
        mvc.perform(hold(id, VAULT, "{\"heldOut\": false}")).andExpect(status().isUnauthorized());
        mvc.perform(release(id, VAULT)).andExpect(status().isUnauthorized());
        assertThat(heldOut(id, VAULT)).isTrue();

        mvc.perform(release(id, VAULT).with(organizer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.heldOut").value(true)).andExpect(jsonPath("$.private").value(false))
                .andExpect(jsonPath("$.releasedAt").isString());
        assertThat(audited("held-out ladder released", "ladder " + VAULT)).isPositive();
        // a release is final
        mvc.perform(release(id, VAULT).with(organizer)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(Matchers.containsString("released already")));
        mvc.perform(hold(id, VAULT, "{\"heldOut\": false}").with(organizer)).andExpect(status().isConflict());
    }

    @Test
    void theRoundsPageHoldsOutAndReleasesAndARoundEditKeepsTheHeldOutLadder() throws Exception {
        Round round = futureRound();
        long id = round.getId();
        Account organizerAccount = newAccount(Role.ORGANIZER);
        RequestPostProcessor organizer = user(organizerAccount.getEmail()).roles("ORGANIZER");

        String page = mvc.perform(get("/organizer/rounds").with(organizer)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("/organizer/rounds/" + id + "/ladders/" + VAULT + "/held-out");
        mvc.perform(post("/organizer/rounds/" + id + "/ladders/" + VAULT + "/held-out").param("heldOut", "true")
                .with(csrf()).with(organizer)).andExpect(status().is3xxRedirection());
        assertThat(heldOut(id, VAULT)).isTrue();
        page = mvc.perform(get("/organizer/rounds").with(organizer)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("held out").contains("/organizer/rounds/" + id + "/ladders/" + VAULT + "/release");

        // saving the round with its ladders unchanged keeps the held-out state; taking the ladder off is refused
        String opens = LocalDate.now().plusDays(200) + "T00:00";
        String closes = LocalDate.now().plusDays(230) + "T00:00";
        mvc.perform(post("/organizer/rounds").with(csrf()).with(organizer).param("id", Long.toString(id))
                .param("name", round.getName()).param("opensAt", opens).param("closesAt", closes).param("minExamples", "300")
                .param("dailyLimit", "5").param("failedDailyLimit", "20").param("ladderNames", "micro", VAULT))
                .andExpect(status().is3xxRedirection());
        assertThat(heldOut(id, VAULT)).isTrue();
        var refused = mvc.perform(post("/organizer/rounds").with(csrf()).with(organizer).param("id", Long.toString(id))
                        .param("name", round.getName()).param("opensAt", opens).param("closesAt", closes)
                        .param("minExamples", "300").param("dailyLimit", "5").param("failedDailyLimit", "20")
                        .param("ladderNames", "micro"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(refused.getFlashMap().get("problems").toString()).contains("ladder vault is held out");
        assertThat(rounds.findById(id).orElseThrow().getLadders()).contains(VAULT);

        // judges may not use the page's actions
        mvc.perform(post("/organizer/rounds/" + id + "/ladders/" + VAULT + "/release").with(csrf())
                .with(user(newAccount(Role.JUDGE).getEmail()).roles("JUDGE"))).andExpect(status().isForbidden());
        mvc.perform(post("/organizer/rounds/" + id + "/ladders/" + VAULT + "/release").with(csrf()).with(organizer))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select released_at is not null from round_ladder where round_id = ? and ladder = ?")
                .params(id, VAULT).query(Boolean.class).single()).isTrue();
        var again = mvc.perform(post("/organizer/rounds/" + id + "/ladders/" + VAULT + "/release").with(csrf()).with(organizer))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(again.getFlashMap().get("problems").toString()).contains("released already");
        mvc.perform(post("/organizer/rounds/" + id + "/ladders/nowhere/release").with(csrf()).with(organizer))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from audit_event where actor_id = ? and action like '%ladder%'")
                .param(organizerAccount.getId()).query(Long.class).single()).isEqualTo(2);
    }
}
