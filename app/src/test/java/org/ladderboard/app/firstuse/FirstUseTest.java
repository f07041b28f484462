package org.ladderboard.app.firstuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;

/**
 * What a new user met on a first run: error pages without the site's header, a sign-in detour for a mistyped
 * address, no favicon, a refusal that read like a crash, counts that hid the bad rows, a Submit button that could
 * not work, and a banner that outlived the scoring it announced. Pages served by the real server where the error
 * dispatch matters; the rest through the app's MVC stack.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirstUseTest extends IntegrationTest {

    @LocalServerPort
    int port;

    private HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> getPage(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient signedIn(Account account) throws Exception {
        HttpClient client = client();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(getPage(client, "/login").body());
        assertThat(token.find()).isTrue();
        String form = "username=" + URLEncoder.encode(account.getEmail(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    @Test
    void anUnknownPathIsA404WithTheSiteHeaderForEveryone() throws Exception {
        HttpResponse<String> anonymous = getPage(client(), "/no-such-page");
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(anonymous.body()).contains("class=\"site-header\"").contains("Not found").contains("Sign in");

        HttpResponse<String> contestant = getPage(signedIn(newAccount(Role.CONTESTANT)), "/no-such-page");
        assertThat(contestant.statusCode()).isEqualTo(404);
        assertThat(contestant.body()).contains("class=\"site-header\"").contains("My submissions");

        // pages that exist still need sign-in first
        assertThat(getPage(client(), "/submissions").statusCode()).isEqualTo(302);
    }

    @Test
    void aRefusalSaysItIsAboutPermissionNotAFailure() throws Exception {
        HttpResponse<String> page = getPage(signedIn(newAccount(Role.CONTESTANT)), "/organizer/rounds");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Not allowed").contains("not open to your account").contains("(contestant)")
                .doesNotContain("Something went wrong").doesNotContain("Try again;").contains("class=\"site-header\"");
    }

    /** A display name past its 120 characters came back to the form with no word of why. */
    @Test
    void aTooLongDisplayNameIsSaidBesideTheField() throws Exception {
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/register")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("email", "long-name@first.example").param("displayName", "N".repeat(121))
                        .param("password", PASSWORD).param("confirm", PASSWORD))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"displayName-error\"").contains("at most 120 characters");
    }

    @Test
    void theFaviconIsServedAndLinked() throws Exception {
        HttpResponse<byte[]> icon = client().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/favicon.ico")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).startsWith(0, 0, 1, 0);
        assertThat(getPage(client(), "/login").body()).contains("rel=\"icon\" href=\"/favicon.ico\"");
    }

    private String submitPage(Account contestant, MockMultipartFile file) throws Exception {
        return mvc.perform(multipart("/submit").file(file).with(csrf()).with(user(contestant.getEmail()).roles("CONTESTANT"))
                        .param("taskType", "classification").param("name", "Task"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void badRowsAreCountedAmongTheRows() throws Exception {
        String csv = new String(classificationCsv(320), StandardCharsets.UTF_8)
                .replace("\"[' Yes', ' No']\",1\n8,", "\"[' Yes', ' No']\",5\n8,")
                .replace("\n9,\"Question 9:\nIs it so?\",\"[' Yes', ' No']\",1", "\n9,\"Question 9:\nIs it so?\",\"[' Yes']\",1");
        String page = submitPage(newAccount(Role.CONTESTANT), new MockMultipartFile("file", "t.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.replaceAll("\\s+", " ")).contains("320</span> rows (<span>2</span> with errors)");
        String api = mvc.perform(multipart("/api/validate").file(new MockMultipartFile("file", "t.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("taskType", "classification")).andReturn().getResponse().getContentAsString();
        assertThat(api).contains("\"rows\":320").contains("\"rowsWithErrors\":2");
    }

    @Test
    void anEmptyFileGetsTheSameReportOnSubmitAsInTheLiveCheck() throws Exception {
        MockMultipartFile empty = new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]);
        String live = mvc.perform(multipart("/api/validate").file(empty).param("taskType", "classification"))
                .andReturn().getResponse().getContentAsString();
        assertThat(live).contains("empty_file");
        String page = submitPage(newAccount(Role.CONTESTANT), empty);
        assertThat(page).contains("id=\"report\"").contains("empty_file").doesNotContain("choose the dataset file to upload");
        // no file chosen at all is still a form problem
        String none = submitPage(newAccount(Role.CONTESTANT), new MockMultipartFile("file", "", "application/octet-stream", new byte[0]));
        assertThat(none).contains("choose the dataset file to upload");
    }

    @Test
    void aSpreadsheetIsNamedAsOne() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
        }
        String answer = mvc.perform(multipart("/api/validate").file(new MockMultipartFile("file", "task.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.toByteArray())).param("taskType", "classification"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("\"code\":\"spreadsheet\"").contains("is a spreadsheet").contains("CSV UTF-8")
                .doesNotContain("holds no .csv");
    }

    @Test
    void submitIsOffWhenNoSubmissionIsLeftToday() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        long round = rounds.findAll().get(0).getId();
        for (int i = 0; i < ROUND_DAILY_LIMIT; i++) {
            insertSubmission(round, contestant, "QUEUED");
        }
        String page = mvc.perform(get("/submit").with(user(contestant.getEmail()).roles("CONTESTANT")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page.replaceAll("\\s+", " ")).containsPattern("id=\"submit-button\"[^>]*disabled=\"disabled\"")
                .contains("No submissions left today.");
        String fresh = mvc.perform(get("/submit").with(user(newAccount(Role.CONTESTANT).getEmail()).roles("CONTESTANT")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fresh).contains("data-blocked=\"false\"").doesNotContain("No submissions left today.");
    }

    private long insertSubmission(long round, Account owner, String status) {
        return jdbc.sql("""
                        insert into submission (round_id, account_id, task_name, shots, cause, task_type, status, example_count,
                                                file_name, file_sha256, file_bytes)
                        values (?, ?, 'task', 'zero-shot', 'other', 'classification', ?, 7, 'f.csv', repeat('0', 64), 1)
                        returning id""").params(round, owner.getId(), status).query(Long.class).single();
    }

    @Test
    void theQueuedBannerShowsOnlyWhileScoringIsAheadAndCancellingAsksFirst() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        long round = rounds.findAll().get(0).getId();
        long queued = insertSubmission(round, contestant, "QUEUED");
        long scored = insertSubmission(round, contestant, "SCORED");
        var me = user(contestant.getEmail()).roles("CONTESTANT");
        String waiting = mvc.perform(get("/submissions/" + queued).param("submitted", "").with(me)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(waiting).contains("queued for scoring").contains("data-confirm=\"Cancel scoring of this submission?");
        String done = mvc.perform(get("/submissions/" + scored).param("submitted", "").with(me)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(done).doesNotContain("queued for scoring");
    }
}
