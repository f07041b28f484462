package org.ladderboard.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ladderboard.worker.QueueFixture.quietly;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone worker process SIGKILLed at random moments, again and again: while the JVM starts, while a model
 * loads, mid-chunk, between jobs. After every trial a fresh process takes over. At the end every example has
 * exactly one score per model, no job failed, and every killed attempt is on record as expired.
 *
 * <p>CI runs a few trials; {@code -Dfault.trials=20} (and {@code -Dfault.seed=N} to replay) is the full run.
 */
// kills real worker processes over and over: the slow tier, run by `verify`, not by `test` (README)
@Tag("slow")
class WorkerKillTrialsTest {

    private static final int TRIALS = Integer.getInteger("fault.trials", 3);
    private static final long SEED = Long.getLong("fault.seed", 20261123L);
    private static final int EXAMPLES = 600;
    private static final List<String> RUNGS = List.of("micro-40k", "micro-100k", "micro-300k", "micro-1m");

    @Test
    void randomKillsLoseNothingAndDuplicateNothing(@TempDir Path tmp) throws Exception {
        try (QueueFixture fixture = new QueueFixture()) {
            List<Long> submissions = new ArrayList<>();
            for (int i = 0; i < Math.max(2, TRIALS / 4); i++) {
                submissions.add(fixture.submission(EXAMPLES, RUNGS, null));
            }
            long totalScores = (long) submissions.size() * EXAMPLES * RUNGS.size();
            Path ladders = QueueFixture.laddersFile(tmp, RUNGS);
            Random random = new Random(SEED);
            System.out.printf("trial  kill after ms  scores before  scores after  jobs done%n");
            for (int trial = 1; trial <= TRIALS; trial++) {
                long before = fixture.count("select count(*) from example_score");
                long killAfter = 200 + random.nextInt(5000);
                Process child = fixture.workerProcess(ladders, 2, 400, 25);
                // the kill comes at a random moment; until then the child must be running on its own
                await("the moment to kill").pollDelay(Duration.ofMillis(killAfter))
                        .atMost(Duration.ofMillis(killAfter + 5_000)).until(child::isAlive);
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no release of the job
                child.waitFor();
                long after = fixture.count("select count(*) from example_score");
                System.out.printf("%5d  %13d  %13d  %12d  %9d%n", trial, killAfter, before, after,
                        fixture.count("select count(*) from scoring_job where status = 'DONE'"));
                assertThat(fixture.count("select count(*) from scoring_job where status = 'FAILED'")).as("no job failed").isZero();
            }

            Process survivor = fixture.workerProcess(ladders, 2, 400, 25);
            try {
                await("every job done after the kills").atMost(Duration.ofSeconds(300)).until(quietly(() -> fixture.count("select count(*) from scoring_job where status = 'DONE'") == (long) submissions.size() * RUNGS.size()));
            } finally {
                survivor.destroyForcibly();
                survivor.waitFor();
            }
            assertThat(fixture.count("select count(*) from example_score")).isEqualTo(totalScores);
            assertThat(fixture.count("""
                    select count(*) from example e where (select count(*) from example_score s where s.example_id = e.id) <> ?""",
                    RUNGS.size())).as("examples without exactly one score per model").isZero();
            assertThat(fixture.count("select count(*) from submission where status = 'SCORED'")).isEqualTo(submissions.size());
            assertThat(fixture.count("""
                    select count(*) from model_result r where r.examples_scored <> ?""", EXAMPLES)).isZero();
            assertThat(fixture.count("select count(*) from scoring_job_attempt where ended_at is null"))
                    .as("every attempt ended (the killed ones as EXPIRED)").isZero();
            System.out.printf("%d trials: %d scores, attempts by outcome %s%n", TRIALS, totalScores,
                    fixture.strings("select outcome || '=' || count(*) from scoring_job_attempt group by outcome order by outcome"));
        }
    }
}
