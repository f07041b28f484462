package org.ladderboard.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** Exports over the API: at once, in the background, their state and file; organizers only. */
class ExportApiTest extends IntegrationTest {

    @Test
    void anOrganizerDownloadsAnExportAtOnceOrInTheBackground() throws Exception {
        Account organizer = newAccount(Role.ORGANIZER);
        long round = rounds.findAll().get(0).getId();
        MvcResult now = mvc.perform(get("/api/rounds/" + round + "/exports/leaderboard.csv").with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andReturn();
        mvc.perform(asyncDispatch(now)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")));
        mvc.perform(get("/api/rounds/" + round + "/exports/report.pdf").with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isNotFound());

        String location = mvc.perform(post("/api/rounds/" + round + "/exports").with(httpBasic(organizer.getEmail(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"winners.json\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("winners.json"))
                .andReturn().getResponse().getHeader("Location");
        await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(get(location).with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andReturn().getResponse().getContentAsString().contains("\"READY\""));
        mvc.perform(get(location).with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(jsonPath("$.file").value(location + "/file"));
        mvc.perform(get(location + "/file").with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        mvc.perform(get("/api/exports").with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").exists());
        assertThat(jdbc.sql("select count(*) from audit_event where action in ('export', 'export started') and subject = ?")
                .param("round " + round).query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void whatCannotBeExportedIsRefused() throws Exception {
        Account organizer = newAccount(Role.ORGANIZER);
        long round = rounds.findAll().get(0).getId();
        mvc.perform(post("/api/rounds/" + round + "/exports").with(httpBasic(organizer.getEmail(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"report.pdf\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/rounds/987654321/exports").with(httpBasic(organizer.getEmail(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"winners.csv\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/exports/987654321").with(httpBasic(organizer.getEmail(), PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/api/exports/987654321/file").with(httpBasic(organizer.getEmail(), PASSWORD))).andExpect(status().isNotFound());
        long running = jdbc.sql("insert into export_job (round_id, kind, status, requested_by) values (?, 'release.zip', 'RUNNING', ?) returning id")
                .params(round, organizer.getId()).query(Long.class).single();
        mvc.perform(get("/api/exports/" + running + "/file").with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("export " + running + " is RUNNING: its file is not ready"));

        Account judge = newAccount(Role.JUDGE);
        mvc.perform(get("/api/exports").with(httpBasic(judge.getEmail(), PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(post("/api/rounds/" + round + "/exports").with(httpBasic(judge.getEmail(), PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"winners.csv\"}")).andExpect(status().isForbidden());
    }
}
