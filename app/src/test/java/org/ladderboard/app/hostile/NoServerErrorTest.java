package org.ladderboard.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Inputs that once gave a 500 (and stored nothing): each must get a 4xx that says what to change. Form fields go
 * through the app's own MVC stack; what depends on the server's parsing (multipart headers, the error path) goes over
 * real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoServerErrorTest extends IntegrationTest {

    private static final String NUL = "a\u0000b";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** One form field of the app, sent with a NUL in it. */
    private record Field(String where, String field, Function<String, RequestBuilder> request) {
    }

    private static RequestBuilder submitPage(Account contestant, String field, String value) {
        MockMultipartHttpServletRequestBuilder request = multipart("/submit")
                .file(new MockMultipartFile("file", "t.csv", "text/csv", classificationCsv(ROUND_MIN_EXAMPLES)))
                .with(csrf()).with(user(contestant.getEmail()).roles("CONTESTANT"))
                .param("taskType", "classification").param("name", "Task");
        return request.param(field, value);
    }

    private static RequestBuilder submitApi(Account contestant, String field, String value) {
        return multipart("/api/submissions")
                .file(new MockMultipartFile("file", "t.csv", "text/csv", classificationCsv(ROUND_MIN_EXAMPLES)))
                .with(httpBasic(contestant.getEmail(), PASSWORD))
                .param("taskType", "classification").param("name", "Task").param(field, value);
    }

    private static MockHttpServletRequestBuilder round(Account organizer, String field, String value) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("name", "Later round", "description", "",
                "opensAt", LocalDate.now().plusDays(200) + "T09:00", "closesAt", LocalDate.now().plusDays(230) + "T09:00",
                "minExamples", "5", "dailyLimit", "1", "failedDailyLimit", "1", "ladderNames", "micro"));
        fields.put(field, value);
        MockHttpServletRequestBuilder request = post("/organizer/rounds").with(csrf()).with(user(organizer.getEmail()).roles("ORGANIZER"));
        fields.forEach(request::param);
        return request;
    }

    private long submissionToJudge() {
        Account owner = newAccount(Role.CONTESTANT);
        long roundId = rounds.findAll().get(0).getId();
        return jdbc.sql("""
                        insert into submission (round_id, account_id, task_name, shots, cause, task_type, status, example_count,
                                                file_name, file_sha256, file_bytes)
                        values (?, ?, 'judged', 'zero-shot', 'other', 'classification', 'SCORED', 7, 'f.csv', repeat('0', 64), 1)
                        returning id""").params(roundId, owner.getId()).query(Long.class).single();
    }

    private MockHttpServletRequestBuilder review(Account judge, long submission, String field, String value) {
        MockHttpServletRequestBuilder request = post("/judging/" + submission).with(csrf()).with(user(judge.getEmail()).roles("JUDGE"));
        for (String criterion : List.of("strength", "generality", "importance", "novelty", "coverage", "reproducibility")) {
            request.param(criterion, "3");
        }
        if (field.equals("overrideReason")) {
            request.param("verdictOverride", "inverse");
        }
        return request.param(field, value);
    }

    private List<Field> everyFormField() {
        Account contestant = newAccount(Role.CONTESTANT);
        Account judge = newAccount(Role.JUDGE);
        Account organizer = newAccount(Role.ORGANIZER);
        long judged = submissionToJudge();
        List<Field> fields = new ArrayList<>();
        for (String f : List.of("name", "description", "whyImportant", "whyInverse", "generationProcedure", "labelExpertise")) {
            fields.add(new Field("submit page", f, v -> submitPage(contestant, f, v)));
            fields.add(new Field("submission API", f, v -> submitApi(contestant, f, v)));
        }
        fields.add(new Field("registration", "displayName", v -> post("/register").with(csrf()).param("email", "nul-" + System.nanoTime() + "@test.example")
                .param("displayName", v).param("password", PASSWORD).param("confirm", PASSWORD)));
        fields.add(new Field("registration", "email", v -> post("/register").with(csrf()).param("email", "n" + v + "@test.example")
                .param("password", PASSWORD).param("confirm", PASSWORD)));
        fields.add(new Field("API token", "name", v -> post("/account/tokens").with(csrf()).with(user(contestant.getEmail()).roles("CONTESTANT"))
                .param("name", v).param("scope", "read")));
        fields.add(new Field("review", "strengthNote", v -> review(judge, judged, "strengthNote", v)));
        fields.add(new Field("review", "overrideReason", v -> review(judge, judged, "overrideReason", v)));
        fields.add(new Field("organizer accounts", "displayName", v -> post("/organizer/accounts").with(csrf())
                .with(user(organizer.getEmail()).roles("ORGANIZER")).param("email", "judge-" + System.nanoTime() + "@test.example")
                .param("displayName", v).param("password", PASSWORD).param("role", "JUDGE")));
        fields.add(new Field("round form", "name", v -> round(organizer, "name", v)));
        fields.add(new Field("round form", "description", v -> round(organizer, "description", v)));
        return fields;
    }

    @Test
    void aNulInAnyFormFieldIsRefusedNamingTheField() throws Exception {
        List<Field> fields = everyFormField();
        long before = count("submission") + count("api_token") + count("account") + count("review") + count("round");
        List<String> failures = new ArrayList<>();
        for (Field f : fields) {
            MvcResult result;
            try {
                result = mvc.perform(f.request().apply(NUL)).andReturn();
            } catch (Exception e) {
                failures.add(f.where() + " " + f.field() + ": " + e);
                continue;
            }
            int status = result.getResponse().getStatus();
            String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (status != 400 || !body.contains("NUL") || !body.contains("“" + f.field() + "”")) {
                failures.add(f.where() + " " + f.field() + ": " + status + " " + body.substring(0, Math.min(200, body.length())));
            }
        }
        assertThat(failures).as("fields that did not answer 400 naming the NUL").isEmpty();
        assertThat(count("submission") + count("api_token") + count("account") + count("review") + count("round")).isEqualTo(before);
        // sign-in is Spring Security's own form, before any handler: a NUL there is a failed sign-in, not an error
        assertThat(mvc.perform(post("/login").with(csrf()).param("username", "a" + NUL + "@test.example").param("password", NUL))
                .andReturn().getResponse().getRedirectedUrl()).endsWith("/login?error");
        // the same fields without the NUL still work (the rule refuses only what cannot be stored)
        assertThat(mvc.perform(fields.get(0).request().apply("fine")).andReturn().getResponse().getStatus()).isLessThan(400);
    }

    @Test
    void aPasswordPastBcryptsLimitIsRefusedWithTheReason() throws Exception {
        String long73 = "é".repeat(37); // 37 characters, 74 bytes in UTF-8
        String email = "long-" + System.nanoTime() + "@test.example";
        MvcResult register = mvc.perform(post("/register").with(csrf()).param("email", email)
                .param("password", long73).param("confirm", long73)).andReturn();
        assertThat(register.getResponse().getStatus()).isEqualTo(200);
        assertThat(register.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("72 bytes");
        assertThat(jdbc.sql("select count(*) from account where email = ?").param(email).query(Long.class).single()).isZero();

        Account organizer = newAccount(Role.ORGANIZER);
        MvcResult created = mvc.perform(post("/organizer/accounts").with(csrf()).with(user(organizer.getEmail()).roles("ORGANIZER"))
                .param("email", email).param("password", long73).param("role", "JUDGE")).andReturn();
        assertThat(created.getFlashMap().get("error").toString()).contains("72 bytes");

        // signing in with such a password is a wrong password, not an error
        MvcResult login = mvc.perform(post("/login").with(csrf()).param("username", organizer.getEmail()).param("password", long73)).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).endsWith("/login?error");
    }

    private HttpResponse<String> rawMultipart(String path, String fileDisposition, byte[] content) throws Exception {
        String boundary = "b0undary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"taskType\"\r\n\r\nclassification\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; " + fileDisposition
                + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMalformedFilenameStarIsABadRequest() throws Exception {
        for (String disposition : List.of("filename*=UTF-8''%ZZ.csv", "filename*=no-such-charset''a.csv", "filename*=UTF-8''a%00b.csv")) {
            HttpResponse<String> answer = rawMultipart("/api/validate", disposition, classificationCsv(ROUND_MIN_EXAMPLES));
            assertThat(answer.statusCode()).as(disposition).isEqualTo(400);
            assertThat(answer.body()).as(disposition).contains("\"error\"").containsIgnoringCase("file name");
        }
        // a well-formed one still works
        assertThat(rawMultipart("/api/validate", "filename*=UTF-8''t%C3%A4sk.csv", classificationCsv(ROUND_MIN_EXAMPLES)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theErrorPathItselfIsNotFound() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(404);
    }

    @Test
    void aRoundNamePastItsColumnIsAFormProblem() throws Exception {
        Account organizer = newAccount(Role.ORGANIZER);
        long before = count("round");
        MvcResult result = mvc.perform(round(organizer, "name", "R".repeat(201))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getFlashMap().get("problems").toString()).contains("200 characters");
        assertThat(count("round")).isEqualTo(before);
    }

    /** What /api/validate accepts, the submit stores; what it refuses counts toward the failed-upload cap. */
    @Test
    void escapesThatWriteUnstorableTextAreRefusedByValidationAndSubmissionAlike() throws Exception {
        String row = "{\"prompt\": \"q%d\", \"classes\": [\" a\", \" b\"], \"answer_index\": 0}\n";
        StringBuilder clean = new StringBuilder();
        for (int i = 0; i < ROUND_MIN_EXAMPLES; i++) {
            clean.append(String.format(row, i));
        }
        Map<String, byte[]> files = Map.of(
                "nul.jsonl", (clean + "{\"prompt\": \"a\\u0000b\", \"classes\": [\" a\", \" b\"], \"answer_index\": 0}\n").getBytes(StandardCharsets.UTF_8),
                "hex.csv", (new String(classificationCsv(ROUND_MIN_EXAMPLES), StandardCharsets.UTF_8) + "9,q,\"[' a\\x00', ' b']\",0\n").getBytes(StandardCharsets.UTF_8),
                "octal.csv", (new String(classificationCsv(ROUND_MIN_EXAMPLES), StandardCharsets.UTF_8) + "9,q,\"[' a\\0', ' b']\",0\n").getBytes(StandardCharsets.UTF_8),
                "surrogate.jsonl", (clean + "{\"prompt\": \"half \\ud83d\", \"classes\": [\" a\", \" b\"], \"answer_index\": 0}\n").getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            MockMultipartFile upload = new MockMultipartFile("file", file.getKey(), "text/plain", file.getValue());
            int validate = mvc.perform(multipart("/api/validate").file(upload).param("taskType", "classification")).andReturn()
                    .getResponse().getStatus();
            assertThat(validate).as(file.getKey()).isEqualTo(422);
            Account contestant = newAccount(Role.CONTESTANT);
            int submit = mvc.perform(multipart("/api/submissions").file(upload).param("taskType", "classification").param("name", "T")
                    .with(httpBasic(contestant.getEmail(), PASSWORD))).andReturn().getResponse().getStatus();
            assertThat(submit).as(file.getKey()).isEqualTo(422);
            assertThat(jdbc.sql("select count(*) from upload_attempt where account_id = ? and not accepted").param(contestant.getId())
                    .query(Long.class).single()).as("a refused upload counts toward the cap").isEqualTo(1);
        }
    }
}
