package org.ladderboard.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.ladderboard.app.EmbeddedWorkerTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * The exports of a really scored winner: CSVs that contestants' text cannot attack, the winners' JSON, and the
 * release bundle with the files as sent and every model's per-example outputs, streamed or prepared in the background.
 */
class ExportFlowTest extends EmbeddedWorkerTest {

    @Test
    void winnersAreExportedSafelyAndReleasedWithTheirLabelledData() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        String body = mvc.perform(multipart("/api/submissions").file(new MockMultipartFile("file", "probe.csv", "text/csv", classificationCsv(12)))
                        .param("taskType", "classification").param("name", "=HYPERLINK(\"http://evil.example\",\"x\")")
                        .param("description", "@SUM(1+1)").with(httpBasic(contestant.getEmail(), PASSWORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = JSON.readTree(body).get("id").asLong();
        awaitStatus(contestant, id, "SCORED");
        long round = jdbc.sql("select round_id from submission where id = ?").param(id).query(Long.class).single();
        Account organizer = newAccount(Role.ORGANIZER);
        var asOrganizer = user(organizer.getEmail()).roles("ORGANIZER");
        mvc.perform(post("/organizer/rounds/" + round + "/winners").param("submission", String.valueOf(id)).param("tier", "grand")
                .with(csrf()).with(asOrganizer)).andExpect(status().is3xxRedirection());

        String winners = download("/organizer/rounds/" + round + "/export/winners.csv", asOrganizer);
        assertThat(winners).startsWith("tier,submission_id,task_name").contains("grand," + id + ",\"'=HYPERLINK(");
        assertThat(winners).doesNotContain(",\"=HYPERLINK").doesNotContain(",=HYPERLINK");
        String all = download("/organizer/rounds/" + round + "/export/submissions.csv", asOrganizer);
        assertThat(all).contains("'@SUM(1+1)").contains("micro-1m");
        assertThat(download("/organizer/rounds/" + round + "/export/winners.json", asOrganizer)).contains("\"tier\" : \"grand\"")
                .contains("\"verdict\"");
        assertThat(download("/organizer/rounds/" + round + "/export/leaderboard.csv", asOrganizer)).contains("'=HYPERLINK(");

        MvcResult zipStarted = mvc.perform(get("/organizer/rounds/" + round + "/export/release.zip").with(asOrganizer))
                .andExpect(request().asyncStarted()).andReturn();
        byte[] zip = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(zipStarted))
                .andReturn().getResponse().getContentAsByteArray();
        java.util.Map<String, String> entries = new java.util.TreeMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        String folder = "grand-" + id + "-hyperlink-http-evil-example-x/";
        assertThat(entries).containsKeys(folder + "data/probe.csv", folder + "datasheet.md", folder + "labelled_data.jsonl");
        assertThat(entries.get(folder + "data/probe.csv")).isEqualTo(new String(classificationCsv(12), StandardCharsets.UTF_8));
        assertThat(entries.get(folder + "datasheet.md")).contains("Prize tier: grand").contains("| micro | loss |");
        String[] labelled = entries.get(folder + "labelled_data.jsonl").strip().split("\n");
        assertThat(labelled).hasSize(12);
        JsonNode first = JSON.readTree(labelled[0]);
        assertThat(first.get("prompt").asString()).startsWith("Question 0:");
        for (String model : java.util.List.of("micro-40k", "micro-100k", "micro-300k", "micro-1m")) {
            assertThat(first.has(model + "_loss")).as(model).isTrue();
            assertThat(first.get(model + "_class_logprobs")).hasSize(2);
        }

        // the same bundle prepared in the background, then downloaded from the exports page
        mvc.perform(post("/organizer/rounds/" + round + "/exports").param("kind", "release.zip").with(csrf()).with(asOrganizer))
                .andExpect(status().is3xxRedirection());
        long job = jdbc.sql("select max(id) from export_job where kind = 'release.zip'").query(Long.class).single();
        Awaitility.await("export " + job + " ready").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> "READY".equals(jdbc.sql("select status from export_job where id = ?").param(job).query(String.class).single()));
        mvc.perform(get("/organizer/exports").with(asOrganizer)).andExpect(content().string(
                org.hamcrest.Matchers.containsString("/organizer/exports/" + job)));
        byte[] background = mvc.perform(get("/organizer/exports/" + job).with(asOrganizer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        java.util.List<String> names = new java.util.ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(background))) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                names.add(e.getName());
            }
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(entries.keySet());

        mvc.perform(get("/organizer/rounds/" + round + "/export/winners.csv").with(user(contestant.getEmail()).roles("CONTESTANT")))
                .andExpect(status().isForbidden());
    }
}
