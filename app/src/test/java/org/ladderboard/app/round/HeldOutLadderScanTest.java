package org.ladderboard.app.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ladderboard.analysis.ScalingCurve;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The access scan: for a round with a held-out ladder and a scored submission, everything the submitting contestant,
 * another contestant and a visitor who is not signed in can reach (every page linked from the pages they start on,
 * every API answer and download about the submission and the round) is searched for the held-out ladder's name, its
 * models' names and sizes, and its results' numbers. None may appear. The same scan as a judge and as an organizer
 * finds them; after the organizer releases the ladder, the contestant finds them too.
 */
class HeldOutLadderScanTest extends HeldOutLadderTest {

    private static final Pattern HREF = Pattern.compile("(?:href|src)=\"(/[^\"#]*)");
    private static final Pattern SUBMISSION_LINK = Pattern.compile("/(submissions|judging|tasks)/(\\d+)");

    /** What would give the held-out ladder away: its name, its models' names and sizes, its mean losses. */
    private static List<String> secrets() {
        List<String> secrets = new ArrayList<>(List.of(VAULT));
        secrets.addAll(VAULT_MODELS);
        Arrays.stream(VAULT_PARAMETERS).forEach(p -> secrets.add(Long.toString(p)));
        // the losses as pages print them (3 decimals and more) and as JSON carries them
        Arrays.stream(VAULT_LOSSES).forEach(l -> secrets.add(String.format(Locale.ROOT, "%.3f", l)));
        return secrets;
    }

    /** One answer: its status and its body (empty for a redirect or an error). */
    private record Answer(int status, String body) {
    }

