package org.ladderboard.app.access;

import org.awaitility.Awaitility;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.ScoredTask;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.ApiTokenService;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.submission.SubmissionForm;
import org.ladderboard.app.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint and page the app maps, requested as every kind of caller, against an explicit expected matrix. A new
 * mapping without a row here fails the test, so nobody adds an endpoint without saying who may use it. Pages are
 * requested with real sign-in sessions and CSRF tokens, the API with HTTP Basic. Every page form also refuses a
 * request without its CSRF token, even from an organizer.
 */
@SpringBootTest(properties = {"ladderboard.worker.embedded=true", "ladderboard.worker.heartbeat-ms=200",
        "ladderboard.worker.lease-seconds=5", "ladderboard.worker.chunk-size=20"})
class AccessMatrixTest extends IntegrationTest {

    /** Who is asking. CONTESTANT owns the submission the paths name; OTHER is a second contestant. */
    enum Who { ANONYMOUS, CONTESTANT, OTHER, JUDGE, ORGANIZER }

    /** What they get. OK: served (2xx or a redirect that is not to sign-in). LOGIN: asked to sign in (401 or to /login). */
    enum Outcome { OK, LOGIN, FORBIDDEN, HIDDEN }

    private static final Outcome O = Outcome.OK, L = Outcome.LOGIN, F = Outcome.FORBIDDEN, H = Outcome.HIDDEN;

    // expected outcomes in the order ANONYMOUS, CONTESTANT, OTHER, JUDGE, ORGANIZER
    private static final Outcome[] PUBLIC = {O, O, O, O, O};
    private static final Outcome[] SIGNED_IN = {L, O, O, O, O};
    private static final Outcome[] CONTESTANTS = {L, O, O, F, F};
    private static final Outcome[] OWNER_OR_STAFF = {L, O, H, O, O};
    private static final Outcome[] OWNER_OR_ORGANIZER = {L, O, H, F, O};
    private static final Outcome[] JUDGES = {L, F, F, O, O};
    /** a task card while its round's leaderboard is not revealed: as the leaderboard itself, judges and organizers only */
    private static final Outcome[] STAFF_UNTIL_REVEALED = {L, H, H, O, O};
    private static final Outcome[] ORGANIZERS = {L, F, F, F, O};
    /** a person's own notices: nobody else learns that one exists */
    private static final Outcome[] RECIPIENT = {L, O, H, H, H};

    /** One row of the matrix: a mapping, who gets what, and the request to send (fresh per caller where it changes state). */
    private record Row(String mapping, Outcome[] expected, Function<Who, AbstractMockHttpServletRequestBuilder<?>> request) {
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    SubmissionService submissions;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate template;

    private final Map<Who, Account> accountOf = new EnumMap<>(Who.class);
    private final Map<Who, MockHttpSession> sessionOf = new EnumMap<>(Who.class);

