package org.ladderboard.app.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.ScoredTask;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.ApiTokenService;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.account.TokenScope;
import org.ladderboard.app.round.Round;
import org.ladderboard.app.round.RoundService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document against the app as it runs, over real HTTP: every operation the app maps under /api is in the
 * document and nothing else is, each says what it does, every error answer it lists has a body and an example, and
 * for real calls that end in 201, 400, 401, 403, 404, 409, 413, 422 and 429 the document lists that code for that
 * operation. Endpoints added later are covered by the first checks without a change here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The codes docs/api.md lists that every operation can give, whatever it does. */
    private static final List<String> EVERY_OPERATION = List.of("401", "429", "503", "507");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    RoundService roundService;
    @Autowired
    JdbcTemplate template;

    private RestClient http;
    private JsonNode document;

    @BeforeEach
    void fetchDocument() {
        http = RestClient.create("http://localhost:" + port);
        document = JSON.readTree(http.get().uri("/v3/api-docs").retrieve().body(String.class));
    }

    @Test
    void theDocumentSaysWhatTheApiIs() {
        JsonNode info = document.get("info");
        assertThat(info.get("title").asString()).isEqualTo("Ladderboard API");
        assertThat(info.get("version").asString()).isNotBlank();
        assertThat(info.get("description").asString()).contains("Bearer").contains("manage");
        assertThat(document.at("/components/securitySchemes").propertyNames()).contains("token", "password");
        assertThat(document.at("/components/schemas/Error/properties").propertyNames()).contains("error", "fields");
    }

    @Test
    void everyMappedOperationIsDocumentedAndNothingElse() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/")) {
                    assertThat(info.getMethodsCondition().getMethods()).as(path + " names its methods").isNotEmpty();
                    info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + path));
                }
            }
        });
        assertThat(documented()).isEqualTo(mapped);
    }

    @Test
    void everyOperationSaysWhatItDoesAndWhatEachErrorCarries() {
        List<String> missing = new ArrayList<>();
        operations((key, operation) -> {
            if (operation.path("summary").asString("").isBlank()) {
                missing.add(key + " has no summary");
            }
            if (operation.path("tags").isEmpty()) {
                missing.add(key + " has no tag");
            }
            JsonNode responses = operation.get("responses");
            for (String code : EVERY_OPERATION) {
                if (!responses.has(code)) {
                    missing.add(key + " does not list " + code);
                }
            }
            if (operation.has("parameters") || operation.has("requestBody")) {
                if (!responses.has("400")) {
                    missing.add(key + " takes input but does not list 400");
                }
            }
            responses.properties().forEach(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    JsonNode content = response.getValue().path("content");
                    if (content.isEmpty()) {
                        missing.add(key + " " + response.getKey() + " has no body");
                    }
                    content.properties().forEach(media -> {
                        if (media.getValue().path("schema").isEmpty()) {
                            missing.add(key + " " + response.getKey() + " has no schema");
                        }
                        if (!media.getValue().has("example") && media.getValue().path("examples").isEmpty()) {
                            missing.add(key + " " + response.getKey() + " has no example");
                        }
                    });
                }
                if (response.getKey().startsWith("2")) {
                    // a success body is described field by field: not a bare "object" a script cannot read
                    response.getValue().path("content").properties().forEach(media -> {
                        JsonNode schema = media.getValue().path("schema");
                        boolean untyped = !schema.has("$ref") && !schema.has("properties") && !schema.has("items")
                                && !"string".equals(schema.path("type").asString("")) && !schema.has("format");
                        if (untyped && media.getKey().contains("json")) {
                            missing.add(key + " " + response.getKey() + " has an untyped body");
                        }
                    });
                }
                if (response.getValue().path("description").asString("").isBlank()) {
                    missing.add(key + " " + response.getKey() + " has no description");
                }
            });
        });
        assertThat(missing).isEmpty();
    }

    /** A call made for real, the operation it is (method and path template) and the status it must end with. */
    private record Call(String operation, int expected, int got) {
    }

    @Test
    void everyCodeTheApiReallyGivesIsDocumentedForItsOperation() {
        Account organizer = newAccount(Role.ORGANIZER);
        Account judge = newAccount(Role.JUDGE);
        Account contestant = newAccount(Role.CONTESTANT);
        String readOnly = tokens.issue(organizer, "dashboard", EnumSet.of(TokenScope.READ)).value();
        long round = roundService.current().orElseThrow().getId();
        long scored = ScoredTask.create(jdbc, template, round, contestant.getId(), "Documented task", "doc-" + UUID.randomUUID(),
                List.of("task.csv"), 8);
        long authoredByJudge = ScoredTask.create(jdbc, template, round, judge.getId(), "Judge's own task", "own",
                List.of("task.csv"), 8);
        long unscored = jdbc.sql("""
                        insert into submission (round_id, account_id, task_name, task_type, status, example_count, file_name,
                                                file_sha256, file_bytes, shots, cause)
                        values (?, ?, 'Not scored', 'classification', 'FAILED', 8, 'x.csv', repeat('0', 64), 1, 'zero-shot', 'other')
                        returning id""").params(round, contestant.getId()).query(Long.class).single();
        Round hidden = new Round("Hidden " + UUID.randomUUID(), Instant.now().plus(Duration.ofDays(40)), Instant.now().plus(Duration.ofDays(50)));
        hidden.setLadders(Set.of("micro"));
        rounds.save(hidden);
        String newRound = """
                {"name": "Created %s", "opensAt": "2030-01-01T00:00:00Z", "closesAt": "2030-02-01T00:00:00Z", "ladders": ["micro"]}"""
                .formatted(UUID.randomUUID());
        String fullReview = """
                {"scores": {"strength": 4, "generality": 3, "importance": 4, "novelty": 2, "coverage": 3, "reproducibility": 5}}""";

        List<Call> calls = new ArrayList<>();
        // 201
        calls.add(call("POST /api/rounds", 201, json(HttpMethod.POST, "/api/rounds", organizer, newRound)));
        calls.add(call("POST /api/rounds/{id}/exports", 201,
                json(HttpMethod.POST, "/api/rounds/" + round + "/exports", organizer, "{\"kind\": \"winners.json\"}")));
        calls.add(call("POST /api/submissions", 201, upload("/api/submissions", classificationCsv(ROUND_MIN_EXAMPLES),
                Map.of("taskType", "classification", "name", "Documented upload"), contestant)));
        // 400
        calls.add(call("PATCH /api/rounds/{id}", 400, json(HttpMethod.PATCH, "/api/rounds/" + hidden.getId(), organizer,
                "{\"closesAt\": \"2000-01-01T00:00:00Z\"}")));
        calls.add(call("GET /api/rounds/{id}", 400, json(HttpMethod.GET, "/api/rounds/seven", organizer, null)));
        calls.add(call("POST /api/rounds", 400, json(HttpMethod.POST, "/api/rounds", organizer, "{\"name\": ")));
        calls.add(call("PUT /api/rounds/{id}/winners/{submission}", 400,
                json(HttpMethod.PUT, "/api/rounds/" + round + "/winners/" + scored, organizer, "{\"tier\": \"gold\"}")));
        calls.add(call("PUT /api/reviews/{submission}", 400,
                json(HttpMethod.PUT, "/api/reviews/" + scored, judge, "{\"scores\": {\"strength\": 9}}")));
        calls.add(call("POST /api/validate", 400, upload("/api/validate", classificationCsv(5), Map.of("taskType", "nonsense"), null)));
        // 401
        calls.add(call("GET /api/rounds", 401, json(HttpMethod.GET, "/api/rounds", null, null)));
        calls.add(call("GET /api/leaderboard", 401, json(HttpMethod.GET, "/api/leaderboard?round=" + hidden.getId(), null, null)));
        calls.add(call("GET /api/rounds/current", 401, bearer(HttpMethod.GET, "/api/rounds/current", "lb_madeup", null)));
        // 403
        calls.add(call("GET /api/queue", 403, json(HttpMethod.GET, "/api/queue", contestant, null)));
        calls.add(call("GET /api/reviews/{submission}/all", 403, json(HttpMethod.GET, "/api/reviews/" + scored + "/all", judge, null)));
        calls.add(call("GET /api/leaderboard", 403, json(HttpMethod.GET, "/api/leaderboard?round=" + hidden.getId(), contestant, null)));
        calls.add(call("PATCH /api/rounds/{id}", 403, bearer(HttpMethod.PATCH, "/api/rounds/" + hidden.getId(), readOnly, "{}")));
        // 404
        calls.add(call("GET /api/rounds/{id}", 404, json(HttpMethod.GET, "/api/rounds/987654321", organizer, null)));
        calls.add(call("GET /api/exports/{job}", 404, json(HttpMethod.GET, "/api/exports/987654321", organizer, null)));
        calls.add(call("GET /api/submissions/{id}", 404, json(HttpMethod.GET, "/api/submissions/987654321", judge, null)));
        calls.add(call("GET /api/reviews/{submission}", 404, json(HttpMethod.GET, "/api/reviews/987654321", judge, null)));
        calls.add(call("DELETE /api/rounds/{id}/winners/{submission}", 404,
                json(HttpMethod.DELETE, "/api/rounds/" + round + "/winners/" + scored, organizer, null)));
        // 409
        calls.add(call("POST /api/queue/jobs/{id}/retry", 409, json(HttpMethod.POST, "/api/queue/jobs/987654321/retry", organizer, null)));
        calls.add(call("PUT /api/rounds/{id}/winners/{submission}", 409,
                json(HttpMethod.PUT, "/api/rounds/" + round + "/winners/" + unscored, organizer, "{\"tier\": \"grand\"}")));
        calls.add(call("PUT /api/reviews/{submission}", 409, json(HttpMethod.PUT, "/api/reviews/" + authoredByJudge, judge, fullReview)));
        calls.add(call("POST /api/submissions/{id}/cancel", 409, json(HttpMethod.POST, "/api/submissions/" + scored + "/cancel", contestant, null)));
        // 413: past the server's multipart limit
        byte[] huge = new byte[63 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        calls.add(call("POST /api/validate", 413, upload("/api/validate", huge, Map.of("taskType", "classification"), null)));
        // 422
        calls.add(call("POST /api/validate", 422, upload("/api/validate", "prompt\n".getBytes(StandardCharsets.UTF_8),
                Map.of("taskType", "classification"), null)));
        calls.add(call("POST /api/submissions", 422, upload("/api/submissions", "prompt\n".getBytes(StandardCharsets.UTF_8),
                Map.of("taskType", "classification", "name", "Broken"), newAccount(Role.CONTESTANT))));
        // 429: the sixth wrong password for one account within 15 minutes is not even checked
        Account guessed = newAccount(Role.ORGANIZER);
        int last = 0;
        for (int i = 0; i < 6; i++) {
            last = basic(HttpMethod.GET, "/api/rounds/" + round, guessed.getEmail(), "not the password", null);
        }
        calls.add(call("GET /api/rounds/{id}", 429, last));
        // 429: the contestant's day is used up (two stored tasks and one upload of the round's limit of three)
        calls.add(call("POST /api/submissions", 429, upload("/api/submissions", classificationCsv(ROUND_MIN_EXAMPLES),
                Map.of("taskType", "classification", "name", "One too many"), contestant)));

        List<String> wrong = new ArrayList<>();
        for (Call c : calls) {
            if (c.got() != c.expected()) {
                wrong.add(c.operation() + " answered " + c.got() + ", the test expected " + c.expected());
            }
            String[] methodAndPath = c.operation().split(" ", 2);
            JsonNode operation = document.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase(Locale.ROOT));
            if (operation.isMissingNode()) {
                wrong.add(c.operation() + " is not in the document");
            } else if (!operation.path("responses").has(Integer.toString(c.got()))) {
                wrong.add(c.operation() + " answered " + c.got() + ", which the document does not list");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(calls.stream().map(Call::expected).distinct().sorted().toList())
                .containsExactly(201, 400, 401, 403, 404, 409, 413, 422, 429);
    }

    private static Call call(String operation, int expected, int got) {
        return new Call(operation, expected, got);
    }

    private Set<String> documented() {
        Set<String> documented = new TreeSet<>();
        operations((key, operation) -> documented.add(key));
        return documented;
    }

    private void operations(java.util.function.BiConsumer<String, JsonNode> each) {
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (List.of("get", "put", "post", "delete", "patch", "head", "options").contains(op.getKey())) {
                each.accept(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
            }
        }));
    }

    private int json(HttpMethod method, String path, Account as, String body) {
        return basic(method, path, as == null ? null : as.getEmail(), PASSWORD, body);
    }

    private int basic(HttpMethod method, String path, String email, String password, String body) {
        return send(method, path, headers -> {
            if (email != null) {
                headers.setBasicAuth(email, password, StandardCharsets.UTF_8);
            }
        }, body);
    }

    private int bearer(HttpMethod method, String path, String token, String body) {
        return send(method, path, headers -> headers.setBearerAuth(token), body);
    }

    private int send(HttpMethod method, String path, java.util.function.Consumer<HttpHeaders> auth, String body) {
        RestClient.RequestBodySpec request = http.method(method).uri(path).headers(auth);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((sent, response) -> {
            response.getBody().readAllBytes();
            return response.getStatusCode().value();
        });
    }

    private int upload(String path, byte[] file, Map<String, String> fields, Account as) {
        HttpHeaders part = new HttpHeaders();
        part.setContentDisposition(ContentDisposition.formData().name("file").filename("task.csv").build());
        part.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new HttpEntity<>(file, part));
        fields.forEach(form::add);
        return http.post().uri(path).headers(h -> {
                    if (as != null) {
                        h.setBasicAuth(as.getEmail(), PASSWORD, StandardCharsets.UTF_8);
                    }
                }).contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .exchange((sent, response) -> {
                    response.getBody().readAllBytes();
                    return response.getStatusCode().value();
                });
    }
}
