package org.ladderboard.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.ScoredTask;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.ladderboard.app.round.Round;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A few-shot sweep on the pages that show curves (the submission page, the judge's review page, the task card): one
 * chart per view with a curve per plotted K and a legend, a verdict per K, the K whose prompts do not fit reported
 * instead of drawn, and the sentence that answers whether demonstrations remove the inverse trend. The API's results
 * and scores carry K. A zero-shot submission's pages show none of it.
 */
class FewShotPagesTest extends IntegrationTest {

    @Autowired
    JdbcTemplate template;

    private static final Pattern POLYLINE = Pattern.compile("<polyline");

    /** A round of its own (open, closing after the tests' round, so that one stays current) with K ∈ {0, 2, 4}. */
    private long sweepRound() {
        Round round = new Round("Sweep round " + UUID.randomUUID(), Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(300)));
        round.setLadders(Set.of("micro"));
        round.setFewShot(List.of(0, 2, 4), 42L);
        return rounds.save(round).getId();
    }

    private long sweepSubmission(Account author) {
        return ScoredTask.create(jdbc, template, sweepRound(), author.getId(), "Sweep task", "sweeper",
                List.of("sweep.csv"), 40, Map.of(0, new ScoredTask.Shot(ScoredTask.INVERSE, false),
                        2, new ScoredTask.Shot(ScoredTask.FLAT, false), 4, new ScoredTask.Shot(ScoredTask.FLAT, true)));
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String section(String html) {
        int start = html.indexOf("id=\"few-shot\"");
        assertThat(start).as("the page has a few-shot section").isPositive();
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static void assertShowsTheSweep(String html) {
        String sweep = section(html);
        assertThat(sweep).contains("Zero-shot the mean loss gets worse with scale; with 2 demonstrations the trend is "
                + "flat: demonstrations remove the inverse trend (K = 4 not judged: its prompts do not fit).");
        assertThat(count(Pattern.compile("class=\"curve few-shot-curve\""), sweep)).as("one chart per view").isEqualTo(2);
        assertThat(sweep).contains("data-view=\"loss\"").contains("data-view=\"accuracy\"");
        for (String chart : sweep.split("class=\"curve few-shot-curve\"")) {
            if (!chart.contains("<svg")) {
                continue;
            }
            assertThat(count(POLYLINE, chart)).as("a curve per plotted K: zero-shot and 2-shot, not 4-shot").isEqualTo(2);
            assertThat(chart).contains(">zero-shot</text>").contains(">2-shot</text>").doesNotContain(">4-shot</text>");
            assertThat(chart).contains("2-shot, micro-40k (39,504 parameters)");
        }
        assertThat(sweep).contains("Zero-shot: Inverse scaling").contains("2-shot: Flat: no difference beyond noise")
                .containsPattern("K = 4: 100 % of prompts do not fit the context of micro-[0-9a-z]+; not plotted");
    }

    @Test
    void theSubmissionReviewAndTaskPagesDrawACurvePerKWithItsVerdict() throws Exception {
        Account author = newAccount(Role.CONTESTANT);
        long id = sweepSubmission(author);

        String page = mvc.perform(get("/submissions/" + id).with(user(author.getEmail()).roles("CONTESTANT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertShowsTheSweep(page);
        assertThat(page).as("the zero-shot charts are there as before").contains("id=\"scaling\"")
                .contains("micro-40k · 2-shot").contains("micro-40k · 4-shot");

        String svg = mvc.perform(get("/submissions/" + id + "/curves/micro/loss/few-shot.svg")
                        .with(user(author.getEmail()).roles("CONTESTANT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(count(POLYLINE, svg)).isEqualTo(2);
        assertThat(svg).startsWith("<svg").contains(">2-shot</text>");
        byte[] png = mvc.perform(get("/submissions/" + id + "/curves/micro/accuracy/few-shot.png")
                        .with(user(author.getEmail()).roles("CONTESTANT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth()).isEqualTo(800);
        mvc.perform(get("/submissions/" + id + "/curves/micro/loss/few-shot.svg")
                .with(user(newAccount(Role.CONTESTANT).getEmail()).roles("CONTESTANT"))).andExpect(status().isNotFound());
        assertThat(page).contains("/submissions/" + id + "/curves/micro/loss/few-shot.png");

        Account judge = newAccount(Role.JUDGE);
        String review = mvc.perform(get("/judging/" + id).with(user(judge.getEmail()).roles("JUDGE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertShowsTheSweep(review);

        Account organizer = newAccount(Role.ORGANIZER);
        String card = mvc.perform(get("/tasks/" + id).with(user(organizer.getEmail()).roles("ORGANIZER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertShowsTheSweep(card);
    }

    @Test
    void aKStillBeingScoredOrFailedIsSaidSo() throws Exception {
        Account author = newAccount(Role.CONTESTANT);
        long id = sweepSubmission(author);
        // as after the organizer added K = 8 to the round: queued on every model; then one of them fails
        jdbc.sql("""
                insert into scoring_job (submission_id, ladder, model, model_parameters, examples_total, shots, fewshot_seed)
                select submission_id, ladder, model, model_parameters, examples_total, 8, 42 from scoring_job
                where submission_id = ? and shots = 0""").param(id).update();
        String page = mvc.perform(get("/submissions/" + id).with(user(author.getEmail()).roles("CONTESTANT")))
                .andReturn().getResponse().getContentAsString();
        assertThat(section(page)).contains("Still being scored: K = 8.");
        jdbc.sql("update scoring_job set status = 'FAILED' where submission_id = ? and shots = 8 and model = 'micro-1m'")
                .param(id).update();
        page = mvc.perform(get("/submissions/" + id).with(user(author.getEmail()).roles("CONTESTANT")))
                .andReturn().getResponse().getContentAsString();
        assertThat(section(page)).doesNotContain("Still being scored").contains("Scoring failed, so not plotted: K = 8");
    }

    @Test
    void resultsAndScoresCarryK() throws Exception {
        Account author = newAccount(Role.CONTESTANT);
        long id = sweepSubmission(author);
        JsonNode results = JsonMapper.builder().build().readTree(mvc.perform(get("/api/submissions/" + id + "/results")
                .with(httpBasic(author.getEmail(), PASSWORD))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(results.get("results")).hasSize(12);
        assertThat(results.get("results").get(0).get("shots").asInt()).isZero();
        assertThat(results.get("results").get(4).get("shots").asInt()).isEqualTo(2);
        assertThat(results.get("jobs")).hasSize(12);
        assertThat(results.get("jobs").get(4).get("shots").asInt()).isEqualTo(2);
        assertThat(results.get("jobs").get(4).get("fewshotSeed").asLong()).isEqualTo(42);

        var started = mvc.perform(get("/api/submissions/" + id + "/scores.jsonl").with(httpBasic(author.getEmail(), PASSWORD)))
                .andReturn();
        String scores = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        List<String> lines = scores.lines().toList();
        assertThat(lines).hasSize(40 * 4 * 3);
        assertThat(lines.get(0)).contains("\"shots\":0").doesNotContain("\"seed\"");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"shots\":2,\"seed\":42"))
                .anySatisfy(l -> assertThat(l).contains("\"shots\":4,\"seed\":42"));
    }

    @Test
    void aZeroShotSubmissionHasNoFewShotSection() throws Exception {
        Account author = newAccount(Role.CONTESTANT);
        long id = ScoredTask.create(jdbc, template, rounds.findAll().stream().filter(r -> r.getName().equals("Test round"))
                .findFirst().orElseThrow().getId(), author.getId(), "Plain task", "plain", List.of("plain.csv"), 12);
        String page = mvc.perform(get("/submissions/" + id).with(user(author.getEmail()).roles("CONTESTANT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"scaling\"").doesNotContain("id=\"few-shot\"")
                .doesNotContain("few-shot-curve").doesNotContain("demonstrations").doesNotContain(" · 2-shot");
    }
}
