package org.ladderboard.app.round;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.ladderboard.app.IntegrationTest;
import org.ladderboard.app.ScoredTask;
import org.ladderboard.app.ladder.LadderRegistry;
import org.ladderboard.queue.CurveStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the held-out ladder tests: the app with two ladders, the bundled {@code micro} and a second one,
 * {@code vault}, on the same checkpoints under names and sizes that appear nowhere else, so a page that shows any of
 * them shows the held-out ladder. Each test makes its own round on both ladders, current while it runs.
 */
abstract class HeldOutLadderTest extends IntegrationTest {

    static final String VAULT = "vault";
    static final List<String> VAULT_MODELS = List.of("vault-s", "vault-m", "vault-l");
    static final long[] VAULT_PARAMETERS = {2222223, 7777779, 33333331};
    /** Each vault model's loss on every example: its mean loss, as no public number reads. */
    static final double[] VAULT_LOSSES = {2.718281, 3.314159, 4.161803};

    @DynamicPropertySource
    static void twoLadders(DynamicPropertyRegistry registry) {
        try {
            Path micro = Path.of("..", "ladders", "micro").toAbsolutePath().normalize();
            Path file = Files.createTempDirectory("held-out-ladders").resolve("ladders.yml");
            StringBuilder yaml = new StringBuilder("ladders:\n  - name: micro\n    family: llama\n    rungs:\n");
            for (String m : ScoredTask.MODELS) {
                yaml.append("      - { name: ").append(m).append(", parameters: ").append(parametersOf(m))
                        .append(", checkpoint: '").append(micro.resolve(m)).append("' }\n");
            }
            yaml.append("  - name: ").append(VAULT).append("\n    family: llama\n    rungs:\n");
            List<String> checkpoints = List.of("micro-40k", "micro-300k", "micro-1m");
            for (int i = 0; i < VAULT_MODELS.size(); i++) {
                yaml.append("      - { name: ").append(VAULT_MODELS.get(i)).append(", parameters: ").append(VAULT_PARAMETERS[i])
                        .append(", checkpoint: '").append(micro.resolve(checkpoints.get(i))).append("' }\n");
            }
            Files.writeString(file, yaml);
            registry.add("ladderboard.ladders-file", file::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long parametersOf(String model) {
        return switch (model) {
            case "micro-40k" -> 39504;
            case "micro-100k" -> 105696;
            case "micro-300k" -> 315968;
            default -> 1000576;
        };
    }

    @Autowired
    protected JdbcTemplate template;
    @Autowired
    protected LadderRegistry ladderRegistry;

    /** A round open now on both ladders, closing before the tests' shared round so it is the current one. */
    protected Round currentRoundOnBothLadders(String name) {
        Round round = new Round(name, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));
        round.setMinExamples(ROUND_MIN_EXAMPLES);
        round.setLadders(new LinkedHashSet<>(List.of("micro", VAULT)));
        round.setLeaderboardRevealed(true);
        round.setLeaderboardPublic(true);
        return rounds.save(round);
    }

    /** Closes the round, so the shared round is the current one again for the tests that follow. */
    protected void close(Round round) {
        jdbc.sql("update round set opens_at = now() - interval '3 days', closes_at = now() - interval '2 days' where id = ?")
                .param(round.getId()).update();
    }

    /**
     * A submission scored on both ladders: micro as {@link ScoredTask} scores it, and each vault model with its
     * {@link #VAULT_LOSSES} loss on every example (right on the examples micro's smallest model gets right), with
     * the curves of both ladders stored as the worker stores them.
     */
    protected long scoredOnBothLadders(long roundId, long accountId, String taskName) {
        return scoredOnBothLadders(roundId, accountId, taskName, true);
    }

    /** As above; {@code inverseOnVault} false gives the largest vault model the smallest loss (no inverse scaling). */
    protected long scoredOnBothLadders(long roundId, long accountId, String taskName, boolean inverseOnVault) {
        long id = ScoredTask.create(jdbc, template, roundId, accountId, taskName, "author", List.of("data.csv"), 8);
        int total = 8;
        for (int m = 0; m < VAULT_MODELS.size(); m++) {
            String model = VAULT_MODELS.get(m);
            double loss = VAULT_LOSSES[inverseOnVault ? m : VAULT_MODELS.size() - 1 - m];
            long job = jdbc.sql("""
                            insert into scoring_job (submission_id, ladder, model, model_parameters, status, examples_total,
                                                     examples_done, finished_at)
                            values (?, ?, ?, ?, 'DONE', ?, ?, now() - interval '1 minute') returning id""")
                    .params(id, VAULT, model, VAULT_PARAMETERS[m], total, total).query(Long.class).single();
            template.batchUpdate("""
                            insert into example_score (example_id, ladder, model, submission_id, job_id, attempt, class_logprobs,
                                                       loss, correct, predicted, record)
                            select e.id, ?, ?, ?, ?, 1, ?::jsonb, ?, ?, ?, ?::jsonb from example e
                            where e.submission_id = ? and e.position = ?""",
                    IntStream.range(0, total).mapToObj(i -> {
                        boolean right = ScoredTask.right(i, 0);
                        String logprobs = String.format(Locale.ROOT, "[%.6f, -9.0]", -loss);
                        String record = String.format(Locale.ROOT,
                                "{\"class_logprobs\": %s, \"loss\": %.6f, \"correct\": %s, \"predicted\": %d, \"truncated\": false}",
                                logprobs, loss, right, right ? 0 : 1);
                        return new Object[] {VAULT, model, id, job, logprobs, loss, right, right ? 0 : 1, record, id, i};
                    }).toList());
            jdbc.sql("""
                            insert into model_result (submission_id, ladder, model, model_parameters, examples_scored, errors,
                                                      truncated, mean_loss, loss_stderr, accuracy)
                            select ?, ?, ?, ?, count(*), 0, 0, avg(loss), 0, avg(case when correct then 1.0 else 0.0 end)
                            from example_score where submission_id = ? and ladder = ? and model = ?""")
                    .params(id, VAULT, model, VAULT_PARAMETERS[m], id, VAULT, model).update();
        }
        template.execute((ConnectionCallback<Boolean>) c -> new CurveStore(ladderRegistry.all()).storeIfScored(c, id));
        return id;
    }
}
