package org.ladderboard.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ladderboard.dataset.Example;
import org.ladderboard.engine.Fixtures;
import org.ladderboard.ladder.Ladder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A round with a few-shot sweep: its submission is queued once per model and K, scored K-shot by a real worker on
 * the micro ladder, stored per K with the round's seed, and the stored K-shot scores are exactly those of scoring
 * the command line's dumped prompts as a plain dataset. A K whose prompts overflow the micro models' 256-token
 * context is stored as not fitting.
 */
class FewShotSweepTest {

    private static final Ladder TWO_RUNGS = new Ladder("micro", "llama", "parameters", "",
            QueueFixture.MICRO.rungs().subList(0, 2));
    private static final long SEED = 7;
    private static final int N = 24;

    private QueueFixture fixture;
    private ScoringWorker worker;
    private Thread thread;

    @BeforeEach
    void database() throws Exception {
        fixture = new QueueFixture();
    }

    @AfterEach
    void stop() throws Exception {
        if (worker != null) {
            worker.stop();
            thread.join(30_000);
        }
        fixture.close();
    }

    @Test
    void aSweepSubmissionIsScoredPerKAndMatchesTheDumpedPrompts(@TempDir Path tmp) throws Exception {
        long submission = fixture.sweepSubmission(N, TWO_RUNGS, new Integer[] {2, 16}, SEED);

        assertThat(fixture.strings("select model || ' K=' || shots || ' seed=' || coalesce(fewshot_seed::text, '-') "
                + "from scoring_job where submission_id = ? order by model_parameters, shots", submission))
                .as("one job per model and K; K = 0 is always scored; the round's seed on every K-shot job")
                .containsExactly("micro-40k K=0 seed=-", "micro-40k K=2 seed=7", "micro-40k K=16 seed=7",
                        "micro-100k K=0 seed=-", "micro-100k K=2 seed=7", "micro-100k K=16 seed=7");
        assertThat(fixture.strings("select status from submission where id = ?", submission)).containsExactly("QUEUED");

        worker = fixture.worker("sweeper", QueueFixture.engine(), 60, 500, 8);
        thread = new Thread(worker, "sweeper");
        thread.start();
        await("the sweep to be scored").atMost(Duration.ofSeconds(180))
                .until(() -> fixture.strings("select status from submission where id = ?", submission).contains("SCORED"));

        assertThat(fixture.count("select count(*) from scoring_job where submission_id = ? and status = 'DONE'", submission))
                .as("SCORED only once every K of every model is done").isEqualTo(6);
        assertThat(fixture.strings("select model || ' K=' || shots || ' n=' || examples_scored from model_result "
                + "where submission_id = ? order by model_parameters, shots", submission))
                .containsExactly("micro-40k K=0 n=24", "micro-40k K=2 n=24", "micro-40k K=16 n=24",
                        "micro-100k K=0 n=24", "micro-100k K=2 n=24", "micro-100k K=16 n=24");
        assertThat(fixture.strings("select view || ' K=' || shots || ' unfit=' || coalesce(unfit_model, '-') "
                + "from ladder_curve where submission_id = ? order by shots, view", submission))
                .as("a curve per view and K; K = 16 overflows the 256-token context on both models (a tie names the first by name) and is stored as not fitting")
                .containsExactly("accuracy K=0 unfit=-", "loss K=0 unfit=-", "accuracy K=2 unfit=-", "loss K=2 unfit=-",
                        "accuracy K=16 unfit=micro-100k", "loss K=16 unfit=micro-100k");
        assertThat(fixture.count("select count(*) from example_score where submission_id = ? and shots = 2 and truncated",
                submission)).as("two demonstrations fit").isZero();

        // the same examples as a file named like the part, scored by the command line with the round's K and seed
        List<Example> examples = QueueFixture.examples(N, null);
        Path data = tmp.resolve("p.jsonl");
        List<String> rows = new ArrayList<>();
        for (Example e : examples) {
            ObjectNode row = Fixtures.JSON.createObjectNode();
            row.put("prompt", e.prompt());
            row.putArray("classes").add(e.classes().get(0)).add(e.classes().get(1));
            row.put("answer_index", e.answerIndex());
            rows.add(Fixtures.JSON.writeValueAsString(row));
        }
        Files.write(data, rows);
        Path model = QueueFixture.LADDERS_ROOT.resolve("ladders/micro/micro-40k");
        Path dump = tmp.resolve("prompts.jsonl");
        assertThat(WorkerCommand.execute("score", "--model", model.toString(), "--data", data.toString(), "--shots", "2",
                "--seed", Long.toString(SEED), "--dump-prompts", dump.toString(), "--out", tmp.resolve("k2.jsonl").toString()))
                .isZero();
        List<JsonNode> dumped = Files.readAllLines(dump).stream().map(Fixtures.JSON::readTree).toList();
        FewShotPrompts.assertBuiltFromTheSpec(examples, dumped.stream().map(d -> d.get("prompt").asString()).toList(), 2);

        // the dumped prompts as a plain dataset give the stored K = 2 scores
        Path plain = tmp.resolve("plain.jsonl");
        List<String> plainRows = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            ObjectNode row = (ObjectNode) Fixtures.JSON.readTree(rows.get(i));
            row.put("prompt", dumped.get(i).get("prompt").asString());
            plainRows.add(Fixtures.JSON.writeValueAsString(row));
        }
        Files.write(plain, plainRows);
        Path plainScores = tmp.resolve("plain-scores.jsonl");
        assertThat(WorkerCommand.execute("score", "--model", model.toString(), "--data", plain.toString(), "--out",
                plainScores.toString())).isZero();
        List<String> stored = fixture.strings("""
                select s.loss::text from example_score s join example e on e.id = s.example_id
                where s.submission_id = ? and s.model = 'micro-40k' and s.shots = 2 order by e.position""", submission);
        List<String> plainLines = Files.readAllLines(plainScores);
        assertThat(stored).hasSize(N);
        for (int i = 0; i < N; i++) {
            assertThat(Double.parseDouble(stored.get(i))).as("example %d", i)
                    .isCloseTo(Fixtures.JSON.readTree(plainLines.get(i)).get("loss").asDouble(), within(1e-4));
        }
        assertThat(fixture.count("""
                select count(*) from example_score a join example_score b using (example_id, ladder, model)
                where a.submission_id = ? and a.shots = 0 and b.shots = 2 and a.loss = b.loss""", submission))
                .as("demonstrations change the scores").isLessThan(2 * N);
    }

    private static List<org.ladderboard.scoring.ExampleResult> results(int n, boolean truncated) {
        List<org.ladderboard.scoring.ExampleResult> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double loss = 0.2 + 0.05 * (i % 5);
            out.add(new org.ladderboard.scoring.ExampleResult(i, new double[] {-loss, -2.0}, null, new int[] {1, 1}, loss,
                    true, 0, -loss, 1, null, truncated, false, null));
        }
        return out;
    }

    /** Claims the next job and scores it with made-up results; its K. */
    private static int scoreNext(org.ladderboard.queue.JobQueue queue, org.ladderboard.queue.ScoreStore store, int n)
            throws Exception {
        org.ladderboard.queue.ClaimedJob job = queue.claim("w", 60, null, null).orElseThrow();
        List<org.ladderboard.queue.ScoreStore.Pending> pending = store.pending(job);
        assertThat(pending).hasSize(n);
        if (job.shots() > 0) {
            assertThat(pending).allSatisfy(p -> assertThat(p.example().prompt()).contains("\n\n\n"));
        }
        assertThat(store.write(job, "w", pending, results(n, false))).isTrue();
        assertThat(store.finish(job, "w", 1, 1.0, 0.1)).isTrue();
        return job.shots();
    }

    @Test
    void aKAddedToARoundIsScoredForItsScoredSubmissionsWhichStayScored() throws Exception {
        int n = 12;
        long submission = fixture.sweepSubmission(n, TWO_RUNGS, new Integer[0], null);
        org.ladderboard.queue.JobQueue queue = new org.ladderboard.queue.JobQueue(fixture.db);
        org.ladderboard.queue.ScoreStore store = new org.ladderboard.queue.ScoreStore(fixture.db, queue,
                new org.ladderboard.queue.CurveStore(List.of(QueueFixture.MICRO)));
        scoreNext(queue, store, n);
        scoreNext(queue, store, n);
        assertThat(fixture.strings("select status from submission where id = ?", submission)).containsExactly("SCORED");
        long round = fixture.count("select round_id from submission where id = ?", submission);

        fixture.strings("update round set fewshot_shots = '{0,2}', fewshot_seed = 3 where id = ? returning id", round);
        try (var c = fixture.db.getConnection()) {
            assertThat(queue.applySweep(c, round)).isEqualTo(2);
        }
        assertThat(fixture.strings("select status from submission where id = ?", submission))
                .as("its zero-shot results stand").containsExactly("SCORED");
        assertThat(scoreNext(queue, store, n)).isEqualTo(2);
        assertThat(fixture.count("select count(*) from ladder_curve where submission_id = ? and shots = 2", submission))
                .as("no K = 2 curve while one of its models is unscored").isZero();
        assertThat(scoreNext(queue, store, n)).isEqualTo(2);
        assertThat(fixture.strings("select view from ladder_curve where submission_id = ? and shots = 2 order by view", submission))
                .containsExactly("accuracy", "loss");
        assertThat(fixture.strings("select (curves_at is not null)::text || ' ' || status from submission where id = ?", submission))
                .containsExactly("true SCORED");

        fixture.strings("update round set fewshot_shots = '{}', fewshot_seed = null where id = ? returning id", round);
        try (var c = fixture.db.getConnection()) {
            assertThat(queue.applySweep(c, round)).isZero();
        }
        assertThat(fixture.count("select count(*) from scoring_job where submission_id = ? and shots = 2", submission)).isZero();
        assertThat(fixture.count("select count(*) from example_score where submission_id = ? and shots = 2", submission)).isZero();
        assertThat(fixture.count("select count(*) from model_result where submission_id = ? and shots = 2", submission)).isZero();
        assertThat(fixture.count("select count(*) from ladder_curve where submission_id = ? and shots = 2", submission)).isZero();
        assertThat(fixture.count("select count(*) from ladder_curve where submission_id = ? and shots = 0", submission)).isEqualTo(2);
    }
}
