package org.ladderboard.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile uploads over HTTP to the app's own server (Tomcat, multipart parsing, security filters and all): never a
 * 500, nothing stored from a rejected file, every rejection explained. CI runs a slice; {@code -Dhostile.count=1000}
 * runs the full set: {@code ./mvnw -pl app verify -Dtest=HostileUploadTest -Dhostile.count=1000}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileUploadTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private RestClient http;

    /** What came back: the status and the body as text. */
    private record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    @BeforeEach
    void client() {
        http = RestClient.create("http://localhost:" + port);
    }

    /** A multipart form: the file as a browser or curl sends it, then the text fields. */
    private static MultiValueMap<String, Object> form(String fileName, byte[] bytes, Map<String, String> fields) {
        HttpHeaders file = new HttpHeaders();
        file.setContentDisposition(ContentDisposition.formData().name("file").filename(fileName, StandardCharsets.UTF_8).build());
        file.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new HttpEntity<>(bytes, file));
        fields.forEach(form::add);
        return form;
    }

    private static Answer send(RestClient.RequestBodySpec request, MultiValueMap<String, Object> form) {
        return request.contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .exchange((sent, response) -> new Answer(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private Answer upload(String path, String fileName, byte[] bytes, Map<String, String> fields, Account as) {
        return send(http.post().uri(path).headers(h -> {
            if (as != null) {
                h.setBasicAuth(as.getEmail(), PASSWORD, StandardCharsets.UTF_8);
            }
        }), form(fileName, bytes, fields));
    }

    @Test
    void hostileFilesNeverBreakTheServerAndRejectionsStoreNothing() throws Exception {
        int count = Integer.getInteger("hostile.count", 64);
        List<HostileFiles.Hostile> files = HostileFiles.generate(count, 20261123L);
        Map<String, Integer> statuses = new TreeMap<>();
        long storedBefore = count("submission") + count("example") + count("submission_part");
        List<Long> accepted = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            HostileFiles.Hostile h = files.get(i);
            Answer validate = upload("/api/validate", h.fileName(), h.bytes(), Map.of("taskType", "classification"), null);
            statuses.merge("validate " + validate.status(), 1, Integer::sum);
            assertThat(validate.status()).as("%s (%s)", h.kind(), h.fileName()).isIn(200, 400, 413, 422);
            JsonNode report = validate.json();
            if (validate.status() == 422) {
                assertThat(report.get("errors")).as(h.kind()).isNotEmpty();
                for (JsonNode e : report.get("errors")) {
                    assertThat(e.get("message").asString()).as(h.kind()).isNotBlank();
                    assertThat(e.get("code").asString()).as(h.kind()).isNotBlank();
                }
            }
            assertThat(validate.status() == 200 || (validate.status() == 422 || validate.status() == 400) && !h.valid())
                    .as("%s: a valid file must be accepted and an invalid one rejected", h.kind()).isTrue();

            // every fifth file (every kind, over a run) is also submitted, by a fresh contestant (the caps are per contestant)
            if (i % 5 == 0) {
                Account contestant = newAccount(Role.CONTESTANT);
                Answer submit = upload("/api/submissions", h.fileName(), h.bytes(), Map.of("taskType", "classification",
                        "name", HostileFiles.PAYLOADS[i % HostileFiles.PAYLOADS.length],
                        "description", "<script>alert(1)</script>"), contestant);
                statuses.merge("submit " + submit.status(), 1, Integer::sum);
                assertThat(submit.status()).as("%s submitted", h.kind()).isIn(201, 400, 413, 422);
                assertThat(submit.json().has("id") || submit.json().has("error") || submit.json().has("errors"))
                        .as("%s: every answer says what happened", h.kind()).isTrue();
                if (submit.status() == 201) {
                    long id = submit.json().get("id").asLong();
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

    /** Past the container's multipart limit (62 MB): refused by the server before the validator sees it. */
    @Test
    void anUploadPastTheServersLimitIsRefusedWithAnExplanation() {
        byte[] huge = new byte[63 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        long before = count("submission");
        Answer validate = upload("/api/validate", "huge.csv", huge, Map.of("taskType", "classification"), null);
        assertThat(validate.status()).isEqualTo(413);
        assertThat(validate.json().get("error").asString()).contains("larger than the server accepts");
        Answer submit = upload("/api/submissions", "huge.csv", huge, Map.of("taskType", "classification", "name", "Huge"),
                newAccount(Role.CONTESTANT));
        assertThat(submit.status()).isEqualTo(413);

        // the same file through the submit page, signed in, with the form's CSRF token: the 413 page says what to do
        Account contestant = newAccount(Role.CONTESTANT);
        RestClient browser = RestClient.builder().baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newBuilder().cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER).build()))
                .build();
        MultiValueMap<String, Object> login = new LinkedMultiValueMap<>();
        login.add("username", contestant.getEmail());
        login.add("password", PASSWORD);
        login.add("_csrf", csrfToken(browser.get().uri("/login").retrieve().body(String.class)));
        browser.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED).body(login).retrieve().toBodilessEntity();
        String token = csrfToken(browser.get().uri("/submit").retrieve().body(String.class));
        Answer page = send(browser.post().uri("/submit").accept(MediaType.TEXT_HTML),
                form("huge.csv", huge, Map.of("_csrf", token, "taskType", "classification", "name", "Huge")));
        assertThat(page.status()).isEqualTo(413);
        assertThat(page.body()).contains("File too large").contains("nothing was stored");
        assertThat(count("submission")).isEqualTo(before);
    }

    private static String csrfToken(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("the page carries a CSRF token").isTrue();
        return m.group(1);
    }
}