    private Answer answer(AbstractMockHttpServletRequestBuilder<?> request, RequestPostProcessor who) throws Exception {
        MvcResult result = mvc.perform(who == null ? request : request.with(who)).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(asyncDispatch(result)).andReturn();
        }
        int status = result.getResponse().getStatus();
        assertThat(status).as(request.toString() + " answers").isLessThan(500);
        String contentType = String.valueOf(result.getResponse().getContentType());
        // a PNG is searched as well: its text chunks and any title it draws would be bytes of the same letters
        String body = contentType.startsWith("image/png")
                ? new String(result.getResponse().getContentAsByteArray(), StandardCharsets.ISO_8859_1)
                : result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        return new Answer(status, status >= 300 ? "" : body);
    }

    /** Everything one viewer reaches: the pages linked from {@code starts}, keeping to this submission, then the API. */
    private Map<String, String> scan(RequestPostProcessor page, RequestPostProcessor api, long submission, List<String> starts)
            throws Exception {
        Map<String, String> bodies = new LinkedHashMap<>();
        Deque<String> toVisit = new ArrayDeque<>(starts);
        Set<String> seen = new LinkedHashSet<>(starts);
        while (!toVisit.isEmpty() && seen.size() < 400) {
            String path = toVisit.poll();
            String body = answer(get(path), page).body();
            bodies.put(path, body);
            Matcher href = HREF.matcher(body);
            while (href.find()) {
                String link = href.group(1).replace("&amp;", "&");
                Matcher other = SUBMISSION_LINK.matcher(link);
                boolean elsewhere = other.find() && Long.parseLong(other.group(2)) != submission;
                // organizer pages are out of a contestant's reach (and their exports hold everything, by design)
                if (!elsewhere && !link.startsWith("/css/") && !link.startsWith("/js/") && !link.startsWith("/organizer/")
                        && !link.startsWith("/logout") && seen.add(link)) {
                    toVisit.add(link);
                }
            }
        }
        for (String path : directly(submission)) {
            bodies.put(path, answer(get(path), path.startsWith("/api/") ? api : page).body());
        }
        return bodies;
    }

    /** What a script or a guessed URL reaches without a link: the API about the submission and the round, every download. */
    private static List<String> directly(long id) {
        List<String> paths = new ArrayList<>(List.of("/api/submissions/" + id, "/api/submissions/" + id + "/results",
                "/api/submissions/" + id + "/scores.jsonl", "/api/submissions", "/api/rounds/current",
                "/submissions/" + id, "/submissions/" + id + "/progress", "/submissions/" + id + "/scores.jsonl",
                "/submissions/" + id + "/examples", "/submissions/" + id + "/examples?ladder=" + VAULT,
                "/submissions/" + id + "/examples?ladder=" + VAULT + "&filter=worse",
                "/submissions/" + id + "/examples?ladder=" + VAULT + "&filter=better&q=apples",
                "/tasks/" + id, "/leaderboard", "/leaderboard?sort=ladder:" + VAULT, "/leaderboard?sort=ladder:micro&desc=true",
                "/", "/submit", "/submissions", "/judging", "/judging/" + id));
        for (String view : ScalingCurve.views("classification")) {
            for (String ladder : List.of("micro", VAULT)) {
                paths.add("/submissions/" + id + "/curves/" + ladder + "/" + view + ".svg");
                paths.add("/submissions/" + id + "/curves/" + ladder + "/" + view + ".png");
                paths.add("/submissions/" + id + "/curves/" + ladder + "/" + view + "/few-shot.svg");
                paths.add("/submissions/" + id + "/curves/" + ladder + "/" + view + "/few-shot.png");
            }
        }
        return paths;
    }

    private static List<String> leaks(Map<String, String> bodies) {
        List<String> leaks = new ArrayList<>();
        bodies.forEach((path, body) -> {
            String lower = body.toLowerCase(Locale.ROOT);
            secrets().stream().filter(lower::contains).forEach(secret -> leaks.add(path + " shows " + secret));
        });
        return leaks;
    }

    private static String all(Map<String, String> bodies) {
        return String.join("\n", bodies.values());
    }

    private static RequestPostProcessor page(Account a) {
        return user(a.getEmail()).roles(a.getRole().name());
    }

    private static RequestPostProcessor api(Account a) {
        return httpBasic(a.getEmail(), PASSWORD);
    }

    @Test
    void noContestantNorVisitorReachesAHeldOutLadderUntilItIsReleased() throws Exception {
        Round round = currentRoundOnBothLadders("Held-out round " + System.nanoTime());
        try {
            Account owner = newAccount(Role.CONTESTANT);
            Account other = newAccount(Role.CONTESTANT);
            Account judge = newAccount(Role.JUDGE);
            Account organizer = newAccount(Role.ORGANIZER);
            long id = scoredOnBothLadders(round.getId(), owner.getId(), "Held-out task");
            // a few-shot sweep on both ladders: 2-shot curves as the worker stores them, and a 4-shot job still queued
            jdbc.sql("""
                    insert into ladder_curve (submission_id, ladder, view, shots, verdict, strength, drop_best_to_largest, curve)
                    select submission_id, ladder, view, 2, verdict, strength, drop_best_to_largest, curve from ladder_curve
                    where submission_id = ? and shots = 0""").param(id).update();
            jdbc.sql("""
                    insert into scoring_job (submission_id, ladder, model, model_parameters, status, examples_total, shots,
                                             fewshot_seed)
                    select submission_id, ladder, model, model_parameters, 'QUEUED', examples_total, 4, 0 from scoring_job
                    where submission_id = ? and ladder = ? and shots = 0""").params(id, VAULT).update();

            // before it is held out, the contestant sees the vault ladder: the scan would find it
            assertThat(leaks(scan(page(owner), api(owner), id, List.of("/submissions/" + id)))).isNotEmpty();

            assertThat(answer(put("/api/rounds/" + round.getId() + "/ladders/" + VAULT).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"heldOut\": true}"), api(organizer)).status()).isEqualTo(200);

            List<String> starts = List.of("/", "/submissions", "/submissions/" + id, "/leaderboard", "/tasks/" + id, "/submit");
            Map<String, String> ownerSees = scan(page(owner), api(owner), id, starts);
            Map<String, String> otherSees = scan(page(other), api(other), id, starts);
            Map<String, String> visitorSees = scan(null, null, id, List.of("/", "/leaderboard", "/tasks/" + id));
            assertThat(ownerSees.keySet()).as("the walk reaches the submission's pages and downloads")
                    .contains("/submissions/" + id, "/submissions/" + id + "/examples", "/tasks/" + id,
                            "/submissions/" + id + "/scores.jsonl", "/api/submissions/" + id + "/results");
            assertThat(leaks(ownerSees)).as("the owner").isEmpty();
            assertThat(leaks(otherSees)).as("another contestant").isEmpty();
            assertThat(leaks(visitorSees)).as("a visitor").isEmpty();

            // what the owner does see: the public ladder's results in full, and the private ones' progress as one line
            String ownerAll = all(ownerSees);
            assertThat(ownerSees.get("/api/submissions/" + id + "/results")).contains("micro-1m").contains("\"status\":\"SCORED\"");
            assertThat(ownerSees.get("/submissions/" + id + "/progress")).contains("\"ladder\":\"private\"");
            assertThat(ownerSees.get("/submissions/" + id + "/scores.jsonl")).contains("\"ladder\":\"micro\"");
            assertThat(ownerSees.get("/tasks/" + id)).contains("micro");
            assertThat(ownerAll).contains("micro-40k");
            assertThat(visitorSees.get("/leaderboard")).contains("Held-out task");
            assertThat(answer(get("/submissions/" + id + "/curves/" + VAULT + "/loss.svg"), page(owner)).status()).isEqualTo(404);
            assertThat(answer(get("/submissions/" + id + "/curves/" + VAULT + "/loss/few-shot.svg"), page(owner)).status())
                    .isEqualTo(404);
            // the public ladder's sweep is there; the held-out ladder's pending 4-shot jobs are not announced
            assertThat(ownerSees.get("/submissions/" + id)).contains("one curve per K").doesNotContain("K = 4");

            // judges and organizers find everything the scan looks for
            Map<String, String> judgeSees = scan(page(judge), api(judge), id, List.of("/judging", "/leaderboard", "/submissions/" + id));
            Map<String, String> organizerSees = scan(page(organizer), api(organizer), id,
                    List.of("/leaderboard", "/submissions/" + id));
            for (Map<String, String> seen : List.of(judgeSees, organizerSees)) {
                assertThat(leaks(seen)).extracting(l -> l.substring(l.lastIndexOf(' ') + 1)).containsAll(secrets());
                assertThat(seen.get("/api/submissions/" + id + "/results")).contains("vault-l");
                assertThat(seen.get("/leaderboard")).contains("(held out)");
                assertThat(seen.get("/api/rounds/current")).contains("\"name\":\"vault\"").contains("\"heldOut\":true");
            }
            assertThat(answer(get("/submissions/" + id + "/curves/" + VAULT + "/loss.png"), page(judge)).status()).isEqualTo(200);
            assertThat(answer(get("/submissions/" + id + "/curves/" + VAULT + "/loss/few-shot.svg"), page(judge)).status())
                    .isEqualTo(200);
            assertThat(judgeSees.get("/submissions/" + id)).contains("K = 4").contains("(held out)");
            assertThat(answer(get("/judging/" + id), page(judge)).body()).contains("(held out)");
            assertThat(ownerSees.get("/submissions/" + id)).doesNotContain("held out");

            // released: the contestant sees the vault ladder like any other
            assertThat(answer(post("/api/rounds/" + round.getId() + "/ladders/" + VAULT + "/release"), api(organizer)).status())
                    .isEqualTo(200);
            Map<String, String> released = scan(page(owner), api(owner), id, List.of("/submissions/" + id, "/leaderboard"));
            assertThat(leaks(released)).extracting(l -> l.substring(l.lastIndexOf(' ') + 1)).containsAll(secrets());
            assertThat(released.get("/submissions/" + id + "/progress")).doesNotContain("\"ladder\":\"private\"");
        } finally {
            close(round);
        }
    }

    @Test
    void aSubmissionToARoundWithAHeldOutLadderIsQueuedOnItButItsReportAndJobsNameNoneOfIt() throws Exception {
        Round round = currentRoundOnBothLadders("Held-out upload round " + System.nanoTime());
        try {
            Account organizer = newAccount(Role.ORGANIZER);
            assertThat(answer(put("/api/rounds/" + round.getId() + "/ladders/" + VAULT).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"heldOut\": true}"), api(organizer)).status()).isEqualTo(200);
            Account contestant = newAccount(Role.CONTESTANT);
            // prompts longer than the models' context: the tokenizer rules warn, naming the model
            StringBuilder csv = new StringBuilder(",prompt,classes,answer_index\n");
            for (int i = 0; i < ROUND_MIN_EXAMPLES; i++) {
                csv.append(i).append(",\"").append("Is it so? ".repeat(i == 0 ? 300 : 2)).append(i).append("\",\"[' Yes', ' No']\",0\n");
            }
            MockMultipartFile file = new MockMultipartFile("file", "long.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));

            Answer quick = answer(multipart("/api/validate").file(file).param("taskType", "classification"), null);
            assertThat(quick.body()).contains("a private model").contains("micro-40k");
            assertThat(leaks(Map.of("/api/validate", quick.body()))).isEmpty();

            Answer submitted = answer(multipart("/api/submissions").file(file).param("taskType", "classification")
                    .param("name", "Long prompts").param("cause", "strong_prior"), api(contestant));
            assertThat(submitted.status()).isEqualTo(201);
            long id = Long.parseLong(submitted.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
            assertThat(jdbc.sql("select count(*) from scoring_job where submission_id = ? and ladder = ?").params(id, VAULT)
                    .query(Integer.class).single()).as("the worker scores the held-out ladder like any other").isEqualTo(3);

            Map<String, String> seen = scan(page(contestant), api(contestant), id, List.of("/submissions/" + id));
            assertThat(leaks(seen)).isEmpty();
            assertThat(seen.get("/api/submissions/" + id)).contains("a private model").contains("\"ladder\":\"private\"")
                    .contains("\"model\":\"micro-1m\"");
            assertThat(answer(get("/api/submissions/" + id), api(organizer)).body()).contains("vault-l");
        } finally {
            close(round);
        }
    }
}
