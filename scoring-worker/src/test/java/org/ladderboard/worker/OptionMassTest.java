package org.ladderboard.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ladderboard.scoring.ExampleResult;
import org.ladderboard.queue.ClaimedJob;
import org.ladderboard.queue.JobQueue;
import org.ladderboard.queue.ScoreStore;

/**
 * The per-model aggregate on real PostgreSQL with the log-probs long classes really get: a class of 170 characters
 * sums to about −1,000, and {@code exp} of that is below the smallest double, which PostgreSQL reports as an error
 * rather than 0.
 */
class OptionMassTest {

    private QueueFixture fixture;

    @BeforeEach
    void database() throws Exception {
        fixture = new QueueFixture();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private double optionMassOf(double... totalLogprobs) throws Exception {
        long submission = fixture.submission(totalLogprobs.length, List.of("micro-40k"), null);
        JobQueue queue = new JobQueue(fixture.db);
        ScoreStore store = new ScoreStore(fixture.db, queue, new org.ladderboard.queue.CurveStore(java.util.List.of()));
        ClaimedJob job = queue.claim("w", 60, null, null).orElseThrow();
        List<ScoreStore.Pending> pending = store.pending(job);
        List<ExampleResult> results = new ArrayList<>();
        for (int i = 0; i < totalLogprobs.length; i++) {
            double lp = totalLogprobs[i];
            results.add(new ExampleResult(i, new double[] {lp - 1, lp - 2}, null, new int[] {40, 40}, 1.0, true, 0, lp,
                    null, null, false, false, null));
        }
        assertThat(store.write(job, "w", pending, results)).isTrue();
        assertThat(store.finish(job, "w", 39504, 1.0, 0.1)).as("the job finishes").isTrue();
        assertThat(fixture.strings("select status from submission where id = ?", submission)).containsExactly("SCORED");
        return Double.parseDouble(fixture.strings("select option_mass::text from model_result where submission_id = ?",
                submission).get(0));
    }

    @Test
    void longClassesHaveAnOptionMassOfZeroInsteadOfAnUnderflowError() throws Exception {
        assertThat(optionMassOf(-1_000, -10_000)).isEqualTo(0.0);
    }

    @Test
    void aFileWithLongClassesIsScoredByARealWorker() throws Exception {
        long submission = fixture.submission(12, List.of("micro-40k"), null);
        try (var c = fixture.db.getConnection(); var ps = c.prepareStatement("""
                update example set classes = jsonb_build_array(repeat(' the quick brown fox jumps', 16),
                                                               repeat(' over the lazy sleeping dog', 16))
                where submission_id = ?""")) {
            ps.setLong(1, submission);
            ps.executeUpdate();
        }
        ScoringWorker worker = fixture.worker("w", QueueFixture.engine(), 30, 300, 6);
        Thread thread = new Thread(worker, "w");
        thread.start();
        try {
            await("the long classes scored").atMost(Duration.ofSeconds(120))
                    .until(() -> fixture.count("select count(*) from scoring_job where status in ('QUEUED', 'RUNNING')") == 0);
        } finally {
            worker.stop();
            thread.join(30_000);
        }
        assertThat(fixture.strings("select status from submission where id = ?", submission)).containsExactly("SCORED");
        assertThat(Double.parseDouble(fixture.strings("select min(total_logprob)::text from example_score").get(0)))
                .as("the classes are long enough to underflow exp").isLessThan(-745);
        assertThat(fixture.strings("select option_mass::text from model_result")).containsExactly("0");
    }

    @Test
    void aTinyMassBesideAnOrdinaryOneLeavesTheOrdinaryMean() throws Exception {
        assertThat(optionMassOf(-0.5, -1_000, -10_000)).isCloseTo(Math.exp(-0.5) / 3, within(1e-15));
    }
}
