package org.ladderboard.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile uploads through the validation and submission endpoints: never a 500, nothing stored from a rejected
 * file, every rejection explained. CI runs a slice; {@code -Dhostile.count=1000} runs the full set:
 * {@code ./mvnw -pl app test -Dtest=HostileUploadTest -Dhostile.count=1000}.
 */
class HostileUploadTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void hostileFilesNeverBreakTheServerAndRejectionsStoreNothing() throws Exception {
        int count = Integer.getInteger("hostile.count", 64);
        List<HostileFiles.Hostile> files = HostileFiles.generate(count, 20261123L);
        Map<String, Integer> statuses = new TreeMap<>();
        long storedBefore = count("submission") + count("example") + count("submission_part");
        List<Long> accepted = new java.util.ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            HostileFiles.Hostile h = files.get(i);
            MockMultipartFile file = new MockMultipartFile("file", h.fileName(), "application/octet-stream", h.bytes());
            MockHttpServletResponse validate = mvc.perform(multipart("/api/validate").file(file).param("taskType",
                    h.fileName().endsWith(".jsonl") && h.kind().equals("json tricks") ? "classification" : "classification"))
                    .andReturn().getResponse();
            statuses.merge("validate " + validate.getStatus(), 1, Integer::sum);
            assertThat(validate.getStatus()).as("%s (%s)", h.kind(), h.fileName()).isIn(200, 400, 413, 422);
            JsonNode report = JSON.readTree(validate.getContentAsString());
            if (validate.getStatus() == 422) {
                assertThat(report.get("errors")).as(h.kind()).isNotEmpty();
                for (JsonNode e : report.get("errors")) {
                    assertThat(e.get("message").asString()).as(h.kind()).isNotBlank();
                    assertThat(e.get("code").asString()).as(h.kind()).isNotBlank();
                }
            }
            assertThat(validate.getStatus() == 200 || validate.getStatus() == 422 && !h.valid())
                    .as("%s: a valid file must be accepted and an invalid one rejected", h.kind()).isTrue();

            // every fifth file (every kind, over a run) is also submitted, by a fresh contestant (the caps are per contestant)
            if (i % 5 == 0) {
                Account contestant = newAccount(Role.CONTESTANT);
                MockHttpServletResponse submit = mvc.perform(multipart("/api/submissions").file(file)
                        .param("taskType", "classification").param("name", HostileFiles.PAYLOADS[i % HostileFiles.PAYLOADS.length])
                        .param("description", "<script>alert(1)</script>")
                        .with(httpBasic(contestant.getEmail(), PASSWORD))).andReturn().getResponse();
                statuses.merge("submit " + submit.getStatus(), 1, Integer::sum);
                assertThat(submit.getStatus()).as("%s submitted", h.kind()).isIn(201, 400, 413, 422);
                if (submit.getStatus() == 201) {
                    long id = JSON.readTree(submit.getContentAsString()).get("id").asLong();
                    accepted.add(id);
                    String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/submissions/" + id)
                                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                            .user(contestant.getEmail()).roles("CONTESTANT")))
                            .andReturn().getResponse().getContentAsString();
                    assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
                }
            }
        }
        System.out.println("hostile uploads: " + count + " files, responses " + statuses);
        long storedAfter = count("submission") + count("example") + count("submission_part");
        // only accepted submissions stored anything: their own row, parts and examples, and nothing else
        long acceptedRows = 0;
        for (long id : accepted) {
            acceptedRows += 1 + jdbc.sql("select count(*) from example where submission_id = ?").param(id).query(Long.class).single()
                    + jdbc.sql("select count(*) from submission_part where submission_id = ?").param(id).query(Long.class).single();
        }
        assertThat(storedAfter - storedBefore).isEqualTo(acceptedRows);
        assertThat(statuses.keySet()).noneMatch(k -> k.endsWith(" 500"));
    }
}