    @Test
    void everyMappingAnswersEveryCallerAsTheMatrixSays() throws Exception {
        accountOf.put(Who.CONTESTANT, newAccount(Role.CONTESTANT));
        accountOf.put(Who.OTHER, newAccount(Role.CONTESTANT));
        accountOf.put(Who.JUDGE, newAccount(Role.JUDGE));
        accountOf.put(Who.ORGANIZER, newAccount(Role.ORGANIZER));
        for (Who who : accountOf.keySet()) {
            sessionOf.put(who, signIn(accountOf.get(who)));
        }
        Account owner = accountOf.get(Who.CONTESTANT);
        Round round = rounds.findAll().stream().filter(r -> r.getName().equals("Test round")).findFirst().orElseThrow();
        long scored = submit(owner, 6);
        awaitScored(scored);

        // what the state-changing rows act on, made while no worker runs so submissions stay cancellable
        SmartLifecycle worker = context.getBean("embeddedWorker", SmartLifecycle.class);
        worker.stop();
        try {
            long job = jdbc.sql("select id from scoring_job where submission_id = ? order by id limit 1").param(scored).query(Long.class).single();
            long token = tokens.issue(owner, "matrix").token().getId();
            Account bystander = newAccount(Role.JUDGE);
            Round future = new Round("Matrix round " + UUID.randomUUID(), Instant.parse("2099-01-01T00:00:00Z"), Instant.parse("2099-02-01T00:00:00Z"));
            rounds.save(future);
            // a ladder's held-out state: one round for the page's buttons, one for the API, so neither releases the other's
            Round heldOutPage = new Round("Matrix held-out page " + UUID.randomUUID(), Instant.parse("2099-01-01T00:00:00Z"),
                    Instant.parse("2099-02-01T00:00:00Z"));
            heldOutPage.setLadders(Set.of("micro"));
            rounds.save(heldOutPage);
            Round heldOutApi = new Round("Matrix held-out API " + UUID.randomUUID(), Instant.parse("2099-01-01T00:00:00Z"),
                    Instant.parse("2099-02-01T00:00:00Z"));
            heldOutApi.setLadders(Set.of("micro"));
            rounds.save(heldOutApi);
            long exportJob = awaitExport(round.getId());
            long sharedQueued = submit(owner, 5);
            // what the API's judging rows review, and the failed job its queue row retries
            long reviewed = ScoredTask.create(jdbc, template, round.getId(), owner.getId(), "Matrix review", "matrix",
                    List.of("matrix.csv"), 8);
            long failed = jdbc.sql("""
                            insert into submission (round_id, account_id, task_name, task_type, status, example_count, file_name,
                                                    file_sha256, file_bytes, shots, cause)
                            values (?, ?, 'Matrix failed', 'classification', 'FAILED', 8, 'x.csv', repeat('0', 64), 1, 'zero-shot',
                                    'other') returning id""").params(round.getId(), owner.getId()).query(Long.class).single();
            long failedJob = jdbc.sql("""
                            insert into scoring_job (submission_id, ladder, model, model_parameters, status, examples_total, attempt,
                                                     error_kind, error_message)
                            values (?, 'micro', 'micro-40k', 39504, 'FAILED', 8, 3, 'DATA', 'matrix') returning id""")
                    .param(failed).query(Long.class).single();
            long notice = jdbc.sql("""
                            insert into notice (recipient_id, kind, about, submission_id, title, body)
                            values (?, 'SUBMISSION_SCORED', ?, ?, 'Matrix notice', 'Matrix notice.') returning id""")
                    .params(owner.getId(), "matrix:" + UUID.randomUUID(), scored).query(Long.class).single();
            // a 2-shot curve beside each zero-shot one, as a few-shot sweep stores them, for the sweep chart's downloads
            jdbc.sql("""
                    insert into ladder_curve (submission_id, ladder, view, shots, verdict, strength, drop_best_to_largest, curve)
                    select submission_id, ladder, view, 2, verdict, strength, drop_best_to_largest, curve from ladder_curve
                    where submission_id = ? and shots = 0""").param(scored).update();

            List<Row> matrix = List.of(
                    new Row("GET /", PUBLIC, who -> get("/")),
                    new Row("GET /login", PUBLIC, who -> get("/login")),
                    new Row("GET /register", PUBLIC, who -> get("/register")),
                    new Row("GET /register/confirm", PUBLIC, who -> get("/register/confirm").param("token", "unknown")),
                    new Row("POST /register", PUBLIC, who -> post("/register").param("email", UUID.randomUUID() + "@matrix.example")
                            .param("password", PASSWORD).param("confirm", PASSWORD)),
                    new Row("GET /account", SIGNED_IN, who -> get("/account")),
                    new Row("POST /account/tokens", SIGNED_IN, who -> post("/account/tokens").param("name", "t").param("scope", "read")),
                    new Row("POST /account/tokens/{id}/revoke", SIGNED_IN, who -> post("/account/tokens/" + token + "/revoke")),
                    new Row("POST /account/password", SIGNED_IN, who -> post("/account/password").param("current", "not it")
                            .param("password", "whatever else").param("confirm", "whatever else")),
                    new Row("POST /account/notices", SIGNED_IN, who -> post("/account/notices").param("email", "true")),
                    new Row("GET /notices", SIGNED_IN, who -> get("/notices")),
                    new Row("GET /notices/{id}/open", RECIPIENT, who -> get("/notices/" + notice + "/open")),
                    new Row("POST /notices/{id}/read", RECIPIENT, who -> post("/notices/" + notice + "/read")),
                    new Row("POST /notices/read-all", SIGNED_IN, who -> post("/notices/read-all")),
                    new Row("GET /notices/email-off", PUBLIC, who -> get("/notices/email-off").param("token", "unknown")),
                    new Row("POST /notices/email-off", PUBLIC, who -> post("/notices/email-off").param("token", "unknown")),
                    new Row("GET /submit", CONTESTANTS, who -> get("/submit")),
                    new Row("POST /submit", CONTESTANTS, who -> post("/submit").param("name", "no file")),
                    new Row("GET /submissions", SIGNED_IN, who -> get("/submissions")),
                    new Row("GET /submissions/{id}", OWNER_OR_STAFF, who -> get("/submissions/" + scored)),
                    new Row("GET /submissions/{id}/curves/{ladder}/{metric}.svg", OWNER_OR_STAFF,
                            who -> get("/submissions/" + scored + "/curves/micro/accuracy.svg")),
                    new Row("GET /submissions/{id}/curves/{ladder}/{metric}.png", OWNER_OR_STAFF,
                            who -> get("/submissions/" + scored + "/curves/micro/loss.png")),
                    new Row("GET /submissions/{id}/curves/{ladder}/{metric}/few-shot.svg", OWNER_OR_STAFF,
                            who -> get("/submissions/" + scored + "/curves/micro/accuracy/few-shot.svg")),
                    new Row("GET /submissions/{id}/curves/{ladder}/{metric}/few-shot.png", OWNER_OR_STAFF,
                            who -> get("/submissions/" + scored + "/curves/micro/loss/few-shot.png")),
                    new Row("GET /submissions/{id}/progress", OWNER_OR_STAFF, who -> get("/submissions/" + scored + "/progress")),
                    new Row("GET /submissions/{id}/scores.jsonl", OWNER_OR_STAFF, who -> get("/submissions/" + scored + "/scores.jsonl")),
                    new Row("POST /submissions/{id}/cancel", OWNER_OR_ORGANIZER,
                            who -> post("/submissions/" + cancelTarget(who, sharedQueued) + "/cancel")),
                    new Row("GET /leaderboard", SIGNED_IN, who -> get("/leaderboard")),
                    new Row("GET /tasks/{id}", STAFF_UNTIL_REVEALED, who -> get("/tasks/" + scored)),
                    new Row("GET /submissions/{id}/examples", OWNER_OR_STAFF, who -> get("/submissions/" + scored + "/examples")),
                    new Row("POST /organizer/rounds/{id}/leaderboard/public", ORGANIZERS,
                            who -> post("/organizer/rounds/" + future.getId() + "/leaderboard/public").param("public", "false")),
                    new Row("GET /judging", JUDGES, who -> get("/judging")),
                    new Row("GET /judging/{id}", JUDGES, who -> get("/judging/" + scored)),
                    new Row("POST /judging/{id}", JUDGES, who -> post("/judging/" + scored).param("conflictOfInterest", "on")),
                    new Row("GET /organizer/rounds", ORGANIZERS, who -> get("/organizer/rounds")),
                    new Row("POST /organizer/rounds", ORGANIZERS, who -> post("/organizer/rounds").param("name", "Matrix " + UUID.randomUUID())
                            .param("opensAt", "2098-01-01T00:00").param("closesAt", "2098-02-01T00:00").param("minExamples", "5")
                            .param("dailyLimit", "3").param("failedDailyLimit", "3")),
                    new Row("POST /organizer/rounds/{id}/rescore", ORGANIZERS, who -> post("/organizer/rounds/" + future.getId() + "/rescore")),
                    new Row("POST /organizer/rounds/{id}/leaderboard", ORGANIZERS,
                            who -> post("/organizer/rounds/" + future.getId() + "/leaderboard").param("revealed", "false")),
                    new Row("POST /organizer/rounds/{id}/ladders/{ladder}/held-out", ORGANIZERS,
                            who -> post("/organizer/rounds/" + heldOutPage.getId() + "/ladders/micro/held-out").param("heldOut", "true")),
                    new Row("POST /organizer/rounds/{id}/ladders/{ladder}/release", ORGANIZERS,
                            who -> post("/organizer/rounds/" + heldOutPage.getId() + "/ladders/micro/release")),
                    new Row("POST /organizer/rounds/{id}/winners", ORGANIZERS, who -> post("/organizer/rounds/" + round.getId() + "/winners")
                            .param("submission", Long.toString(scored)).param("tier", "none")),
                    new Row("GET /organizer/rounds/{id}/export/{what}", ORGANIZERS,
                            who -> get("/organizer/rounds/" + round.getId() + "/export/leaderboard.csv")),
                    new Row("POST /organizer/rounds/{id}/exports", ORGANIZERS,
                            who -> post("/organizer/rounds/" + round.getId() + "/exports").param("kind", "winners.json")),
                    new Row("GET /organizer/exports", ORGANIZERS, who -> get("/organizer/exports")),
                    new Row("GET /organizer/exports/{job}", ORGANIZERS, who -> get("/organizer/exports/" + exportJob)),
                    new Row("GET /organizer/audit", ORGANIZERS, who -> get("/organizer/audit")),
                    new Row("GET /organizer/queue", ORGANIZERS, who -> get("/organizer/queue")),
                    new Row("POST /organizer/jobs/{id}/retry", ORGANIZERS, who -> post("/organizer/jobs/" + job + "/retry")),
                    new Row("GET /organizer/accounts", ORGANIZERS, who -> get("/organizer/accounts")),
                    new Row("POST /organizer/accounts/approval", ORGANIZERS, who -> post("/organizer/accounts/approval").param("required", "false")),
                    new Row("POST /organizer/accounts/{id}/approve", ORGANIZERS, who -> post("/organizer/accounts/" + bystander.getId() + "/approve")),
                    new Row("POST /organizer/accounts", ORGANIZERS, who -> post("/organizer/accounts").param("email", UUID.randomUUID() + "@matrix.example")
                            .param("password", PASSWORD).param("role", "JUDGE")),
                    new Row("POST /organizer/accounts/{id}", ORGANIZERS,
                            who -> post("/organizer/accounts/" + bystander.getId()).param("role", "JUDGE").param("enabled", "true")),

                    new Row("POST /api/validate", PUBLIC, who -> multipart("/api/validate").file(csv(5)).param("taskType", "classification")),
                    new Row("GET /api/rounds/current", PUBLIC, who -> get("/api/rounds/current")),
                    new Row("PUT /api/rounds/{id}/few-shot", ORGANIZERS, who -> put("/api/rounds/" + future.getId() + "/few-shot")
                            .contentType("application/json").content("{\"shots\":[0,1],\"seed\":1}")),
                    new Row("GET /v3/api-docs", PUBLIC, who -> get("/v3/api-docs")),
                    new Row("PUT /api/rounds/{id}/ladders/{ladder}", ORGANIZERS, who -> put("/api/rounds/" + heldOutApi.getId()
                            + "/ladders/micro").contentType(MediaType.APPLICATION_JSON).content("{\"heldOut\": true}")),
                    new Row("POST /api/rounds/{id}/ladders/{ladder}/release", ORGANIZERS,
                            who -> post("/api/rounds/" + heldOutApi.getId() + "/ladders/micro/release")),
                    new Row("POST /api/submissions", CONTESTANTS, who -> {
                        freeQuota();
                        return multipart("/api/submissions").file(csv(5)).param("name", "matrix").param("taskType", "classification");
                    }),
                    new Row("GET /api/notices", SIGNED_IN, who -> get("/api/notices")),
                    new Row("POST /api/notices/{id}/read", RECIPIENT, who -> post("/api/notices/" + notice + "/read")),
                    new Row("POST /api/notices/read-all", SIGNED_IN, who -> post("/api/notices/read-all")),
                    new Row("GET /api/submissions", SIGNED_IN, who -> get("/api/submissions")),
                    new Row("GET /api/submissions/{id}", OWNER_OR_STAFF, who -> get("/api/submissions/" + scored)),
                    new Row("GET /api/submissions/{id}/results", OWNER_OR_STAFF, who -> get("/api/submissions/" + scored + "/results")),
                    new Row("GET /api/submissions/{id}/scores.jsonl", OWNER_OR_STAFF, who -> get("/api/submissions/" + scored + "/scores.jsonl")),
                    new Row("POST /api/submissions/{id}/cancel", OWNER_OR_ORGANIZER,
                            who -> post("/api/submissions/" + cancelTarget(who, sharedQueued) + "/cancel")),

                    new Row("GET /api-docs", PUBLIC, who -> get("/api-docs")),
                    new Row("GET /api/rounds", ORGANIZERS, who -> get("/api/rounds")),
                    new Row("POST /api/rounds", ORGANIZERS, who -> json(post("/api/rounds"), """
                            {"name": "Matrix %s", "opensAt": "2098-01-01T00:00:00Z", "closesAt": "2098-02-01T00:00:00Z",
                             "ladders": ["micro"]}""".formatted(UUID.randomUUID()))),
                    new Row("GET /api/rounds/{id}", ORGANIZERS, who -> get("/api/rounds/" + future.getId())),
                    new Row("PATCH /api/rounds/{id}", ORGANIZERS, who -> json(patch("/api/rounds/" + future.getId()),
                            "{\"description\": \"matrix\", \"ladders\": [\"micro\"]}")),
                    new Row("POST /api/rounds/{id}/rescore", ORGANIZERS, who -> post("/api/rounds/" + future.getId() + "/rescore")),
                    new Row("GET /api/leaderboard", JUDGES, who -> get("/api/leaderboard").param("round", Long.toString(round.getId()))),
                    new Row("PUT /api/rounds/{id}/leaderboard", ORGANIZERS, who -> json(put("/api/rounds/" + future.getId() + "/leaderboard"),
                            "{\"revealed\": false}")),
                    new Row("GET /api/reviews/queue", JUDGES, who -> get("/api/reviews/queue")),
                    new Row("GET /api/reviews/{submission}", JUDGES, who -> get("/api/reviews/" + reviewed)),
                    new Row("PUT /api/reviews/{submission}", JUDGES, who -> json(put("/api/reviews/" + reviewed), """
                            {"scores": {"strength": 3, "generality": 3, "importance": 3, "novelty": 3, "coverage": 3,
                                        "reproducibility": 3}}""")),
                    new Row("POST /api/reviews/{submission}/conflict", JUDGES, who -> post("/api/reviews/" + reviewed + "/conflict")),
                    new Row("GET /api/reviews/{submission}/all", ORGANIZERS, who -> get("/api/reviews/" + reviewed + "/all")),
                    new Row("GET /api/rounds/{id}/winners", ORGANIZERS, who -> get("/api/rounds/" + round.getId() + "/winners")),
                    new Row("PUT /api/rounds/{id}/winners/{submission}", ORGANIZERS,
                            who -> json(put("/api/rounds/" + round.getId() + "/winners/" + scored), "{\"tier\": \"third\"}")),
                    new Row("DELETE /api/rounds/{id}/winners/{submission}", ORGANIZERS,
                            who -> delete("/api/rounds/" + round.getId() + "/winners/" + scored)),
                    new Row("GET /api/rounds/{id}/exports/{kind}", ORGANIZERS,
                            who -> get("/api/rounds/" + round.getId() + "/exports/leaderboard.csv")),
                    new Row("POST /api/rounds/{id}/exports", ORGANIZERS,
                            who -> json(post("/api/rounds/" + round.getId() + "/exports"), "{\"kind\": \"winners.json\"}")),
                    new Row("GET /api/exports", ORGANIZERS, who -> get("/api/exports")),
                    new Row("GET /api/exports/{job}", ORGANIZERS, who -> get("/api/exports/" + exportJob)),
                    new Row("GET /api/exports/{job}/file", ORGANIZERS, who -> get("/api/exports/" + exportJob + "/file")),
                    new Row("GET /api/queue", ORGANIZERS, who -> get("/api/queue")),
                    new Row("POST /api/queue/jobs/{id}/retry", ORGANIZERS, who -> post("/api/queue/jobs/" + failedJob + "/retry")));

            assertThat(matrixKeys(matrix)).as("every mapped endpoint has a row, and every row a mapping")
                    .isEqualTo(mapped());

            List<String> wrong = new ArrayList<>();
            Map<String, String> table = new LinkedHashMap<>();
            for (Row row : matrix) {
                StringBuilder line = new StringBuilder();
                for (Who who : Who.values()) {
                    Outcome expected = row.expected()[who.ordinal()];
                    Outcome got = call(row, who);
                    line.append(String.format("%-10s", got));
                    if (got != expected) {
                        wrong.add(row.mapping() + " as " + who + ": expected " + expected + ", got " + got);
                    }
                }
                table.put(row.mapping(), line.toString());
            }
            table.forEach((mapping, line) -> System.out.printf("%-56s %s%n", mapping, line));
            assertThat(wrong).isEmpty();

            // forms need their CSRF token, whoever posts them
            for (Row row : matrix) {
                if (row.mapping().startsWith("POST /") && !row.mapping().startsWith("POST /api/")) {
                    MockHttpServletResponse response = mvc.perform(row.request().apply(Who.ORGANIZER)
                            .session(sessionOf.get(Who.ORGANIZER))).andReturn().getResponse();
                    assertThat(response.getStatus()).as(row.mapping() + " without a CSRF token").isEqualTo(403);
                }
            }
            // the API never reads the session cookie
            assertThat(mvc.perform(get("/api/submissions").session(sessionOf.get(Who.ORGANIZER))).andReturn().getResponse().getStatus())
                    .isEqualTo(401);
        } finally {
            worker.start();
        }
    }

