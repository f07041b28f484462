package org.ladderboard.app.scoring;

import org.awaitility.Awaitility;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.EmbeddedWorkerTest;
import org.ladderboard.app.account.Account;
import org.ladderboard.app.account.Role;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** The app with its embedded worker: a submission scores itself, and its results, scores and controls work. */
class ScoringFlowTest extends EmbeddedWorkerTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.ladderboard.app.notice.NoticeProducer producer;

    @Test
    void aSubmissionIsScoredOnEveryModelAndItsResultsAndScoresAreServed() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        long id = submit(contestant, classificationCsv(30));
        JsonNode results = awaitStatus(contestant, id, "SCORED");

        assertThat(results.get("results")).hasSize(4);
        JsonNode smallest = results.get("results").get(0);
        assertThat(smallest.get("model").asString()).isEqualTo("micro-40k");
        assertThat(smallest.get("params").asLong()).isEqualTo(39504);
        assertThat(smallest.get("examplesScored").asInt()).isEqualTo(30);
        assertThat(smallest.get("meanLoss").asDouble()).isPositive();
        assertThat(smallest.get("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(smallest.get("optionMass").asDouble()).isBetween(0.0, 1.0);
        assertThat(smallest.get("truncated").asInt()).isZero();
        assertThat(smallest.get("errors").asInt()).isZero();
        assertThat(results.get("jobs").get(0).get("examplesPerSecond").asDouble()).isPositive();
        // done: nothing is left, so no time left is given
        assertThat(results.get("etaSeconds").isNull()).isTrue();

        // the worker wrote only through the queue; the app's producer tells the author from what it recorded
        producer.produce();
        mvc.perform(get("/api/notices").with(httpBasic(contestant.getEmail(), PASSWORD)))
                .andExpect(jsonPath("$.notices", hasSize(1)))
                .andExpect(jsonPath("$.notices[0].kind").value("SUBMISSION_SCORED"))
                .andExpect(jsonPath("$.notices[0].link").value("/submissions/" + id));

        MvcResult download = mvc.perform(get("/api/submissions/" + id + "/scores.jsonl").with(httpBasic(contestant.getEmail(), PASSWORD)))
                .andExpect(request().asyncStarted()).andReturn();
        String jsonl = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(download))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String[] lines = jsonl.strip().split("\n");
        assertThat(lines).hasSize(30 * 4);
        JsonNode first = JSON.readTree(lines[0]);
        assertThat(first.get("index").asInt()).isZero();
        assertThat(first.get("class_logprobs")).hasSize(2);

        mvc.perform(get("/submissions/" + id).with(user(contestant.getEmail()).roles("CONTESTANT")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Download every example")));
        mvc.perform(post("/api/submissions/" + id + "/cancel").with(httpBasic(contestant.getEmail(), PASSWORD)))
                .andExpect(status().isConflict());
    }

    @Test
    void theMemoTrapProbeIsDrawnAndJudgedInverse() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        byte[] probe = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("..", "ladders", "probes", "instructed-ending.csv"));
        long id = submit(contestant, probe);
        awaitStatus(contestant, id, "SCORED");
        var page = user(contestant.getEmail()).roles("CONTESTANT");
        String html = mvc.perform(get("/submissions/" + id).with(page)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"scaling\"").contains("Inverse scaling").contains("<svg")
                .contains("Generality: inverse scaling on all ladders (1 of 1; micro: Inverse scaling).");
        // the explorer lists examples the smallest model gets right and the largest wrong, with option probabilities
        assertThat(html).contains("Examples that flip").contains("Worse with scale").contains("class=\"probabilities\"");
        long worse = jdbc.sql("""
                select count(*) from example_score a join example_score b on a.example_id = b.example_id
                where a.submission_id = ? and a.model = 'micro-40k' and b.model = 'micro-1m' and a.correct and not b.correct""")
                .param(id).query(Long.class).single();
        assertThat(worse).isPositive();
        assertThat(html).contains(worse + "</span> examples <span>micro-40k</span>");
        String svg = mvc.perform(get("/submissions/" + id + "/curves/micro/accuracy.svg").with(page))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
                .andReturn().getResponse().getContentAsString();
        // one point per model, with the models' accuracies from the ladder's README in the hover titles
        assertThat(svg.split("<circle", -1)).hasSize(5);
        assertThat(svg).contains("micro-40k (39,504 parameters): 0.237").contains("micro-1m (1,000,576 parameters): 0.120")
                .contains("chance: 0.500");
        mvc.perform(get("/submissions/" + id + "/curves/micro/nonsense.svg").with(page)).andExpect(status().isNotFound());
        byte[] png = mvc.perform(get("/submissions/" + id + "/curves/micro/loss.png").with(page)).andExpect(status().isOk())
                .andExpect(content().contentType("image/png")).andReturn().getResponse().getContentAsByteArray();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(450);

        // the leaderboard: judges see it at once, contestants only once an organizer reveals it
        var judge = user(newAccount(Role.JUDGE).getEmail()).roles("JUDGE");
        String board = mvc.perform(get("/leaderboard").with(judge)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // every row links to the task's public card, which whoever sees the leaderboard may open
        assertThat(board).contains("/tasks/" + id).contains("verdict-inverse").contains("<polyline").contains("id=\"pages\"");
        assertThat(board).doesNotContain(contestant.getEmail());
        assertThat(mvc.perform(get("/leaderboard").param("cause", "distractor_task").with(judge)).andReturn().getResponse()
                .getContentAsString()).doesNotContain("/tasks/" + id + "\"");
        mvc.perform(get("/leaderboard").with(page)).andExpect(content().string(org.hamcrest.Matchers.allOf(
                org.hamcrest.Matchers.containsString("not revealed"),
                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("verdict-inverse")))));
        long round = jdbc.sql("select round_id from submission where id = ?").param(id).query(Long.class).single();
        mvc.perform(post("/organizer/rounds/" + round + "/leaderboard").param("revealed", "true").with(csrf()).with(judge))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organizer/rounds/" + round + "/leaderboard").param("revealed", "true").with(csrf())
                .with(user(newAccount(Role.ORGANIZER).getEmail()).roles("ORGANIZER"))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/leaderboard").with(page)).andExpect(content().string(org.hamcrest.Matchers.containsString("verdict-inverse")));
        jdbc.sql("update round set leaderboard_revealed = false where id = ?").param(round).update();
        // a second look comes from the verdict cache
        assertThat(jdbc.sql("select count(*) from ladder_curve where submission_id = ?").param(id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void eachPartOfAZipIsJudgedOnItsOwn() throws Exception {
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            for (String probe : java.util.List.of("instructed-ending", "plain-ending")) {
                out.putNextEntry(new java.util.zip.ZipEntry(probe + ".csv"));
                out.write(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("..", "ladders", "probes", probe + ".csv")));
                out.closeEntry();
            }
        }
        Account contestant = newAccount(Role.CONTESTANT);
        String body = mvc.perform(multipart("/api/submissions").file(new MockMultipartFile("file", "probes.zip", "application/zip", zip.toByteArray()))
                        .param("taskType", "classification").param("name", "Both probes").with(httpBasic(contestant.getEmail(), PASSWORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = JSON.readTree(body).get("id").asLong();
        awaitStatus(contestant, id, "SCORED");
        String html = mvc.perform(get("/submissions/" + id).with(user(contestant.getEmail()).roles("CONTESTANT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("By part");
        String instructed = html.substring(html.indexOf("data-part=\"instructed-ending\""));
        String plain = html.substring(html.indexOf("data-part=\"plain-ending\""));
        assertThat(instructed.substring(0, 600)).contains("Inverse scaling");
        assertThat(plain.substring(0, 600)).contains("Standard scaling");
    }

    @Test
    void theOwnerCancelsAndOthersCannot() throws Exception {
        Account owner = newAccount(Role.CONTESTANT);
        long id = submit(owner, classificationCsv(2000));
        mvc.perform(post("/api/submissions/" + id + "/cancel").with(httpBasic(newAccount(Role.CONTESTANT).getEmail(), PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/submissions/" + id + "/cancel").with(httpBasic(newAccount(Role.JUDGE).getEmail(), PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/submissions/" + id + "/cancel").with(httpBasic(owner.getEmail(), PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        // the history, which judges read, says who in words and never names an address
        assertThat(jdbc.sql("select note from submission_event where submission_id = ? and status = 'CANCELLED'")
                .param(id).query(String.class).single()).isEqualTo("cancelled by the author");
        long second = submit(owner, classificationCsv(2000));
        Account organizer = newAccount(Role.ORGANIZER);
        mvc.perform(post("/api/submissions/" + second + "/cancel").with(httpBasic(organizer.getEmail(), PASSWORD)))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select note from submission_event where submission_id = ? and status = 'CANCELLED'")
                .param(second).query(String.class).single()).isEqualTo("cancelled by an organizer");
        // every job ends cancelled once its worker has seen the cancel (at its next heartbeat, 200 ms here)
        JsonNode results = Awaitility.await("jobs cancelled").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> results(owner, id), r -> r.get("status").asString().equals("CANCELLED")
                        && java.util.stream.StreamSupport.stream(r.get("jobs").spliterator(), false)
                                .allMatch(job -> job.get("status").asString().equals("CANCELLED")));
        assertThat(results.get("jobs")).isNotEmpty();
        // and no score is stored after that: the count holds still for a second (five heartbeats)
        long scoredAfter = jdbc.sql("select count(*) from example_score where submission_id = ?").param(id).query(Long.class).single();
        Awaitility.await("no score after the cancel").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> jdbc.sql("select count(*) from example_score where submission_id = ?").param(id)
                        .query(Long.class).single() == scoredAfter);
    }

    @Test
    void organizersSeeTheQueueAndRetryFailedJobs() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        long id = submit(contestant, classificationCsv(10));
        awaitStatus(contestant, id, "SCORED");
        long job = jdbc.sql("select id from scoring_job where submission_id = ? and model = 'micro-1m'").param(id).query(Long.class).single();
        jdbc.sql("update scoring_job set status = 'FAILED', error_kind = 'INFRASTRUCTURE', error_message = 'GPU fell off' where id = ?")
                .param(job).update();
        jdbc.sql("update submission set status = 'FAILED' where id = ?").param(id).update();

        Account organizer = newAccount(Role.ORGANIZER);
        mvc.perform(get("/organizer/queue").with(user(organizer.getEmail()).roles("ORGANIZER")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("GPU fell off"), org.hamcrest.Matchers.containsString("embedded"))));
        mvc.perform(post("/organizer/jobs/" + job + "/retry").with(csrf()).with(user(organizer.getEmail()).roles("ORGANIZER")))
                .andExpect(status().is3xxRedirection());
        awaitStatus(contestant, id, "SCORED");
        mvc.perform(get("/organizer/queue").with(user(contestant.getEmail()).roles("CONTESTANT"))).andExpect(status().isForbidden());
    }

    @Test
    void theLaddersTokenizerRulesRunAtUpload() throws Exception {
        String longPrompt = "word ".repeat(400).strip();
        String csv = "prompt,classes,answer_index\n\"" + longPrompt + "\",\"[' yes', ' no']\",0\n";
        mvc.perform(multipart("/api/validate").file(new MockMultipartFile("file", "t.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("taskType", "classification"))
                .andExpect(jsonPath("$.warnings[?(@.code == 'context_too_long')]", hasSize(1)))
                .andExpect(jsonPath("$.warnings[?(@.code == 'context_too_long')].message",
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("micro/micro-40k"))));
    }
}
