package org.ladderboard.app.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.ScoredTask;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.ApiTokenService;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.account.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Organizers' rounds over the API: the rounds page's rules, roles and token scopes. */
class RoundApiTest extends IntegrationTest {

    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcTemplate template;

    /** A round that opens years from now, so it never becomes the tests' current round. */
    private static String future(String name) {
        return """
                {"name": "%s", "description": "later", "opensAt": "2031-01-01T00:00:00Z", "closesAt": "2031-02-01T00:00:00Z",
                 "ladders": ["micro"], "dailyLimit": 2}""".formatted(name);
    }

    private long create(Account organizer, String name) throws Exception {
        String body = mvc.perform(post("/api/rounds").with(httpBasic(organizer.getEmail(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(future(name)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body).get("id").asLong();
    }

    @Test
    void anOrganizerCreatesReadsListsAndEditsARound() throws Exception {
        Account organizer = newAccount(Role.ORGANIZER);
        String name = "API round " + UUID.randomUUID();
        String created = mvc.perform(post("/api/rounds").with(httpBasic(organizer.getEmail(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(future(name)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/rounds/")))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.dailyLimit").value(2))
                .andExpect(jsonPath("$.failedDailyLimit").value(Round.DEFAULT_FAILED_DAILY_LIMIT))
                .andExpect(jsonPath("$.open").value(false))
                .andReturn().getResponse().getHeader("Location");

        mvc.perform(get(created).with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ladders[0]").value("micro"));
        mvc.perform(get("/api/rounds").with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].name", hasItem(name)));

        // an edit changes what it names and keeps the rest
        mvc.perform(patch(created).with(httpBasic(organizer.getEmail(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + name + " renamed\", \"minExamples\": 50}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name + " renamed"))
                .andExpect(jsonPath("$.minExamples").value(50))
                .andExpect(jsonPath("$.dailyLimit").value(2))
                .andExpect(jsonPath("$.description").value("later"));
        assertThat(jdbc.sql("select count(*) from audit_event where action in ('round created', 'round edited') and subject like ?")
                .param(name + "%").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void wrongSettingsAreRefusedFieldByFieldAndNothingChanges() throws Exception {
        Account organizer = newAccount(Role.ORGANIZER);
        long id = create(organizer, "Kept " + UUID.randomUUID());
        mvc.perform(patch("/api/rounds/" + id).with(httpBasic(organizer.getEmail(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"closesAt\": \"2000-01-01T00:00:00Z\", \"ladders\": [\"gpt-9\"], \"dailyLimit\": -1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("the round was not saved"))
                .andExpect(jsonPath("$.fields.closesAt").value("the round must close after it opens"))
                .andExpect(jsonPath("$.fields.ladders").value("no ladder named gpt-9"))
                .andExpect(jsonPath("$.fields.dailyLimit").exists());
        assertThat(rounds.findById(id).orElseThrow().getDailyLimit()).isEqualTo(2);

        mvc.perform(post("/api/rounds").with(httpBasic(organizer.getEmail(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"No times\", \"ladders\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.opensAt").exists())
                .andExpect(jsonPath("$.fields.ladders").value("choose at least one ladder to score the round on"));
        mvc.perform(post("/api/rounds").with(httpBasic(organizer.getEmail(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"opensAt\": \"next tuesday\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").exists());
        mvc.perform(get("/api/rounds/987654321").with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("no round 987654321"));
    }

    @Test
    void reScoringARoundQueuesItsScoredSubmissionsAgain() throws Exception {
        Account organizer = newAccount(Role.ORGANIZER);
        long id = create(organizer, "Rescored " + UUID.randomUUID());
        long scored = ScoredTask.create(jdbc, template, id, newAccount(Role.CONTESTANT).getId(), "To rescore", "r",
                List.of("task.csv"), 8);
        mvc.perform(post("/api/rounds/" + id + "/rescore").with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rescored").value(1));
        assertThat(jdbc.sql("select status from submission where id = ?").param(scored).query(String.class).single())
                .isEqualTo("QUEUED");
        mvc.perform(post("/api/rounds/987654321/rescore").with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyOrganizersManageRoundsAndOnlyWithAManageToken() throws Exception {
        Account organizer = newAccount(Role.ORGANIZER);
        long id = create(organizer, "Guarded " + UUID.randomUUID());
        for (Role role : List.of(Role.JUDGE, Role.CONTESTANT)) {
            Account other = newAccount(role);
            mvc.perform(get("/api/rounds").with(httpBasic(other.getEmail(), PASSWORD))).andExpect(status().isForbidden());
            mvc.perform(get("/api/rounds/" + id).with(httpBasic(other.getEmail(), PASSWORD))).andExpect(status().isForbidden());
            mvc.perform(patch("/api/rounds/" + id).with(httpBasic(other.getEmail(), PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"taken\"}")).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/rounds")).andExpect(status().isUnauthorized());

        String read = tokens.issue(organizer, "dashboard", EnumSet.of(TokenScope.READ)).value();
        String readSubmit = tokens.issue(organizer, "old", EnumSet.of(TokenScope.READ, TokenScope.SUBMIT)).value();
        String manage = tokens.issue(organizer, "admin", EnumSet.of(TokenScope.MANAGE)).value();
        mvc.perform(get("/api/rounds/" + id).header("Authorization", "Bearer " + read)).andExpect(status().isOk());
        mvc.perform(get("/api/rounds/" + id).header("Authorization", "Bearer " + manage)).andExpect(status().isForbidden());
        for (String token : List.of(read, readSubmit)) {
            mvc.perform(patch("/api/rounds/" + id).header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"renamed\"}")).andExpect(status().isForbidden());
        }
        mvc.perform(patch("/api/rounds/" + id).header("Authorization", "Bearer " + manage)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"description\": \"by token\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.description").value("by token"));
    }
}
