package org.ladderboard.app.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.dataset.Sha256;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SubmissionApiTest extends IntegrationTest {

    private static MockMultipartHttpServletRequestBuilder upload(String path, String fileName, byte[] bytes) {
        return (MockMultipartHttpServletRequestBuilder) multipart(path)
                .file(new MockMultipartFile("file", fileName, "text/csv", bytes))
                .param("taskType", "classification");
    }

    private static MockMultipartHttpServletRequestBuilder submission(Account who, String fileName, byte[] bytes) {
        return (MockMultipartHttpServletRequestBuilder) upload("/api/submissions", fileName, bytes)
                .param("name", "Memo trap").param("cause", "strong_prior").param("shots", "zero-shot")
                .param("whyInverse", "Larger models memorise more.")
                .with(httpBasic(who.getEmail(), PASSWORD));
    }

    private long submitValid(Account who) throws Exception {
        String body = mvc.perform(submission(who, "data.csv", classificationCsv(12)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body).get("id").asLong();
    }

    @Test
    void validateNeedsNoAccountAndPlacesEveryProblem() throws Exception {
        mvc.perform(upload("/api/validate", "ok.csv", classificationCsv(10)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.rows").value(10))
                .andExpect(jsonPath("$.preview[0].classes[0]").value(" Yes"));

        String broken = "prompt,classes,answer_index\n\"two\nlines\",\"[' a', ' b']\",0\nq,\"[' a', ' b']\",7\n";
        mvc.perform(upload("/api/validate", "broken.csv", broken.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[0].code").value("answer_index_out_of_range"))
                .andExpect(jsonPath("$.errors[0].part").value("broken"))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].line").value(4))
                .andExpect(jsonPath("$.errors[0].column").value("answer_index"));

        mvc.perform(upload("/api/validate", "ok.csv", classificationCsv(10)).param("taskType", "regression"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("unknown taskType")));
    }

    @Test
    void anAcceptedUploadIsStoredWholeAndQueuedOnEveryLadderModel() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        byte[] csv = classificationCsv(12);
        long id = submitValid(contestant);

        assertThat(jdbc.sql("select status from submission where id = ?").param(id).query(String.class).single()).isEqualTo("QUEUED");
        assertThat(jdbc.sql("select count(*) from example where submission_id = ?").param(id).query(Long.class).single()).isEqualTo(12);
        assertThat(jdbc.sql("select sha256 from submission_part where submission_id = ?").param(id).query(String.class).single())
                .isEqualTo(Sha256.hex(csv));
        assertThat(jdbc.sql("select content from submission_part where submission_id = ?").param(id).query(byte[].class).single())
                .isEqualTo(csv);
        // multi-line prompts keep their text and their physical line
        assertThat(jdbc.sql("select prompt || '|' || line_number from example where submission_id = ? and position = 1")
                .param(id).query(String.class).single()).isEqualTo("Question 1:\nIs it so?|4");
        assertThat(jdbc.sql("select model from scoring_job where submission_id = ? order by model_parameters")
                .param(id).query(String.class).list()).containsExactly("micro-40k", "micro-100k", "micro-300k", "micro-1m");
        assertThat(jdbc.sql("select status from submission_event where submission_id = ? order by id")
                .param(id).query(String.class).list()).containsExactly("VALIDATED", "QUEUED");

        mvc.perform(get("/api/submissions/" + id).with(httpBasic(contestant.getEmail(), PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("QUEUED"))
                .andExpect(jsonPath("$.name").value("Memo trap"))
                .andExpect(jsonPath("$.cause").value("strong_prior"))
                .andExpect(jsonPath("$.examples").value(12))
                .andExpect(jsonPath("$.jobs", hasSize(4)))
                .andExpect(jsonPath("$.history[1].status").value("QUEUED"));
    }

    @Test
    void aRejectedUploadStoresNothingButTheAttempt() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        List<Long> before = List.of(count("submission"), count("submission_part"), count("example"), count("scoring_job"));
        byte[] bad = "prompt,classes,answer_index\nq,\"[' a']\",0\n".getBytes(StandardCharsets.UTF_8);

        mvc.perform(submission(contestant, "bad.csv", bad))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.code == 'classes_too_few')].line").value(2))
                .andExpect(jsonPath("$.errors[?(@.code == 'too_few_rows')]").exists());

        assertThat(List.of(count("submission"), count("submission_part"), count("example"), count("scoring_job")))
                .isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from upload_attempt where account_id = ? and not accepted")
                .param(contestant.getId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDailyLimitAnswers429WithTheResetTime() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        for (int i = 0; i < ROUND_DAILY_LIMIT; i++) {
            submitValid(contestant);
        }
        String midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        mvc.perform(submission(contestant, "data.csv", classificationCsv(12)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.resetsAt").value(midnight));
        mvc.perform(get("/api/rounds/current").with(httpBasic(contestant.getEmail(), PASSWORD)))
                .andExpect(jsonPath("$.quota.remaining").value(0))
                .andExpect(jsonPath("$.quota.resetsAt").value(midnight));
    }

    @Test
    void rejectedUploadsHaveTheirOwnCap() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        byte[] bad = "prompt\nq\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < ROUND_FAILED_LIMIT; i++) {
            mvc.perform(submission(contestant, "bad.csv", bad)).andExpect(status().isUnprocessableContent());
        }
        mvc.perform(submission(contestant, "bad.csv", bad))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.error", containsString("rejected")));
        // the accepted-submission count is untouched
        mvc.perform(get("/api/rounds/current").with(httpBasic(contestant.getEmail(), PASSWORD)))
                .andExpect(jsonPath("$.quota.remaining").value(ROUND_DAILY_LIMIT));
    }

    @Test
    void aZipBecomesOnePartPerFile() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String part : List.of("easy.csv", "hard.csv")) {
                out.putNextEntry(new ZipEntry(part));
                out.write(classificationCsv(4));
                out.closeEntry();
            }
        }
        // the two parts repeat each other's rows: accepted, with a duplicate warning
        long id = JsonMapper.builder().build().readTree(mvc.perform(submission(newAccount(Role.CONTESTANT), "task.zip", zip.toByteArray()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
        assertThat(jdbc.sql("select name from submission_part where submission_id = ? order by position").param(id)
                .query(String.class).list()).containsExactly("easy", "hard");
        assertThat(jdbc.sql("select max(position) from example where submission_id = ?").param(id).query(Integer.class).single())
                .isEqualTo(7);
        assertThat(jdbc.sql("select code from validation_finding where submission_id = ?").param(id).query(String.class).list())
                .contains("duplicate_row");
    }

    @Test
    void formFieldsAreCheckedBeforeTheFile() throws Exception {
        mvc.perform(upload("/api/submissions", "data.csv", classificationCsv(10)).param("cause", "aliens")
                        .with(httpBasic(newAccount(Role.CONTESTANT).getEmail(), PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.name").exists())
                .andExpect(jsonPath("$.fields.cause").exists());
    }

    @Test
    void onlyContestantsSubmitAndOnlyOwnersJudgesAndOrganizersSee() throws Exception {
        Account owner = newAccount(Role.CONTESTANT);
        long id = submitValid(owner);
        Account other = newAccount(Role.CONTESTANT);
        Account judge = newAccount(Role.JUDGE);
        Account organizer = newAccount(Role.ORGANIZER);

        mvc.perform(get("/api/submissions/" + id)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/submissions/" + id).with(httpBasic(other.getEmail(), PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/api/submissions/" + id).with(httpBasic(judge.getEmail(), PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/submissions/" + id).with(httpBasic(organizer.getEmail(), PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/submissions/" + id).with(httpBasic(owner.getEmail(), "wrong password"))).andExpect(status().isUnauthorized());

        mvc.perform(submission(judge, "data.csv", classificationCsv(10))).andExpect(status().isForbidden());
        mvc.perform(upload("/api/submissions", "data.csv", classificationCsv(10)).param("name", "x"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/submissions").with(httpBasic(other.getEmail(), PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode paths = JsonMapper.builder().build().readTree(doc).get("paths");
        assertThat(paths.has("/api/validate")).isTrue();
        assertThat(paths.has("/api/submissions")).isTrue();
        assertThat(paths.has("/api/submissions/{id}")).isTrue();
        assertThat(paths.has("/api/rounds/current")).isTrue();
    }
}