    private static AbstractMockHttpServletRequestBuilder<?> json(AbstractMockHttpServletRequestBuilder<?> request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private Outcome call(Row row, Who who) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> request = row.request().apply(who);
        boolean api = row.mapping().contains(" /api/") || row.mapping().contains(" /v3/");
        if (who != Who.ANONYMOUS) {
            if (api) {
                request.with(httpBasic(accountOf.get(who).getEmail(), PASSWORD));
            } else {
                request.session(sessionOf.get(who));
            }
        }
        if (!api && row.mapping().startsWith("POST")) {
            request.with(csrf());
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        int status = response.getStatus();
        String location = response.getRedirectedUrl();
        assertThat(status).as(row.mapping() + " as " + who + " is never a server error").isLessThan(500);
        if (status == 401 || (status == 302 && location != null && location.matches("(http://localhost)?/login"))) {
            return Outcome.LOGIN;
        }
        if (status == 403) {
            return Outcome.FORBIDDEN;
        }
        if (status == 404) {
            return Outcome.HIDDEN;
        }
        assertThat(status).as(row.mapping() + " as " + who + " served").isBetween(200, 399);
        return Outcome.OK;
    }

    /** Those allowed to cancel get a fresh queued submission each; the others all try the same one. */
    private long cancelTarget(Who who, long shared) {
        return who == Who.CONTESTANT || who == Who.ORGANIZER ? submit(accountOf.get(Who.CONTESTANT), 5) : shared;
    }

    private Set<String> matrixKeys(List<Row> matrix) {
        return new TreeSet<>(matrix.stream().map(Row::mapping).toList());
    }

    /** Every method and path the app maps, but Spring Boot's error page (which every caller may see). */
    private Set<String> mapped() {
        Set<String> keys = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String path : info.getPatternValues()) {
                if (path.equals("/error") || (path.startsWith("/v3/api-docs") && !path.equals("/v3/api-docs"))) {
                    continue; // Boot's error page; springdoc's yaml and config variants of the same document
                }
                info.getMethodsCondition().getMethods().forEach(m -> keys.add(m.name() + " " + path));
            }
        });
        return keys;
    }

    private MockHttpSession signIn(Account account) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", account.getEmail()).param("password", PASSWORD).with(csrf()))
                .andReturn().getRequest().getSession(false);
    }

    private static MockMultipartFile csv(int rows) {
        return new MockMultipartFile("file", "matrix.csv", "text/csv", classificationCsv(rows));
    }

    private long submit(Account who, int rows) {
        freeQuota();
        SubmissionForm form = new SubmissionForm();
        form.setName("Matrix probe");
        form.setTaskType("classification");
        SubmissionService.Outcome outcome = submissions.submit(who, form, "matrix.csv", classificationCsv(rows));
        assertThat(outcome.accepted()).isTrue();
        return outcome.submission().getId();
    }

    /** The daily cap counts the last 24 hours: move this test's earlier submissions out of it. */
    private void freeQuota() {
        jdbc.sql("update submission set created_at = created_at - interval '2 days' where account_id in (?, ?)")
                .params(accountOf.get(Who.CONTESTANT).getId(), accountOf.get(Who.OTHER).getId()).update();
    }

    private void awaitScored(long id) {
        Awaitility.await("submission " + id + " scored").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("select status from submission where id = ?").param(id).query(String.class).single()
                        .equals("SCORED"));
    }

    private long awaitExport(long roundId) throws Exception {
        mvc.perform(post("/organizer/rounds/" + roundId + "/exports").param("kind", "leaderboard.csv")
                .session(sessionOf.get(Who.ORGANIZER)).with(csrf()));
        return Awaitility.await("an export finished").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("select id from export_job where status = 'READY' order by id desc limit 1")
                        .query(Long.class).optional(), java.util.Optional::isPresent).orElseThrow();
    }
}
